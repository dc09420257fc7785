import { defineElement } from './civic-element.js';
import { CivicTextInput } from './form/text-input.js';
import { CivicTextarea } from './form/textarea.js';
import { CivicRadios } from './form/radios.js';
import { CivicCheckboxes } from './form/checkboxes.js';
import { CivicSelect } from './form/select.js';
import { CivicDateInput } from './form/date-input.js';
import { CivicErrorSummary } from './form/error-summary.js';

defineElement('civic-text-input', CivicTextInput);
defineElement('civic-textarea', CivicTextarea);
defineElement('civic-radios', CivicRadios);
defineElement('civic-checkboxes', CivicCheckboxes);
defineElement('civic-select', CivicSelect);
defineElement('civic-date-input', CivicDateInput);
defineElement('civic-error-summary', CivicErrorSummary);

// The event types ride with this entry, so importing only `/define` types `civic-error` listeners.
export type { CivicErrorEvent } from './events/error.js';

declare global {
  interface HTMLElementTagNameMap {
    'civic-text-input': CivicTextInput;
    'civic-textarea': CivicTextarea;
    'civic-radios': CivicRadios;
    'civic-checkboxes': CivicCheckboxes;
    'civic-select': CivicSelect;
    'civic-date-input': CivicDateInput;
    'civic-error-summary': CivicErrorSummary;
  }
}
