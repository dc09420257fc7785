import { msg } from '@lit/localize';
import { ConsultationError } from '@civic-widgets/core';
import type { Question, Visibility } from './model.js';

/** What to tell the resident when sending, saving or resuming failed: what happened and what to do. */
export function problemText(error: unknown, operation: 'submit' | 'save' | 'resume'): string {
  const codes = error instanceof ConsultationError ? error.errors.map((e) => e.code) : [];
  if (codes.includes('consultation_closed')) {
    return msg('This consultation has closed, so we cannot accept responses any more.', { id: 'problem.closed' });
  }
  if (codes.includes('consultation_not_open')) {
    return msg('This consultation has not opened yet.', { id: 'problem.notOpen' });
  }
  if (codes.includes('idempotency_key_reused')) {
    return msg('We already received a response from this page with different answers. If you want to change your response, contact us.', {
      id: 'problem.keyReused',
    });
  }
  if (error instanceof ConsultationError && error.kind === 'rate-limited') {
    return msg('Too many responses have been sent from your connection. Wait a few minutes, then try again.', { id: 'problem.rateLimited' });
  }
  if (operation === 'submit') {
    return msg('Your response has not been sent. Check your internet connection, then try again. Your answers are still here.', {
      id: 'problem.submit',
    });
  }
  if (operation === 'save') {
    return msg('Your answers could not be saved. Check your internet connection, then try again.', { id: 'problem.save' });
  }
  return msg('We could not check your code. Check your internet connection, then try again.', { id: 'problem.resume' });
}

/** The server's per-question errors as messages by question id (or `<id>.other`), for the questions shown. */
export function serverErrors(
  items: { code: string; question?: string }[],
  vis: Visibility,
  message: (code: string, question: Question, lang: 'en' | 'cy') => string,
  lang: 'en' | 'cy',
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of items) {
    const question = vis.questions.get(item.question!);
    if (!question) continue;
    const key = item.code === 'other_required' ? `${question.id}.other` : question.id;
    errors[key] = message(item.code, question, lang);
  }
  return errors;
}
