import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  formatResumeCode,
  holds,
  isAnswered,
  looksLikeResumeCode,
  normaliseResumeCode,
  tr,
  visibility,
  type Answers,
  type Consultation,
} from './model.js';

const townCentre = JSON.parse(
  readFileSync(new URL('../../server/demo/consultations/town-centre-2026.json', import.meta.url), 'utf8'),
) as Consultation;

const pageIds = (answers: Answers) => visibility(townCentre, answers).pages.map((p) => p.id);

describe('tr', () => {
  it('picks Welsh when asked for and present, else English', () => {
    expect(tr({ en: 'Yes', cy: 'Ie' }, 'cy')).toBe('Ie');
    expect(tr({ en: 'Yes' }, 'cy')).toBe('Yes');
    expect(tr({ en: 'Yes', cy: 'Ie' }, 'en')).toBe('Yes');
    expect(tr('2', 'cy')).toBe('2');
    expect(tr(undefined, 'en')).toBe('');
  });
});

describe('conditions (docs/consultation-api.md rules 1–5)', () => {
  it('counts blank strings, empty arrays and null as not answered', () => {
    expect(isAnswered('  ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered('no')).toBe(true);
    expect(isAnswered({ lat: 1, lng: 2 })).toBe(true);
  });

  it('equals compares a string, or looks for a ticked checkbox', () => {
    expect(holds({ question: 'a', equals: 'yes' }, { a: 'yes' })).toBe(true);
    expect(holds({ question: 'a', equals: 'yes' }, { a: 'no' })).toBe(false);
    expect(holds({ question: 'a', equals: 'bus' }, { a: ['walk', 'bus'] })).toBe(true);
  });

  it('in holds when the answer or any ticked value is listed', () => {
    expect(holds({ question: 'a', in: ['bus', 'cycle'] }, { a: 'cycle' })).toBe(true);
    expect(holds({ question: 'a', in: ['bus', 'cycle'] }, { a: ['walk', 'bus'] })).toBe(true);
    expect(holds({ question: 'a', in: ['bus'] }, { a: ['walk'] })).toBe(false);
  });

  it('a condition on an unanswered question never holds, except answered: false', () => {
    expect(holds({ question: 'a', equals: 'yes' }, {})).toBe(false);
    expect(holds({ question: 'a', in: ['yes'] }, { a: '' })).toBe(false);
    expect(holds({ question: 'a', answered: false }, { a: [] })).toBe(true);
    expect(holds({ question: 'a', answered: true }, { a: [] })).toBe(false);
  });

  it('combines with all and any', () => {
    const seen = { a: 'yes', b: 'no' };
    expect(holds({ all: [{ question: 'a', equals: 'yes' }, { question: 'b', equals: 'no' }] }, seen)).toBe(true);
    expect(holds({ all: [{ question: 'a', equals: 'yes' }, { question: 'b', equals: 'yes' }] }, seen)).toBe(false);
    expect(holds({ any: [{ question: 'a', equals: 'no' }, { question: 'b', equals: 'no' }] }, seen)).toBe(true);
    expect(holds({ any: [] }, seen)).toBe(false);
  });

  it('shows the parking page only to people who drive', () => {
    expect(pageIds({})).toEqual(['about-you', 'proposals', 'next-steps']);
    expect(pageIds({ drives: 'no' })).toEqual(['about-you', 'proposals', 'next-steps']);
    expect(pageIds({ drives: 'yes' })).toEqual(['about-you', 'proposals', 'parking', 'next-steps']);
  });

  it('shows a question when an earlier one on the same page is answered', () => {
    const v = visibility(townCentre, { 'unsafe-place': { lat: 52.2, lng: -1.5 } });
    expect(v.questions.has('unsafe-why')).toBe(true);
    expect(visibility(townCentre, {}).questions.has('unsafe-why')).toBe(false);
  });

  it('drops answers of hidden questions, and what depends on them (rule 3)', () => {
    const answers = { drives: 'no', 'park-where': 'market-square', 'car-park-rating': '4' };
    const v = visibility(townCentre, answers);
    expect(v.answers).toEqual({ drives: 'no' });
    expect(v.questions.has('car-park-rating')).toBe(false);
    const driving = visibility(townCentre, { ...answers, drives: 'yes' });
    expect(driving.answers).toEqual({ drives: 'yes', 'park-where': 'market-square', 'car-park-rating': '4' });
  });

  it('keeps "please specify" text only while "other" is chosen', () => {
    expect(visibility(townCentre, { travel: ['walk'], 'travel.other': 'Scooter' }).answers).toEqual({ travel: ['walk'] });
    expect(visibility(townCentre, { travel: ['other'], 'travel.other': 'Scooter' }).answers).toEqual({
      travel: ['other'],
      'travel.other': 'Scooter',
    });
  });
});

describe('resume codes', () => {
  it('ignores case, spaces and hyphens, and shows two groups of four', () => {
    expect(normaliseResumeCode('k7m3-qx9p')).toBe('K7M3QX9P');
    expect(formatResumeCode('k7m3qx9p')).toBe('K7M3 QX9P');
    expect(looksLikeResumeCode('K7M3 QX9P')).toBe(true);
    expect(looksLikeResumeCode('K7M3 QX9O')).toBe(false);
    expect(looksLikeResumeCode('K7M3')).toBe(false);
  });
});
