import { describe, expect, it } from 'vitest';
import { checkReference } from './reference.js';

describe('checkReference', () => {
  it('accepts what real references look like, tidied', () => {
    expect(checkReference('  LDC-1001 ')).toEqual({ ok: true, value: 'LDC-1001' });
    expect(checkReference('LDC - 1001')).toEqual({ ok: true, value: 'LDC-1001' });
    expect(checkReference('638344')).toEqual({ ok: true, value: '638344' });
    expect(checkReference('2026/000123')).toEqual({ ok: true, value: '2026/000123' });
  });

  it('tells an empty answer from one that cannot be a reference', () => {
    expect(checkReference('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkReference('the pothole on my road')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkReference('me@example.com')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkReference('<script>')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkReference('x'.repeat(65))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('takes the reference out of a pasted tracking link', () => {
    expect(checkReference('https://council.example/track?ref=LDC-1001')).toEqual({ ok: true, value: 'LDC-1001' });
    expect(checkReference('http://localhost:8787/cases/LDC-77')).toEqual({ ok: true, value: 'LDC-77' });
    expect(checkReference('https://council.example/')).toEqual({ ok: false, reason: 'malformed' });
  });

  it("applies the council's own pattern when it has one", () => {
    expect(checkReference('ldc-12', 'LDC-\\d+')).toEqual({ ok: true, value: 'ldc-12' });
    expect(checkReference('12345', 'LDC-\\d+')).toEqual({ ok: false, reason: 'malformed' });
    // A broken pattern is ignored rather than refusing every reference.
    expect(checkReference('12345', 'LDC-(')).toEqual({ ok: true, value: '12345' });
  });
});
