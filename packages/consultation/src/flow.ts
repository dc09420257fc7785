/*
 * The question pages and "Check your answers", loaded when the resident starts (or resumes):
 * most people reading a consultation page only read the overview, so they never download the
 * fields. This module registers the core fields and the ranking, so it is a define module too.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import '@civic-widgets/core/define';
import { defineElement, type FieldError } from '@civic-widgets/core';
import { CivicConsultationRanking } from './ranking.js';
import { tr, type Answers, type Page } from './model.js';
import { describeAnswer, renderQuestion, type QuestionContext } from './questions.js';
import { paragraphs } from './text.js';

export { validateFields } from '@civic-widgets/core';
export { customError, serverErrorMessage } from './questions.js';

defineElement('civic-consultation-ranking', CivicConsultationRanking);

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-ranking': CivicConsultationRanking;
  }
}

export interface PageView extends QuestionContext {
  page: Page;
  number: number;
  count: number;
  summaryErrors: FieldError[];
  actionError: string;
  canSave: boolean;
  saving: boolean;
  back: unknown;
  onContinue: (event: Event) => void;
  onField: (event: Event) => void;
  onLocation: (event: Event) => void;
  onEnter: (event: KeyboardEvent) => void;
  onSave: () => void;
}

/** One page of questions (GOV.UK question page): progress, heading, fields, Continue. */
export function renderPage(v: PageView) {
  return html`${v.back}
    <civic-error-summary .errors=${v.summaryErrors}></civic-error-summary>
    ${v.count > 1
      ? html`<p class="caption" part="progress">${msg(str`Page ${v.number} of ${v.count}`, { id: 'page.progress' })}</p>`
      : nothing}
    <h1 class="heading-xl" tabindex="-1">${tr(v.page.title, v.lang)}</h1>
    ${v.page.intro ? paragraphs(tr(v.page.intro, v.lang)) : nothing}
    <form
      class="questions"
      novalidate
      @submit=${v.onContinue}
      @keydown=${v.onEnter}
      @input=${v.onField}
      @change=${v.onField}
      @civic-location-change=${v.onLocation}
    >
      ${repeat(
        v.page.questions,
        (q) => q.id,
        (q) => renderQuestion(q, v),
      )}
      ${v.actionError ? html`<p class="error-text" role="alert">${v.actionError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button">${msg('Continue', { id: 'page.continue' })}</button>
        ${v.canSave
          ? html`<button type="button" class="button button--secondary" ?disabled=${v.saving} @click=${v.onSave}>
              ${msg('Save and come back later', { id: 'page.save' })}
            </button>`
          : nothing}
      </div>
    </form>`;
}

export interface CheckView {
  pages: Page[];
  answers: Answers;
  lang: string;
  actionError: string;
  sending: boolean;
  back: unknown;
  onChange: (pageId: string) => void;
  onSend: () => void;
}

/** "Check your answers" (GOV.UK summary list) with a Change link per answer. */
export function renderCheck(v: CheckView) {
  const { lang } = v;
  return html`${v.back}
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
