import { currentLocale } from './localization.js';

const months = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/*
 * Dates are written by hand, in the resident's time zone, not with Intl.DateTimeFormat: the first
 * DateTimeFormat a page makes costs 70–165 ms of CPU in Chromium (its time zone and calendar
 * data), 0.3–0.6 s on a slow phone, and the hub and the tracker showed a date on their first
 * screen (issue #18). GOV.UK's style is simple enough: "1 February 2027", "at 23:59". It also
 * spares browsers without Welsh date data (Debian's Chromium writes `cy` as US English).
 */
function toDate(date: Date | string): Date | undefined {
  const value = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(value.getTime()) ? undefined : value;
}

const two = (n: number) => String(n).padStart(2, '0');
const welsh = () => currentLocale() === 'cy';

/** "23 November 2026" / "23 Tachwedd 2026", in the resident's language (GOV.UK date style). */
export function formatDate(date: Date | string): string {
  const value = toDate(date);
  if (!value) return '';
  return `${value.getDate()} ${months[welsh() ? 'cy' : 'en'][value.getMonth()]} ${value.getFullYear()}`;
}

/** "23 November 2026 at 15:04" / "23 Tachwedd 2026 am 15:04", in the resident's time zone. */
export function formatDateTime(date: Date | string): string {
  const value = toDate(date);
  if (!value) return '';
  return `${formatDate(value)} ${welsh() ? 'am' : 'at'} ${two(value.getHours())}:${two(value.getMinutes())}`;
}
