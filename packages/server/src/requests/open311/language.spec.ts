import { describe, expect, it } from 'vitest';
import { inLanguage, languageFromAcceptLanguage, pickLanguage, statedLanguage } from './language.ts';

// The HTTP behaviour is in packages/server/test/open311-welsh.spec.ts; these are the edge cases
// of the parsing the Storybook mock shares.
describe('picking the language of an Open311 answer', () => {
  it('reads Accept-Language as RFC 9110 says: highest q wins, first on a tie, q=0 refuses', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('en');
    expect(languageFromAcceptLanguage('')).toBe('en');
    expect(languageFromAcceptLanguage('cy-GB,cy;q=0.9,en;q=0.5')).toBe('cy');
    expect(languageFromAcceptLanguage('en-GB,en;q=0.9,cy;q=0.8')).toBe('en');
    expect(languageFromAcceptLanguage('en;q=0.5, cy;q=0.5')).toBe('en');
    expect(languageFromAcceptLanguage('de, fr;q=0.9, cy;q=0.1')).toBe('cy');
    expect(languageFromAcceptLanguage('cy;q=0')).toBe('en');
    expect(languageFromAcceptLanguage(' cy ; Q = 0.7 ,en;q=0.6')).toBe('cy');
    // Nonsense q-values are ignored, not trusted.
    expect(languageFromAcceptLanguage('cy;q=abc')).toBe('en');
    expect(languageFromAcceptLanguage('*;q=0.9, cy;q=0.8')).toBe('en');
    expect(languageFromAcceptLanguage('cym')).toBe('en');
  });

  it('lets the locale parameter win when it names a language we have', () => {
    expect(pickLanguage({ locale: 'cy', acceptLanguage: 'en' })).toBe('cy');
    expect(pickLanguage({ locale: 'en', acceptLanguage: 'cy' })).toBe('en');
    expect(pickLanguage({ locale: 'CY-gb' })).toBe('cy');
    expect(pickLanguage({ locale: ['cy', 'en'] })).toBe('cy');
    expect(pickLanguage({ locale: 'fr', acceptLanguage: 'cy' })).toBe('cy');
    expect(pickLanguage({ locale: { x: 1 }, acceptLanguage: ['en;q=0.1', 'cy'] })).toBe('cy');
    expect(pickLanguage({})).toBe('en');
  });

  it('takes a field in Welsh where given, field by field', () => {
    const service = { service_name: 'Pothole', description: 'A hole', cy: { service_name: 'Twll yn y ffordd' } };
    expect(inLanguage(service, 'service_name', 'cy')).toBe('Twll yn y ffordd');
    expect(inLanguage(service, 'description', 'cy')).toBe('A hole');
    expect(inLanguage(service, 'service_name', 'en')).toBe('Pothole');
    expect(inLanguage({ name: 'Yes' }, 'name', 'cy')).toBe('Yes');
  });
});

describe('the language a client stated (recorded for its emails)', () => {
  it('is the locale parameter, else a header naming Welsh, English or any language', () => {
    expect(statedLanguage({ locale: 'cy', acceptLanguage: 'en' })).toBe('cy');
    expect(statedLanguage({ acceptLanguage: 'cy-GB,cy;q=0.9,en;q=0.5' })).toBe('cy');
    expect(statedLanguage({ acceptLanguage: 'en-GB,en;q=0.9' })).toBe('en');
    expect(statedLanguage({ acceptLanguage: '*' })).toBe('en');
  });

  it('is unknown without a header, or when the header names none of our languages', () => {
    expect(statedLanguage({})).toBeNull();
    expect(statedLanguage({ acceptLanguage: 'fr-FR,fr;q=0.9' })).toBeNull();
    expect(statedLanguage({ acceptLanguage: 'cy;q=0' })).toBeNull();
  });
});
