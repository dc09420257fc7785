/**
 * A figure with at most one decimal place, as `new Intl.NumberFormat('en-GB' | 'cy-GB',
 * { maximumFractionDigits: 1 })` writes it: "12.5", "40". Without Intl for the figures results
 * show (percentages and mean ranks, from 0 to under 1,000, where both languages write a decimal
 * point and no grouping): making the first NumberFormat on a page reads the locale's number
 * data, which cost a slow phone 110 ms before a results page's first heading (issue #18).
 * Like Intl, it rounds the number as JavaScript writes it ("0.15"), half away from zero.
 */
export function oneDecimal(value: number, lang: string): string {
  // The number as JavaScript writes it: digits, a point, more digits (not "1e-7", not "-0").
  const parts = /^(\d{1,3})(?:\.(\d)(\d?)\d*)?$/.exec(Object.is(value, -0) ? '-0' : String(value));
  const tenths = parts ? Number(parts[1]) * 10 + Number(parts[2] ?? 0) + ((parts[3] ?? '0') >= '5' ? 1 : 0) : NaN;
  // Anything else, or 1,000 and over (which Intl groups), goes to Intl.
  if (!(tenths < 10_000)) return new Intl.NumberFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return tenths % 10 ? `${Math.floor(tenths / 10)}.${tenths % 10}` : String(tenths / 10);
}
