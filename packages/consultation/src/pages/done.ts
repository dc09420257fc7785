import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate } from '@civic-widgets/core';

export interface DoneView {
  reference: string;
  /** When the consultation closes (ISO), or '' when unknown. */
  closes: string;
  /** "Find out what we decide", when the server takes alerts. */
  after?: TemplateResult | typeof nothing;
}

/** The confirmation page (GOV.UK): the reference and what happens next. */
export function renderDone(v: DoneView) {
  const closes = v.closes ? formatDate(v.closes) : '';
  return html`<div class="panel" part="panel">
      <h1 class="heading-xl" tabindex="-1">${msg('Response sent', { id: 'done.title' })}</h1>
      <p class="panel-body">
        ${msg('Your reference is', { id: 'done.referenceIs' })}<br /><strong class="reference">${v.reference}</strong>
      </p>
    </div>
    <h2 class="heading-l">${msg('What happens next', { id: 'done.nextTitle' })}</h2>
    <p class="body">
      ${msg(str`We will read every response. After the consultation closes on ${closes}, we will publish what people told us and what we decided.`, {
        id: 'done.next',
      })}
    </p>
    <p class="body">${msg('Keep your reference if you want to contact us about your response.', { id: 'done.keep' })}</p>
    ${v.after ?? nothing}`;
}
