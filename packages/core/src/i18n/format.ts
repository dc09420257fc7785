import { currentLocale } from './localization.js';

const intlLocale = () => (currentLocale() === 'cy' ? 'cy-GB' : 'en-GB');

/** "23 November 2026", in the resident's language (GOV.UK date style). */
export function formatDate(date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(value);
}

/** "23 November 2026 at 3:04pm"-like, in the resident's language and time zone. */
export function formatDateTime(date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(value);
}
