import '@civic-widgets/core/define';
import { defineElement } from '@civic-widgets/core';
import { CivicReportForm } from './report-form.js';

// The location picker is imported by the form when the resident reaches "Where" (a chunk of its own).
defineElement('civic-report-form', CivicReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-form': CivicReportForm;
  }
}
