import '@civic-widgets/core/define';
import '@civic-widgets/location-picker/define';
import { defineElement } from '@civic-widgets/core';
import { CivicReportForm } from './report-form.js';

defineElement('civic-report-form', CivicReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-form': CivicReportForm;
  }
}
