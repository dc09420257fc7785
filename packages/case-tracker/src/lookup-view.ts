import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { submitOnEnter } from './forms.js';

/** The look-up form: what the resident typed, the error to show on it, and "Find report". */
export interface LookupView {
  /** An example reference for the hint, or ''. */
  example: string;
  typed: string;
  error: string;
  onSubmit: (event: Event) => void;
}

/** "Report reference" and "Find report"; the error summary gathers the field's error itself. */
export function renderLookup(v: LookupView): TemplateResult {
  const hint = v.example
    ? msg(str`It is in the email we sent when you made the report, for example ${v.example}.`, { id: 'tracker.lookup.hintExample' })
    : msg('It is in the email we sent when you made the report.', { id: 'tracker.lookup.hint' });
  return html`<form class="lookup" novalidate @submit=${v.onSubmit}>
    <civic-error-summary id="lookup-summary"></civic-error-summary>
    <civic-text-input
      id="reference"
      required
      required-message=${msg('Enter the reference of your report', { id: 'tracker.lookup.empty' })}
      label=${msg('Report reference', { id: 'tracker.lookup.label' })}
      hint=${hint}
      autocomplete="off"
      .value=${v.typed}
      .errorMessage=${v.error}
      @keydown=${submitOnEnter}
    ></civic-text-input>
    <button class="button" part="button" type="submit">${msg('Find report', { id: 'tracker.lookup.submit' })}</button>
  </form>`;
}
