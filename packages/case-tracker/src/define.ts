import { defineElement } from '@civic-widgets/core';
import { CivicCaseTracker } from './case-tracker.js';

defineElement('civic-case-tracker', CivicCaseTracker);

// The event types ride with this entry, so importing only `/define` types the listeners.
export type { CivicCaseLoadEvent } from './events/case-load.js';
export type { CivicCaseSelectEvent } from './events/case-select.js';
export type { CivicCaseSubscribeEvent } from './events/case-subscribe.js';
export type { CivicErrorEvent } from '@civic-widgets/core';

declare global {
  interface HTMLElementTagNameMap {
    'civic-case-tracker': CivicCaseTracker;
  }
}
