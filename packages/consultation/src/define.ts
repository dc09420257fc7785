import { CivicTextInput, defineElement } from '@civic-widgets/core';
import { CivicConsultation } from './consultation.js';

// The overview needs only the text input (the resume code); the question pages register the
// other fields and the ranking when the resident starts (flow.ts).
defineElement('civic-text-input', CivicTextInput);
defineElement('civic-consultation', CivicConsultation);

// The event types ride with this entry, so importing only `/define` types the listeners.
export type { CivicConsultationPageChangeEvent } from './events/page-change.js';
export type { CivicConsultationSubmittedEvent } from './events/submitted.js';
export type { CivicErrorEvent } from '@civic-widgets/core';

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation': CivicConsultation;
  }
}
