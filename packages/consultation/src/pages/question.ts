import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { renderQuestionPage, type FieldError } from '@civic-widgets/core';
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
  onBack: () => void;
  onContinue: () => void;
  onField: (event: Event) => void;
  onLocation: (event: Event) => void;
  onEnter: (event: KeyboardEvent) => void;
  onSave: () => void;
}

/** One page of questions, in core's question-page shell: progress, heading, fields, Continue. */
export function renderPage(v: PageView) {
  return renderQuestionPage({
    onBack: v.onBack,
    errors: v.summaryErrors,
    progress: v.count > 1 ? { page: v.number, of: v.count } : undefined,
    heading: tr(v.page.title, v.lang),
    body: html`${v.page.intro ? paragraphs(tr(v.page.intro, v.lang)) : nothing}
      <div @keydown=${v.onEnter} @input=${v.onField} @change=${v.onField} @civic-location-change=${v.onLocation}>
        ${repeat(
          v.page.questions,
          (q) => q.id,
          (q) => renderQuestion(q, v),
        )}
      </div>
      ${v.actionError ? html`<p class="error-text" role="alert">${v.actionError}</p>` : nothing}`,
    onContinue: v.onContinue,
    actions: v.canSave
      ? html`<button type="button" class="button button--secondary" ?disabled=${v.saving} @click=${v.onSave}>
          ${msg('Save and come back later', { id: 'page.save' })}
        </button>`
      : nothing,
  });
}
