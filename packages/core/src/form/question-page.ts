import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { FieldError } from './error-summary.js';

/*
 * One shape for a question page in every flow (GOV.UK question pages; Shoelace's
 * `renderFormControl`): Back, the error summary, "Page 2 of 5", the heading, the page's own
 * content, and Continue. Flows pass a view object; the words are translated here, once.
 */

/** "Back", as every flow says it. */
export const backText = () => msg('Back', { id: 'page.back' });
/** "Continue", never "Next" (GOV.UK). */
export const continueText = () => msg('Continue', { id: 'page.continue' });
/** "Page 2 of 5". */
export const progressText = (page: number, of: number) => msg(str`Page ${page} of ${of}`, { id: 'page.progress' });

/** What a question page shows around its own content. */
export interface QuestionPageView {
  /** Back to the page before; no Back link when absent (the first page). */
  onBack?: () => void;
  /** The problems listed in the error summary (none: no summary). */
  errors: readonly FieldError[];
  /** Where the resident is in the flow; `detail` follows it ("Page 2 of 7 · Potholes"). */
  progress?: { page: number; of: number; detail?: string };
  /** The page's `<h1>`, when its question's label is not the heading already. */
  heading?: unknown;
  /** The page's own content: text, fields. */
  body: unknown;
  /**
   * Continue: a submit button, so Enter in a text field continues too (core's text input asks its
   * form to submit). Absent on pages that end in their own buttons.
   */
  onContinue?: () => void;
  /** Continue is pressed and not finished yet (the button is disabled meanwhile). */
  busy?: boolean;
  /** Buttons after Continue ("Save and come back later"). */
  actions?: unknown;
}

/** The Back link (GOV.UK back link): a link, though it does not leave the page, as GOV.UK's is. */
export function renderBackLink(onBack: () => void) {
  return html`<a class="back-link" part="back" href="#" @click=${(e: Event) => (e.preventDefault(), onBack())}>${backText()}</a>`;
}

/**
 * A question page. The error summary stays outside the page's form: inside one it would gather
 * the fields' `invalid` events itself and replace the list the flow chose.
 */
export function renderQuestionPage(v: QuestionPageView) {
  const p = v.progress;
  return html`${v.onBack ? renderBackLink(v.onBack) : nothing}
    <civic-error-summary .errors=${v.errors}></civic-error-summary>
    ${p ? html`<p class="caption" part="progress">${progressText(p.page, p.of)}${p.detail ? ` · ${p.detail}` : nothing}</p>` : nothing}
    ${v.heading ? html`<h1 class="heading-xl" tabindex="-1">${v.heading}</h1>` : nothing}
    ${v.onContinue
      ? html`<form class="questions" novalidate @submit=${(e: Event) => (e.preventDefault(), v.busy || v.onContinue!())}>
          ${v.body}
          <div class="actions">
            <button type="submit" class="button" ?disabled=${v.busy}>${continueText()}</button>
            ${v.actions ?? nothing}
          </div>
        </form>`
      : v.body}`;
}
