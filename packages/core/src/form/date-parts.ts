import { msg, str } from '@lit/localize';

/** What the resident typed into the day, month and year boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

/** The result of reading three boxes: an ISO date, or the GOV.UK message and which boxes are wrong. */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'valid'; iso: string }
  | { kind: 'invalid'; message: string; parts: DatePart[] };

const monthNames: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// GOV.UK accepts a month written as a name or abbreviation ("Jan", "january").
function readMonth(text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  return monthNames[trimmed.slice(0, 3)] ?? NaN;
}

/**
 * Reads the three boxes with the GOV.UK date input's rules and messages
 * (https://design-system.service.gov.uk/components/date-input/).
 */
export function readDateParts(parts: DateParts, options: { notFuture?: boolean; today?: Date } = {}): DateReading {
  const filled = (Object.keys(parts) as DatePart[]).filter((part) => parts[part].trim() !== '');
  if (filled.length === 0) return { kind: 'empty' };
  const missing = (['day', 'month', 'year'] as DatePart[]).filter((part) => !filled.includes(part));
  if (missing.length) {
    const names = {
      day: msg('a day', { id: 'date.part.day' }),
      month: msg('a month', { id: 'date.part.month' }),
      year: msg('a year', { id: 'date.part.year' }),
    };
    const message =
      missing.length === 1
        ? msg(str`Date must include ${names[missing[0]]}`, { id: 'date.missingOne' })
        : msg('Date must include a day, month and year', { id: 'date.missingSome' });
    return { kind: 'invalid', message, parts: missing };
  }
  const day = Number(parts.day.trim());
  const month = readMonth(parts.month);
  const yearText = parts.year.trim();
  const notReal = (): DateReading => ({ kind: 'invalid', message: msg('Date must be a real date', { id: 'date.notReal' }), parts: ['day', 'month', 'year'] });
  if (!/^\d{4}$/.test(yearText)) {
    // Letters in the day or the month too: the whole date is wrong, not only its year, and
    // every box is marked at once rather than one after another.
    if (!Number.isInteger(day) || !Number.isInteger(month)) return notReal();
    return { kind: 'invalid', message: msg('Year must include 4 numbers', { id: 'date.yearDigits' }), parts: ['year'] };
  }
  const year = Number(yearText);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!real) return notReal();
  const iso = date.toISOString().slice(0, 10);
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  if (options.notFuture && iso > today) {
    return {
      kind: 'invalid',
      message: msg('Date must be today or in the past', { id: 'date.notFuture' }),
      parts: ['day', 'month', 'year'],
    };
  }
  return { kind: 'valid', iso };
}

/** Splits `2026-11-23` into boxes; anything else gives empty boxes. */
export function isoToParts(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match
    ? { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) }
    : { day: '', month: '', year: '' };
}
