import { describe, expect, it } from 'vitest';
import type { ConsultationSummary } from '@civic-widgets/core';
import { arrange, consultationLink, facets, fold, matches, type Filters } from './catalogue.js';

const base = { summary: 'About the town', opens: '2026-01-01T00:00:00Z' };
const list: ConsultationSummary[] = [
  { ...base, id: 'late', title: 'Bus shelters', status: 'open', closes: '2027-03-01T00:00:00Z', topics: [{ id: 'transport', label: { en: 'Transport', cy: 'Trafnidiaeth' } }] },
  { ...base, id: 'soon', title: { en: 'Play areas', cy: 'Ardaloedd chwarae' }, status: 'open', closes: '2027-01-01T00:00:00Z', areas: [{ id: 'northfield', label: 'Northfield' }] },
  { ...base, id: 'old', title: 'Library hours', status: 'results_published', closes: '2026-05-01T00:00:00Z' },
  { ...base, id: 'newer', title: 'Bins', status: 'results_published', closes: '2026-09-01T00:00:00Z' },
  { ...base, id: 'wait', title: 'Car parks', status: 'closed', closes: '2026-11-01T00:00:00Z', areas: [{ id: 'southmoor', label: 'Southmoor' }] },
  { ...base, id: 'later', title: 'Not yet', status: 'upcoming', closes: '2027-06-01T00:00:00Z', topics: [{ id: 'hidden', label: 'Hidden' }] },
];
const none: Filters = { words: '', topics: [], areas: [] };
const ids = (f = none) => Object.fromEntries(Object.entries(arrange(list, f)).map(([k, v]) => [k, v.map((c) => c.id)]));

describe('the hub catalogue', () => {
  it('groups open (closing soonest first), awaiting an outcome, and outcomes (latest first); upcoming is left out', () => {
    expect(ids()).toEqual({ open: ['soon', 'late'], awaiting: ['wait'], outcome: ['newer', 'old'] });
  });

  it('finds every typed word in either language, without accents or case', () => {
    expect(ids({ ...none, words: 'CHWARAE' }).open).toEqual(['soon']);
    expect(ids({ ...none, words: 'trafnidiaeth bus' }).open).toEqual(['late']);
    expect(ids({ ...none, words: 'bus library' })).toEqual({ open: [], awaiting: [], outcome: [] });
    expect(ids({ ...none, words: 'shel' }).open, 'the start of a word').toEqual(['late']);
    expect(ids({ ...none, words: 'helters' }).open, 'not the middle of one').toEqual([]);
    expect(fold('Ŵyl Café')).toBe('wyl cafe');
  });

  it('keeps any ticked topic; an area keeps its own and the whole-area consultations', () => {
    expect(ids({ ...none, topics: ['transport'] })).toEqual({ open: ['late'], awaiting: [], outcome: [] });
    expect(ids({ ...none, areas: ['northfield'] })).toEqual({ open: ['soon', 'late'], awaiting: [], outcome: ['newer', 'old'] });
    expect(matches(list[4]!, { ...none, areas: ['northfield'] })).toBe(false);
  });

  it('lists the facets once each, sorted, in the page language, and not from upcoming ones', () => {
    expect(facets(list, 'topics', 'cy')).toEqual([{ id: 'transport', label: 'Trafnidiaeth' }]);
    expect(facets(list, 'areas', 'en').map((f) => f.label)).toEqual(['Northfield', 'Southmoor']);
  });

  it('sorts the facets as Intl.Collator does, in English and in Welsh (ch after cy, ll after lo, ng after g)', () => {
    const labels = ['llan', 'Lôn', 'chwarae', 'cyngor', 'Ngwyn', 'nant', 'Ysgol', 'ysbyty', 'Ûn', 'Ffordd', 'fferm', 'Fenbury', 'Parc', 'Parc y Llyn', 'Heol 2', 'Heol 10', 'Trafnidiaeth', 'Tai', 'Rhyd', 'Rhos', 'Radur', 'Pheasant', 'Pentre', 'Theatr', 'Tŷ', 'dda', 'de'];
    const withTopics = labels.map((label, i) => ({ ...list[0]!, id: `c${i}`, topics: [{ id: `t${i}`, label: { en: label, cy: label } }] }));
    for (const lang of ['en', 'cy']) {
      const expected = [...labels].sort(new Intl.Collator(lang).compare);
      expect(facets(withTopics, 'topics', lang).map((f) => f.label), lang).toEqual(expected);
    }
  });

  it('links with the id encoded', () => {
    expect(consultationLink('/have-your-say/c?consultation={id}', 'a b/c')).toBe('/have-your-say/c?consultation=a%20b%2Fc');
  });
});
