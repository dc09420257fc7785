import type { Problems } from './validate.ts';

/*
 * A service request's expected_datetime: when the council expects to have dealt with it. Staff
 * set it with an update (POST servicerequestupdates, our extension) or on the /staff page; the
 * case tracker shows it as "Expected by". Dates are shown, and typed on the staff page, as
 * calendar days in the UK.
 */

const DAY = 86_400_000;
/** Older than this is refused: a resident would read an expected date that has already passed. */
export const EXPECTED_PAST_LIMIT_MS = DAY;
/** Further ahead than this is refused as a typing mistake (2206 for 2026). */
export const EXPECTED_FUTURE_LIMIT_MS = Math.round(5 * 365.25 * DAY);

const W3C = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/** A W3C date-time with a time zone (2026-12-01T17:00:00Z, 2026-12-01T17:00+01:00), or null. */
export function parseW3cDateTime(value: string): Date | null {
  const m = W3C.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 30 February over into March; a real date comes back unchanged.
  if (local.getUTCFullYear() !== y || local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (m[8]!.toUpperCase() !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 14 || om > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  return new Date(local.getTime() - offset + fraction);
}

/**
 * `expected_datetime` of an update: undefined when not sent (leave it as it is), null when sent
 * empty (remove it), or the date. With a closing status it is checked for form only, because a
 * closed request never keeps one (a CRM that always sends its date can still close a case).
 */
export function expectedDateField(body: Record<string, unknown>, problems: Problems, closing: boolean, now = Date.now()): Date | null | undefined {
  const raw = body.expected_datetime;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string' && raw.trim() === '') return null;
  if (typeof raw !== 'string') {
    problems.add('expected_datetime must be sent once, as text.');
    return undefined;
  }
  const value = raw.trim();
  const date = value.length <= 40 ? parseW3cDateTime(value) : null;
  if (!date) {
    problems.add(`expected_datetime must be a date and time with a time zone, like 2026-12-01T17:00:00Z (got "${value.slice(0, 40)}"). Send it empty to remove the expected date.`);
    return undefined;
  }
  if (closing) return null;
  if (date.getTime() < now - EXPECTED_PAST_LIMIT_MS) {
    problems.add(
      `expected_datetime ${value} is more than a day in the past. Residents see it as the date the work should be done by, so send the date it is now expected, or send expected_datetime empty to remove it.`,
    );
    return undefined;
  }
  if (date.getTime() > now + EXPECTED_FUTURE_LIMIT_MS) {
    problems.add(`expected_datetime ${value} is more than 5 years ahead. Check the year.`);
    return undefined;
  }
  return date;
}

const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const ukHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The UK calendar day of a moment, as an <input type="date"> value: 2026-12-01. */
export function ukDateValue(date: Date): string {
  return ukDay.format(date);
}

/** "Tuesday 1 December 2026", the UK calendar day of a moment. */
export function ukLongDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).replace(',', '');
}

/** A day typed as 2026-12-01 (an <input type="date">), or null when it is not a real date. */
export function parseDay(value: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** 5pm UK time (the end of a working day) on a calendar day: what "expected by 1 December" means. */
export function ukEndOfWorkingDay(day: { y: number; m: number; d: number }): Date {
  const guess = Date.UTC(day.y, day.m - 1, day.d, 17);
  // The UK is on UTC or UTC+1; at 17:00 UTC the UK clock shows 17 or 18.
  const hour = Number(ukHour.format(new Date(guess)));
  return new Date(guess - (hour - 17) * 3_600_000);
}
