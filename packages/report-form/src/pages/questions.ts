import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { renderQuestionPage, type FieldOption, type ServiceAttribute } from '@civic-widgets/core';
import { renderEmergency } from './emergency.js';
import { informationFor, type PageId } from '../flow.js';
import type { ReportView } from './view.js';

/** Lists up to this long are radios; longer ones a select (GOV.UK: radios for a few options). */
const RADIOS_UP_TO = 7;

const valueOf = (e: Event) => (e.target as HTMLElement & { value: string | string[] }).value;

/** `variable=false` attributes: information for the resident, shown as inset text. */
function renderInformation(v: ReportView, page: PageId) {
  return informationFor(page, v.questions, v.answers.attributes).map(
    (a) => html`<div class="inset">${a.description}${a.datatypeDescription ? html`<br />${a.datatypeDescription}` : nothing}</div>`,
  );
}

/** The field for one Open311 attribute, by datatype, with the question as the page heading. */
export function renderField(v: ReportView, a: ServiceAttribute) {
  const value = v.answers.attributes[a.code];
  const text = typeof value === 'string' ? value : '';
  const options: FieldOption[] = a.values.map((v) => ({ value: v.key, label: v.name }));
  const on = (e: Event) => v.answer(a.code, valueOf(e));
  const common = { label: a.description || a.code, hint: a.datatypeDescription, required: a.required };
  switch (a.datatype) {
    case 'singlevaluelist':
      return options.length > RADIOS_UP_TO
        ? html`<civic-select data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
            placeholder=${msg('Choose an answer', { id: 'report.question.choose' })} .options=${options} .value=${text} @change=${on}></civic-select>`
        : html`<civic-radios data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
            ?inline=${options.length === 2 && options.every((o) => o.label.length <= 4)} .options=${options} .value=${text} @change=${on}></civic-radios>`;
    case 'multivaluelist':
      return html`<civic-checkboxes data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
        .options=${options} .value=${Array.isArray(value) ? value : []} @change=${on}></civic-checkboxes>`;
    case 'text':
      return html`<civic-textarea data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
        maxlength="2000" .value=${text} @input=${on}></civic-textarea>`;
    case 'datetime':
      return html`<civic-date-input data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
        .value=${text} @change=${on} @input=${on}></civic-date-input>`;
    default:
      return html`<civic-text-input data-field page-heading name=${a.code} label=${common.label} hint=${common.hint} ?required=${a.required}
        type=${a.datatype === 'number' ? 'number' : 'text'} maxlength="500" .value=${text} @input=${on}></civic-text-input>`;
  }
}

/** One of the category's questions: one question per page. */
export function renderQuestion(v: ReportView, code: string) {
  const attribute = v.questions.find((a) => a.code === code);
  if (!attribute) return nothing;
  const body = html`${renderEmergency(v)} ${renderInformation(v, `question:${code}`)} ${renderField(v, attribute)}`;
  return renderQuestionPage({ ...v.frame, body, onContinue: () => void v.next() });
}

/** "Describe the problem": Open311's own free-text description. */
export function renderDescription(v: ReportView) {
  const body = html`
    ${renderEmergency(v)} ${renderInformation(v, 'description')}
    <civic-textarea
      data-field
      page-heading
      name="description"
      label=${msg('Tell us more about the problem', { id: 'report.description.label' })}
      hint=${msg('Tell us anything that would help us deal with it. Do not include personal details.', { id: 'report.description.hintAny' })}
      maxlength="2000"
      .value=${v.answers.description}
      @input=${(e: Event) => v.set({ description: valueOf(e) as string })}
    ></civic-textarea>
  `;
  return renderQuestionPage({ ...v.frame, body, onContinue: () => void v.next() });
}
