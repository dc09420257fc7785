import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { ReportView } from './view.js';

/** The category's emergency notice (GOV.UK warning text), on the first page after the category. */
export function renderEmergency(v: ReportView) {
  const notice = v.service?.emergencyNotice;
  const first = v.pages.find((p) => p !== 'category');
  if (!notice || v.page !== first) return nothing;
  return html`<div class="warning" role="note">
    <span class="warning-icon" aria-hidden="true">!</span>
    <p><span class="visually-hidden">${msg('Warning', { id: 'report.warning' })}</span> ${notice}</p>
  </div>`;
}
