import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { stopFor } from '../flow.js';
import { renderCategory } from './category.js';
import { renderDescription, renderQuestion } from './questions.js';
import { renderDone, renderQueued } from './result.js';
import type { ReportView } from './view.js';
import type { FlowChunk } from '../chunks.js';

type FlowPages = typeof import('./flow-pages.js');

/**
 * The code a page needs beyond the element: none for the category and result pages; core's
 * fields for the category's questions (drawn by this module, so that a page with `service-code`
 * shows its first question without waiting for the later pages' chunk); the pages chunk for the
 * rest.
 */
export function codeFor(page: string): FlowChunk | undefined {
  if (page === 'category' || page === 'done' || page === 'queued') return undefined;
  return page.startsWith('question:') || page === 'description' ? 'fields' : 'pages';
}

/**
 * The page the resident is on, once the code it needs (`codeFor`) is in: the element shows
 * "Loading…" until then. The pages after the questions come in the pages chunk (`m`).
 */
export function renderPage(v: ReportView, m: FlowPages | undefined) {
  const page = v.page;
  if (page === 'done') return renderDone(v);
  if (page === 'queued') return renderQueued(v);
  if (page === 'category') return renderCategory(v);
  if (page.startsWith('question:')) return renderQuestion(v, page.slice(9));
  if (page === 'description') return renderDescription(v);
  if (!m) return nothing;
  if (page === 'existing') return m.renderExisting(v);
  if (page === 'stopped') {
    const stop = stopFor(v.questions, v.answers.attributes);
    return m.renderStopped({
      text: stop?.text ?? '',
      phone: v.settings.phone,
      onChange: () => v.go(stop ? `question:${stop.code}` : v.pages[0]!),
    });
  }
  if (page === 'where') return m.renderWhere(v);
  if (page === 'duplicates') return m.renderDuplicates(v);
  if (page === 'photos') return m.renderPhotos(v);
  if (page === 'about') return m.renderAbout(v);
  return m.renderCheck(v);
}

/** While the categories or a page's code are on their way. */
export const renderLoading = () => html`<p role="status">${msg('Loading…', { id: 'report.loading' })}</p>`;

/** The categories (or a page's code) could not be downloaded: say so, and offer to try again. */
export function renderUnavailable(onRetry: () => void) {
  return html`<h1 tabindex="-1">${msg('Sorry, you cannot report a problem online right now', { id: 'report.unavailable.title' })}</h1>
    <p class="body">${msg('We could not reach the council’s system. Try again in a few minutes.', { id: 'report.unavailable.body' })}</p>
    <button class="button button--secondary" type="button" @click=${onRetry}>${msg('Try again', { id: 'report.tryAgain' })}</button>`;
}
