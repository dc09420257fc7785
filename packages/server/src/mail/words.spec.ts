import { describe, expect, it } from 'vitest';
import { welshLongDate } from './words.ts';

describe('welshLongDate', () => {
  it('writes the weekday, the day unpadded, the Welsh month and the year, in UK time', () => {
    expect(welshLongDate(new Date('2099-01-01T12:00:00Z'))).toBe('dydd Iau 1 Ionawr 2099');
    expect(welshLongDate(new Date('2026-12-10T09:00:00Z'))).toBe('dydd Iau 10 Rhagfyr 2026');
    // 23:30 UTC in British Summer Time is already the next day in the UK.
    expect(welshLongDate(new Date('2026-06-30T23:30:00Z'))).toBe('dydd Mercher 1 Gorffennaf 2026');
  });

  it('leaves the weekday out when asked', () => {
    expect(welshLongDate(new Date('2099-01-01T12:00:00Z'), { weekday: false })).toBe('1 Ionawr 2099');
  });
});
