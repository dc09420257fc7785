import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { trackerHref } from '../flow.js';
import type { ReportView } from './view.js';

/** The confirmation: the reference, who deals with it, what happens next, where to follow it. */
export function renderDone(v: ReportView) {
  const c = v.confirmation;
  if (!c) return nothing;
  const reference = c.id ?? c.token ?? '';
  return html`
    <div class="panel" part="panel">
      <h1>${msg('Report sent', { id: 'report.done.title' })}</h1>
      ${reference
        ? html`<p>
            ${c.id ? msg('Your reference number', { id: 'report.done.reference' }) : msg('Your report’s temporary reference', { id: 'report.done.token' })}
            <strong class="reference">${reference}</strong>
          </p>`
        : nothing}
    </div>
    ${c.queued ? html`<p class="body">${msg('Your connection came back, so we sent the report you saved earlier.', { id: 'report.done.queued' })}</p>` : nothing}
    ${!c.id && c.token
      ? html`<p class="body">${msg('The council’s system will give your report a reference number soon. Quote this temporary reference if you contact us before then.', { id: 'report.done.tokenBody' })}</p>`
      : nothing}
    ${c.email && v.settings.receipts
      ? html`<p class="body">
          ${msg(str`We have sent a receipt to ${c.email}.`, { id: 'report.done.receipt' })}
          ${c.updates ? msg('To get updates about your report, open the link in it to confirm your email address.', { id: 'report.done.confirmUpdates' }) : nothing}
        </p>`
      : nothing}
    <h2 class="heading-l">${msg('What happens next', { id: 'report.done.next' })}</h2>
    ${c.notice ? html`<p class="body notice">${c.notice}</p>` : nothing}
    <p class="body">${msg('We will look at your report and decide what to do. You do not need to report it again.', { id: 'report.done.nextBody' })}</p>
    ${trackerHref(v.settings.trackerUrl, reference)
      ? html`<p class="body"><a href=${trackerHref(v.settings.trackerUrl, reference)!}>${msg('Check the progress of your report', { id: 'report.done.track' })}</a></p>`
      : nothing}
    <button class="button button--secondary" type="button" @click=${() => v.startAgain()}>
      ${msg('Report another problem', { id: 'report.done.another' })}
    </button>
  `;
}

/** The report could not be sent: it waits in the outbox, and the resident is told so plainly. */
export function renderQueued(v: ReportView) {
  const waiting = v.waiting;
  return html`
    <h1 class="heading-xl">${msg('Your report has not been sent yet', { id: 'report.queued.title' })}</h1>
    <p class="body">${msg('We could not reach the council’s system. This can happen when you are offline or the connection is poor.', { id: 'report.queued.body' })}</p>
    <p class="body">${msg('Your report is saved on this device. We will send it automatically when the connection comes back, and show you the reference number here. You do not need to fill in the form again.', { id: 'report.queued.saved' })}</p>
    ${waiting > 1 ? html`<p class="body">${msg(str`${waiting} reports are waiting to be sent.`, { id: 'report.queued.count' })}</p>` : nothing}
    <button class="button" type="button" @click=${() => v.retry()}>${msg('Try sending it now', { id: 'report.queued.retry' })}</button>
  `;
}
