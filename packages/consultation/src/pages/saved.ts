import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate } from '@civic-widgets/core';
import { formatResumeCode } from '../model.js';

export interface SavedView {
  resumeCode: string;
  /** ISO date the saved answers expire, or '' when the server did not say. */
  expiresAt: string;
  /** The address the code was just emailed to, or ''. */
  emailedTo: string;
  emailError: string;
  actionError: string;
  emailing: boolean;
  onEmail: (event: Event) => void;
  onEmailInput: () => void;
  onEnter: (event: KeyboardEvent) => void;
  onContinue: () => void;
}

/** "Your answers have been saved": the resume code, and a form to email it. */
export function renderSaved(v: SavedView) {
  const expires = v.expiresAt ? formatDate(v.expiresAt) : '';
  return html`<div class="panel panel--neutral">
      <h1 class="heading-xl" tabindex="-1">${msg('Your answers have been saved', { id: 'saved.title' })}</h1>
      <p>${msg('Your resume code is', { id: 'saved.codeIs' })}</p>
      <p class="resume-code" part="resume-code">${formatResumeCode(v.resumeCode)}</p>
    </div>
    <p class="body">
      ${expires
        ? msg(str`Write the code down or email it to yourself. To carry on, come back to this page before ${expires} and enter the code under “Continue where you left off”.`, {
            id: 'saved.instructions',
          })
        : nothing}
    </p>
    <h2 class="heading-l">${msg('Email me the code', { id: 'saved.emailTitle' })}</h2>
    ${v.emailedTo
      ? html`<p class="body" role="status" tabindex="-1" data-emailed>${msg(str`We have sent the code and a link to ${v.emailedTo}.`, { id: 'saved.emailed' })}</p>`
      : nothing}
    <form novalidate @submit=${v.onEmail} @keydown=${v.onEnter}>
      <civic-text-input
        data-email
        type="email"
        autocomplete="email"
        required
        .label=${msg('Email address', { id: 'saved.emailLabel' })}
        .hint=${msg('We will send you the code and a link back to this page. We do not keep your email address.', { id: 'saved.emailHint' })}
        .requiredMessage=${msg('Enter your email address', { id: 'saved.emailRequired' })}
        .errorMessage=${v.emailError}
        @input=${v.onEmailInput}
      ></civic-text-input>
      <button type="submit" class="button button--secondary" ?disabled=${v.emailing}>
        ${msg('Send me the code', { id: 'saved.emailSubmit' })}
      </button>
    </form>
    ${v.actionError ? html`<p class="error-text" role="alert">${v.actionError}</p>` : nothing}
    <p class="body">
      <button type="button" class="button" @click=${v.onContinue}>${msg('Continue answering', { id: 'saved.continue' })}</button>
    </p>`;
}
