import { defineElement } from '@civic-widgets/core';
import { CivicLocationPicker } from './location-picker.js';

defineElement('civic-location-picker', CivicLocationPicker);

// The event types ride with this entry, so importing only `/define` types the listeners.
export type { CivicLocationChangeEvent } from './events/location-change.js';
export type { CivicReportSelectEvent } from './events/report-select.js';
export type { CivicErrorEvent } from '@civic-widgets/core';

declare global {
  interface HTMLElementTagNameMap {
    'civic-location-picker': CivicLocationPicker;
  }
}
