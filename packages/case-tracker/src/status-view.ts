import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** While a case or the list is on its way. */
export function renderLoading(list: boolean): TemplateResult {
  return html`<p class="loading" role="status">
    ${list ? msg('Loading reports…', { id: 'tracker.list.loading' }) : msg('Finding your report…', { id: 'tracker.loading' })}
  </p>`;
}

/** A case or the list could not be loaded: what went wrong, and a way to try again. */
export interface ErrorView {
  list: boolean;
  onRetry: () => void;
  /** "Back to the list", when a case was opened from it. */
  before: TemplateResult | typeof nothing;
}

export function renderError(v: ErrorView): TemplateResult {
  return html`<h2 class="heading-l" tabindex="-1" part="heading">
      ${msg('Sorry, there is a problem with the service', { id: 'tracker.error.title' })}
    </h2>
    <p class="body">
      ${v.list
        ? msg('We could not load the reports just now. Try again in a few minutes.', { id: 'tracker.error.list' })
        : msg('We could not load your report just now. Try again in a few minutes.', { id: 'tracker.error.body' })}
    </p>
    <button class="button" part="button" type="button" @click=${v.onRetry}>${msg('Try again', { id: 'tracker.error.retry' })}</button>
    ${v.before}`;
}

/** Digital by default, never the only way: the phone number stays in view whatever is shown. */
export function renderContact(phone: string): TemplateResult {
  return html`<div class="contact" part="contact">
    <slot name="contact">
      ${phone
        ? html`<p class="body">${msg('You can also call us about your report on', { id: 'tracker.contact.phone' })}
            <a href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>.</p>`
        : nothing}
    </slot>
  </div>`;
}
