import { CivicCheckboxes, CivicTextInput, defineElement } from '@civic-widgets/core';
import { CivicConsultationHub } from './consultation-hub.js';

// The hub uses two of core's fields (search box and email, topic and area checkboxes), not all of them.
defineElement('civic-text-input', CivicTextInput);
defineElement('civic-checkboxes', CivicCheckboxes);
defineElement('civic-consultation-hub', CivicConsultationHub);

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-hub': CivicConsultationHub;
  }
}
