import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { FieldError } from '@civic-widgets/core';
import { tr, type Page } from '../model.js';
import { renderQuestion, type QuestionContext } from '../questions.js';
import { paragraphs } from '../text.js';

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

