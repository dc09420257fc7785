import { msg, str } from '@lit/localize';
import { ApiError, type FieldError } from '@civic-widgets/core';
import type { ReportView } from './pages/view.js';

/** "You can also call 01632 960000.", when the council gave a number. */
export const callUs = (phone: string) => (phone ? ` ${msg(str`You can also call ${phone}.`, { id: 'report.refused.call' })}` : '');

/**
 * Loading a category's questions failed. A 401/403 is permanent (a private or retired
 * category): say it is not available online and give the phone number, never "try again".
 */
export function questionsError(v: ReportView, error: unknown): FieldError {
  const target = v.find('input[name=category]:checked') ?? v.headingTarget();
  if (error instanceof ApiError && error.kind === 'forbidden') {
    return { message: msg('You cannot report this problem online. Choose another problem.', { id: 'report.error.questionsForbidden' }) + callUs(v.settings.phone), target };
  }
  return { message: msg('The questions for this problem could not be loaded. Try again.', { id: 'report.error.questions' }), target };
}
