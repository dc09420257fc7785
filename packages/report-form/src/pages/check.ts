import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, renderQuestionPage } from '@civic-widgets/core';
import { askedQuestions, type PageId } from '../flow.js';
import type { ReportView } from './view.js';

/** "Check your answers" (GOV.UK): every answer with a Change link back to its page. */
export function renderCheck(v: ReportView) {
  const a = v.answers;
  const notGiven = msg('Not given', { id: 'report.check.notGiven' });
  const row = (label: string, value: string | TemplateResult, page?: PageId) => html`<div class="summary-row">
    <dt>${label}</dt>
    <dd class="value">${value || notGiven}</dd>
    <dd class="actions">${page
      ? html`<button class="link-button" type="button" data-change=${page} @click=${() => v.change(page)}>${msg('Change', { id: 'report.check.change' })}<span class="visually-hidden"> ${label}</span></button>`
      : nothing}</dd>
  </div>`;
  const answerText = (code: string) => {
    const attr = v.questions.find((x) => x.code === code)!;
    const value = a.attributes[code];
    const keys = Array.isArray(value) ? value : value ? [value] : [];
    if (attr.datatype === 'datetime' && typeof value === 'string' && value) return formatDate(value);
    return keys.map((k) => attr.values.find((x) => x.key === k)?.name ?? k).join('\n');
  };
  const pages = v.pages;
  const body = html`
    <dl class="summary">
      ${row(msg('Problem', { id: 'report.check.problem' }), v.service?.name ?? a.serviceCode, pages.includes('category') ? 'category' : undefined)}
      ${askedQuestions(v.questions, a.attributes).map((q) => row(q.description || q.code, answerText(q.code), `question:${q.code}`))}
      ${row(msg('More about the problem', { id: 'report.check.description' }), a.description.trim(), 'description')}
      ${row(msg('Where', { id: 'report.check.where' }), a.place?.address || (a.place?.lat != null && a.place.lng != null ? `${a.place.lat.toFixed(5)}, ${a.place.lng.toFixed(5)}` : ''), 'where')}
      ${pages.includes('photos')
        ? row(
            msg('Photos', { id: 'report.check.photos' }),
            a.photos.length ? msg(str`${a.photos.length} added`, { id: 'report.check.photoCount' }) : '',
            'photos',
          )
        : nothing}
      ${row(msg('Name', { id: 'report.check.name' }), a.name.trim(), 'about')}
      ${row(msg('Email', { id: 'report.check.email' }), a.email.trim(), 'about')}
      ${row(msg('Phone', { id: 'report.check.phone' }), a.phone.trim(), 'about')}
      ${row(
        msg('Updates by email', { id: 'report.check.updates' }),
        a.updates && a.email.trim() ? msg('Yes', { id: 'report.check.yes' }) : msg('No', { id: 'report.check.no' }),
        'about',
      )}
    </dl>
    <h2 class="heading-l">${msg('Now send your report', { id: 'report.check.sendTitle' })}</h2>
    <p class="body">${msg('By sending this report you confirm that, to the best of your knowledge, the details are correct.', { id: 'report.check.declaration' })}</p>
    <button class="button" type="button" ?disabled=${v.busy || v.confirming} @click=${() => void v.submit()}>
      ${v.busy || v.confirming ? msg('Sending…', { id: 'report.check.sending' }) : msg('Send report', { id: 'report.check.send' })}
    </button>
    <p role="status" class="body">${v.confirming
      ? msg('The council has your report. Getting your reference number…', { id: 'report.check.confirming' })
      : nothing}</p>
  `;
  return renderQuestionPage({ ...v.frame, heading: msg('Check your answers before sending your report', { id: 'report.check.title' }), body });
}
