import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { visibility, type Consultation } from './model.js';
import { firstIncompletePage, firstStep, nextStep, pageChangeDetail, previousStep, validStep } from './navigation.js';

const townCentre = JSON.parse(
  readFileSync(new URL('../../server/demo/consultations/town-centre-2026.json', import.meta.url), 'utf8'),
) as Consultation;
const page = (id: string) => townCentre.pages.find((p) => p.id === id)!;

describe('the route through a consultation', () => {
  it('goes page by page, through the parking page only for drivers, then to check answers', () => {
    const walker = visibility(townCentre, { drives: 'no' });
    expect(firstStep(walker)).toEqual({ kind: 'page', id: 'about-you' });
    expect(nextStep(page('proposals'), walker, false)).toEqual({ kind: 'page', id: 'next-steps' });
    const driver = visibility(townCentre, { drives: 'yes' });
    expect(nextStep(page('proposals'), driver, false)).toEqual({ kind: 'page', id: 'parking' });
    expect(nextStep(page('next-steps'), driver, false)).toEqual({ kind: 'check' });
  });

  it('after Change, returns to check answers unless a revealed page still needs answers', () => {
    const answered = { 'visit-frequency': 'weekly', drives: 'no', 'one-way': '3', 'unsafe-why': 'x', 'responding-as': 'resident' };
    expect(nextStep(page('about-you'), visibility(townCentre, answered), true)).toEqual({ kind: 'check' });
    const nowDrives = visibility(townCentre, { ...answered, drives: 'yes' });
    expect(firstIncompletePage(nowDrives)?.id).toBe('parking');
    expect(nextStep(page('about-you'), nowDrives, true)).toEqual({ kind: 'page', id: 'parking' });
  });

  it('Back leads to the previous page, the overview from the first, and check answers after Change', () => {
    const vis = visibility(townCentre, {});
    expect(previousStep({ kind: 'page', id: 'proposals' }, vis, false)).toEqual({ kind: 'page', id: 'about-you' });
    expect(previousStep({ kind: 'page', id: 'about-you' }, vis, false)).toEqual({ kind: 'overview' });
    expect(previousStep({ kind: 'page', id: 'proposals' }, vis, true)).toEqual({ kind: 'check' });
    expect(previousStep({ kind: 'check' }, vis, false)).toEqual({ kind: 'page', id: 'next-steps' });
    expect(previousStep({ kind: 'overview' }, vis, false)).toBeUndefined();
  });

  it('keeps a saved step only while it still makes sense', () => {
    const vis = visibility(townCentre, { drives: 'no' });
    expect(validStep({ kind: 'page', id: 'parking' }, vis, true)).toEqual({ kind: 'overview' });
    expect(validStep({ kind: 'page', id: 'proposals' }, vis, true)).toEqual({ kind: 'page', id: 'proposals' });
    expect(validStep({ kind: 'page', id: 'proposals' }, vis, false)).toEqual({ kind: 'overview' });
    expect(validStep({ kind: 'done' }, vis, true)).toEqual({ kind: 'overview' });
  });

  it('numbers question pages in the page-change event', () => {
    const vis = visibility(townCentre, { drives: 'no' });
    expect(pageChangeDetail({ kind: 'page', id: 'proposals' }, vis)).toEqual({ page: 'proposals', pageNumber: 2, pageCount: 3 });
    expect(pageChangeDetail({ kind: 'done' }, vis)).toEqual({ page: 'confirmation' });
  });
});
