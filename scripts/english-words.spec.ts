// The English-word detector must catch English, or the Welsh checks built on it prove nothing.
import { describe, expect, it } from 'vitest';
import { englishWords, expectNoEnglish } from './lib/english-words.ts';

describe('the English-word detector', () => {
  it('finds English in a string, once per word', () => {
    expect(englishWords('Thank you for your report. Your reference is LDC-1001.')).toEqual(['thank', 'you', 'for', 'your', 'report', 'reference']);
    expect(() => expectNoEnglish('Check your answers before sending your report', 'a heading')).toThrow(/"check", "your", "answers", "before"/);
  });

  it('finds an English word inside Welsh text', () => {
    expect(englishWords('Diolch am eich adroddiad. Status: ar agor')).toEqual(['status']);
  });

  it('passes real Welsh, including words Welsh shares with English spelling', () => {
    const welsh = [
      'Diolch am roi gwybod i ni. Eich cyfeirnod yw LDC-1001.',
      'Ni all y map ddangos y data tan y bore; mae’r plant yn y man chwarae.',
      'Os oes problem, anfonwch e-bost at y staff ar-lein. Mae hi’n well nawr.',
      'Byddwn yn anfon e-bost atoch pan fyddwn yn diweddaru eich adroddiad: https://council.example/track-your-report.html?ref=LDC-1001',
      'Rhowch wybod i swyddfa@larkmead.example.gov.uk',
    ].join('\n');
    expect(englishWords(welsh)).toEqual([]);
  });

  it('leaves out names, places and addresses it is told to allow', () => {
    const text = 'Ble: 3 High Street, Larkmead, LK1 1AA. Annwyl Ada Lovelace,';
    expect(englishWords(text)).toEqual(['street']);
    expect(englishWords(text, ['3 High Street, Larkmead, LK1 1AA'])).toEqual([]);
  });
});
