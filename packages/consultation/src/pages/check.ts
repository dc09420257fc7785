import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { renderBackLink } from '@civic-widgets/core';
import { tr, type Answers, type Page } from '../model.js';
import { describeAnswer } from '../questions.js';

export interface CheckView {
  pages: Page[];
  answers: Answers;
  lang: string;
  actionError: string;
  sending: boolean;
  onBack: () => void;
  onChange: (pageId: string) => void;
  onSend: () => void;
}

/** "Check your answers" (GOV.UK summary list) with a Change link per answer. */
export function renderCheck(v: CheckView) {
  const { lang } = v;
  return html`${renderBackLink(v.onBack)}
    <h1 class="heading-xl" tabindex="-1">${msg('Check your answers before sending your response', { id: 'check.title' })}</h1>
    ${v.pages.map(
      (page) => html`<h2 class="heading-m">${tr(page.title, lang)}</h2>
        <dl class="summary-list">
          ${page.questions.map((q) => {
            const label = tr(q.label, lang);
            return html`<div class="summary-row">
              <dt class="summary-key">${label}</dt>
              <dd class="summary-value">${describeAnswer(q, v.answers, lang)}</dd>
              <dd class="summary-actions">
                <button type="button" class="link-button" @click=${() => v.onChange(page.id)}>
                  ${msg('Change', { id: 'check.change' })}<span class="visually-hidden">
                    ${msg(str`your answer to: ${label}`, { id: 'check.changeHidden' })}</span
                  >
                </button>
              </dd>
            </div>`;
          })}
        </dl>`,
    )}
    <h2 class="heading-l">${msg('Now send your response', { id: 'check.sendTitle' })}</h2>
    <p class="body">
      ${msg('By sending this response you confirm that, to the best of your knowledge, your answers are your own views.', {
        id: 'check.declaration',
      })}
    </p>
    ${v.actionError ? html`<div class="notice notice--error" role="alert"><p>${v.actionError}</p></div>` : nothing}
    <button type="button" class="button" ?disabled=${v.sending} @click=${v.onSend}>
      ${v.sending ? msg('Sending…', { id: 'check.sending' }) : msg('Send response', { id: 'check.send' })}
    </button>`;
}
