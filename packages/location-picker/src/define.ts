import { defineElement } from '@civic-widgets/core';
import { CivicLocationPicker } from './location-picker.js';

defineElement('civic-location-picker', CivicLocationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'civic-location-picker': CivicLocationPicker;
  }
}
