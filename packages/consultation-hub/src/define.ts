import { CivicTextInput, defineElement } from '@civic-widgets/core';
import { CivicConsultationHub } from './consultation-hub.js';

// The alerts form's email box is core's text input; the search and filters are plain inputs.
defineElement('civic-text-input', CivicTextInput);
defineElement('civic-consultation-hub', CivicConsultationHub);

// The event types ride with this entry, so importing only `/define` types the listeners.
export type { CivicAlertsSubscribeEvent } from './events/alerts-subscribe.js';
export type { CivicErrorEvent } from '@civic-widgets/core';

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-hub': CivicConsultationHub;
  }
}
