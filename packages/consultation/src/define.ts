import { CivicTextInput, defineElement } from '@civic-widgets/core';
import { CivicConsultation } from './consultation.js';

// The overview needs only the text input (the resume code); the question pages register the
// other fields and the ranking when the resident starts (flow.ts).
defineElement('civic-text-input', CivicTextInput);
defineElement('civic-consultation', CivicConsultation);

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation': CivicConsultation;
  }
}
