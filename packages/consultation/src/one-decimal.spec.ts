import { describe, expect, it } from 'vitest';
import { oneDecimal } from './one-decimal.js';

describe('oneDecimal', () => {
  // Every figure a results page shows: percentages to 0.1 and mean ranks, with the halves and
  // the binary fractions (0.15, 2.675…) where rounding is easiest to get wrong.
  const figures = [0, 0.04, 0.05, 0.06, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 12.25, 33.333333, 66.666667, 99.95, 99.96, 100, 999.94, 999.96, 1000, 1234.56, -0, -2.25];
  for (let tenths = 0; tenths <= 10_000; tenths += 7) figures.push(tenths / 100, tenths / 30);

  it('writes each figure as Intl.NumberFormat does, in English and in Welsh', () => {
    for (const lang of ['en', 'cy']) {
      const intl = new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { maximumFractionDigits: 1 });
      for (const value of figures) expect(oneDecimal(value, lang), `${value} in ${lang}`).toBe(intl.format(value));
    }
  });
});
