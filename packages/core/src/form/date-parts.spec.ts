import { describe, expect, it } from 'vitest';
import { isoToParts, readDateParts } from './date-parts.js';

describe('readDateParts (GOV.UK date input rules)', () => {
  const today = new Date('2026-11-23T12:00:00Z');

  it('treats three empty boxes as no answer', () => {
    expect(readDateParts({ day: ' ', month: '', year: '' })).toEqual({ kind: 'empty' });
  });

  it('reads a real date, with single-digit days and months', () => {
    expect(readDateParts({ day: '9', month: '3', year: '2026' })).toEqual({ kind: 'valid', iso: '2026-03-09' });
  });

  it('reads a month written as a name or abbreviation', () => {
    expect(readDateParts({ day: '1', month: 'February', year: '2024' })).toEqual({ kind: 'valid', iso: '2024-02-01' });
    expect(readDateParts({ day: '1', month: 'sept', year: '2024' })).toEqual({ kind: 'valid', iso: '2024-09-01' });
  });

  it('names the one missing part, and only that box', () => {
    expect(readDateParts({ day: '1', month: '', year: '2026' })).toEqual({
      kind: 'invalid',
      message: 'Date must include a month',
      parts: ['month'],
    });
  });

  it('asks for all three when more than one is missing', () => {
    const reading = readDateParts({ day: '1', month: '', year: '' });
    expect(reading).toMatchObject({ kind: 'invalid', message: 'Date must include a day, month and year', parts: ['month', 'year'] });
  });

  it('needs a four-digit year', () => {
    expect(readDateParts({ day: '1', month: '1', year: '26' })).toMatchObject({ message: 'Year must include 4 numbers', parts: ['year'] });
    // Letters in every box: the whole date is wrong, every box marked at once (not the year alone).
    expect(readDateParts({ day: 'ab', month: 'cd', year: 'ef' })).toMatchObject({ message: 'Date must be a real date', parts: ['day', 'month', 'year'] });
    expect(readDateParts({ day: 'ab', month: '3', year: '26' })).toMatchObject({ message: 'Date must be a real date', parts: ['day', 'month', 'year'] });
  });

  it.each([
    ['31', '4', '2026'],
    ['29', '2', '2025'],
    ['0', '1', '2026'],
    ['1', '13', '2026'],
    ['1.5', '1', '2026'],
  ])('rejects %s/%s/%s as not a real date', (day, month, year) => {
    expect(readDateParts({ day, month, year })).toMatchObject({ message: 'Date must be a real date' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(readDateParts({ day: '29', month: '2', year: '2028' })).toEqual({ kind: 'valid', iso: '2028-02-29' });
  });

  it('rejects a future date only when asked', () => {
    const tomorrow = { day: '24', month: '11', year: '2026' };
    expect(readDateParts(tomorrow, { notFuture: true, today })).toMatchObject({ message: 'Date must be today or in the past' });
    expect(readDateParts(tomorrow, { today })).toEqual({ kind: 'valid', iso: '2026-11-24' });
    expect(readDateParts({ day: '23', month: '11', year: '2026' }, { notFuture: true, today })).toMatchObject({ kind: 'valid' });
  });

  it('splits an ISO date back into boxes, and ignores anything else', () => {
    expect(isoToParts('2026-03-09')).toEqual({ day: '9', month: '3', year: '2026' });
    expect(isoToParts('9 March')).toEqual({ day: '', month: '', year: '' });
  });
});
