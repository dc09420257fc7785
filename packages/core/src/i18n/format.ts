import { currentLocale } from './localization.js';

const welshMonths = [
  'Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin',
  'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr',
];

/*
 * Not every browser ships Welsh date data: Debian's Chromium falls back to US English
 * ("February 1, 2027 at 11:59 PM") for `cy`. Where Welsh is missing, the date is written with
 * Welsh month names by hand, in the resident's time zone.
 */
let browserHasWelsh: boolean | undefined;
const hasWelsh = () => (browserHasWelsh ??= Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0);

function toDate(date: Date | string): Date | undefined {
  const value = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(value.getTime()) ? undefined : value;
}

const welshDate = (value: Date) => `${value.getDate()} ${welshMonths[value.getMonth()]} ${value.getFullYear()}`;
const time24 = (value: Date) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value);

/** "23 November 2026" / "23 Tachwedd 2026", in the resident's language (GOV.UK date style). */
export function formatDate(date: Date | string): string {
  const value = toDate(date);
  if (!value) return '';
  if (currentLocale() === 'cy' && !hasWelsh()) return welshDate(value);
  const locale = currentLocale() === 'cy' ? 'cy-GB' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(value);
}

/** "23 November 2026 at 15:04" / "23 Tachwedd 2026 am 15:04", in the resident's time zone. */
export function formatDateTime(date: Date | string): string {
  const value = toDate(date);
  if (!value) return '';
  if (currentLocale() === 'cy' && !hasWelsh()) return `${welshDate(value)} am ${time24(value)}`;
  const locale = currentLocale() === 'cy' ? 'cy-GB' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(value);
}
