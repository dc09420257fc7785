/*
 * The question pages and "Check your answers", loaded when the resident starts (or resumes):
 * most people reading a consultation page only read the overview, so they never download the
 * fields. This module registers the core fields and the ranking, so it is a define module too.
 */
import '@civic-widgets/core/define';
import { defineElement } from '@civic-widgets/core';
import { CivicConsultationRanking } from './ranking.js';

export { validateFields } from '@civic-widgets/core';
export { customError, serverErrorMessage } from './questions.js';
export { renderPage, type PageView } from './pages/question.js';
export { renderCheck, type CheckView } from './pages/check.js';

defineElement('civic-consultation-ranking', CivicConsultationRanking);

declare global {
  interface HTMLElementTagNameMap {
    'civic-consultation-ranking': CivicConsultationRanking;
  }
}
