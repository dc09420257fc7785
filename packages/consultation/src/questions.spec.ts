import { describe, expect, it } from 'vitest';
import { choiceOptions, customError, describeAnswer, requiredMessage } from './questions.js';
import { phoneAsWritten, phoneForPeople, safeUrl } from './text.js';
import type { Question } from './model.js';

const checkboxes: Question = {
  id: 'features',
  type: 'checkboxes',
  label: { en: 'What would you like?', cy: 'Beth hoffech chi?' },
  maxSelections: 2,
  options: [
    { value: 'a', label: 'A playground' },
    { value: 'b', label: { en: 'A café', cy: 'Caffi' } },
    { value: 'c', label: 'Toilets' },
  ],
  other: { label: { en: 'Something else', cy: 'Rhywbeth arall' } },
};
const date: Question = { id: 'when', type: 'date', label: 'When?', min: '2026-01-01', max: '2028-12-31' };

describe('customError: rules the core fields do not know', () => {
  it('refuses more ticks than maxSelections', () => {
    expect(customError(checkboxes, { features: ['a', 'b'] })).toBe('');
    expect(customError(checkboxes, { features: ['a', 'b', 'c'] })).toBe('Select no more than 2 answers');
  });

  it('keeps a date inside min and max', () => {
    expect(customError(date, { when: '2027-03-27' })).toBe('');
    expect(customError(date, { when: '2025-12-31' })).toBe('The date must be the same as or after 1 January 2026');
    expect(customError(date, { when: '2029-01-01' })).toBe('The date must be the same as or before 31 December 2028');
    expect(customError(date, {})).toBe('');
  });
});

describe('choices and answers', () => {
  it('adds "Other" last, in the language asked for', () => {
    expect(choiceOptions(checkboxes, 'cy').map((o) => o.label)).toEqual(['A playground', 'Caffi', 'Toilets', 'Rhywbeth arall']);
    expect(choiceOptions(checkboxes, 'en').at(-1)).toEqual({ value: 'other', label: 'Something else' });
  });

  it('names the question in a required message', () => {
    expect(requiredMessage(checkboxes, 'en')).toBe('Select at least one answer for: What would you like?');
    expect(requiredMessage(date, 'en')).toBe('Enter a date for: When?');
  });

  it('describes answers for check answers, with the typed "other" text', () => {
    const radios: Question = { ...checkboxes, type: 'radios' };
    expect(describeAnswer(radios, { features: 'other', 'features.other': 'A pond' }, 'en')).toBe('Something else: A pond');
    expect(describeAnswer(date, { when: '2027-03-27' }, 'en')).toBe('27 March 2027');
    expect(describeAnswer(date, {}, 'en')).toBe('Not answered');
    const place: Question = { id: 'p', type: 'location', label: 'Where?' };
    expect(describeAnswer(place, { p: { lat: 52.2281, lng: -1.5049 } }, 'en')).toBe('52.22810, -1.50490');
    expect(describeAnswer(place, { p: { lat: 52.2, lng: -1.5, address: '12 High Street' } }, 'en')).toBe('12 High Street');
  });
});

describe('safeUrl', () => {
  it('lets through web, mail and phone links only', () => {
    expect(safeUrl('https://larkmead.example.gov.uk/decision.pdf')).toBe('https://larkmead.example.gov.uk/decision.pdf');
    expect(safeUrl('tel:+441632960000')).toBe('tel:+441632960000');
    expect(safeUrl('mailto:consult@example.org')).toBe('mailto:consult@example.org');
    expect(safeUrl('javascript:alert(1)')).toBe(undefined);
    expect(safeUrl(' JavaScript:alert(1)')).toBe(undefined);
    expect(safeUrl('data:text/html,<b>x</b>')).toBe(undefined);
    expect(safeUrl(undefined)).toBe(undefined);
  });
});

describe('phoneAsWritten', () => {
  it('shows a tel: link as the number is written in the text', () => {
    expect(phoneAsWritten('tel:+441632960000', 'Call 01632 960000, Monday to Friday.')).toBe('01632 960000');
    expect(phoneAsWritten('tel:01632960000', 'Ring (01632) 960000')).toBe('(01632) 960000');
    expect(phoneAsWritten('tel:+441632960000', 'Call us.')).toBe('+441632960000');
  });
});

describe('phoneForPeople', () => {
  it('keeps the number as the council wrote it', () => {
    expect(phoneForPeople('tel:+441632960000', 'Call 01632 960000, Monday to Friday.')).toBe('01632 960000');
    expect(phoneForPeople('tel:+441632960000', 'Ring +44 1632 960000')).toBe('+44 1632 960000');
  });
  it('shows a UK number in the national form people dial when the text does not have it', () => {
    expect(phoneForPeople('tel:+441632960000', 'Call us.')).toBe('01632 960000');
    expect(phoneForPeople('tel:+442079460000', 'Ffoniwch ni.')).toBe('020 7946 0000');
    expect(phoneForPeople('tel:+441134960000', '')).toBe('0113 496 0000');
    expect(phoneForPeople('tel:+443005550123', '')).toBe('0300 555 0123');
    expect(phoneForPeople('tel:+447700900123', '')).toBe('07700 900123');
  });
  it('leaves other numbers as the address has them', () => {
    expect(phoneForPeople('tel:+35312345678', 'Call us.')).toBe('+35312345678');
    expect(phoneForPeople('tel:999', '')).toBe('999');
  });
});
