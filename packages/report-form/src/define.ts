import { CivicErrorSummary, defineElement } from '@civic-widgets/core';
import { CivicReportForm } from './report-form.js';

// The location picker is imported by the form when the resident reaches "Where" (a chunk of its own),
// and core's fields with the pages after the first (pages/flow-pages.ts): "What do you want to
// report?" draws only the error summary.
defineElement('civic-error-summary', CivicErrorSummary);
defineElement('civic-report-form', CivicReportForm);

// The event types ride with this entry, so importing only `/define` types the listeners.
export type { CivicSubmitEvent } from './events/submit.js';
export type { CivicSubmittedEvent } from './events/submitted.js';
export type { CivicErrorEvent } from '@civic-widgets/core';

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-form': CivicReportForm;
  }
}
