import { CivicLocationPicker } from './location-picker.js';
export type { CivicLocationChangeEvent } from './events/location-change.js';
export type { CivicReportSelectEvent } from './events/report-select.js';
export type { CivicErrorEvent } from '@civic-widgets/core';
declare global {
    interface HTMLElementTagNameMap {
        'civic-location-picker': CivicLocationPicker;
    }
}
