import { defineElement } from '@civic-widgets/core';
import { CivicCaseTracker } from './case-tracker.js';

defineElement('civic-case-tracker', CivicCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'civic-case-tracker': CivicCaseTracker;
  }
}
