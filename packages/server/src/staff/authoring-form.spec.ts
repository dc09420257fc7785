import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../consultations/definition.ts';
import { check, definitionFrom, withQuestion, type Typed } from './authoring-form.ts';

const overview: Typed = {
  id: 'parks-2027',
  title: 'Parks',
  summary: 'How you use the parks.',
  opens: '2027-01-01',
  closes: '2027-02-01',
  proposal: 'Longer hours.',
  reasons: 'Asked for.',
  audience: 'Everyone.',
  minutes: '5',
  other_ways: 'Write to us.',
  privacy: 'Only for this.',
};
const first: Typed = { page_title: 'Visits', q_type: 'radios', q_id: 'visits', q_label: 'How often?', q_options: 'Weekly\nRarely', q_required: 'yes' };

describe('the staff authoring forms and the definition schema', () => {
  it('builds a definition the schema accepts, with option values made from labels', () => {
    const typed = { ...overview, ...first };
    const result = check(definitionFrom(typed, null), typed, true);
    expect('definition' in result && result.definition.pages[0]!.questions[0]).toMatchObject({ type: 'radios', required: true, options: [{ value: 'weekly', label: 'Weekly' }, { value: 'rarely', label: 'Rarely' }] });
  });

  it('puts each problem on its field in plain words', () => {
    const typed = { ...overview, ...first, id: '2027 parks', title: '', closes: '2026-12-01', q_options: 'Only one' };
    const result = check(definitionFrom(typed, null), typed, true);
    expect('errors' in result && result.errors).toEqual([
      { field: 'title', message: 'Enter a title' },
      { field: 'q_options', message: 'Enter at least 2 choices, one on each line' },
    ]);
    const fixed = { ...typed, title: 'Parks', q_options: 'Weekly\nRarely' };
    const again = check(definitionFrom(fixed, null), fixed, true);
    expect('errors' in again && again.errors.map((e) => e.field)).toEqual(['id']);
    const dated = { ...fixed, id: 'parks-2027' };
    const last = check(definitionFrom(dated, null), dated, true);
    expect('errors' in last && last.errors).toEqual([{ field: 'closes', message: 'Closes must be after the date it opens' }]);
  });

  it('refuses a condition on a later question, and a question id used twice', () => {
    const typed = { ...overview, ...first };
    const base = (check(definitionFrom(typed, null), typed, true) as { definition: ReturnType<typeof parseDefinition> }).definition;
    const twice: Typed = { page: 'page-1', q_type: 'yes_no', q_id: 'visits', q_label: 'Again?' };
    expect(check(withQuestion(base, twice), twice, true)).toEqual({ errors: [{ field: 'q_id', message: 'Short name of the question: “visits” is already used. Choose another' }] });
    const later: Typed = { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'A dog?', cond_question: 'nothing', cond_value: 'yes' };
    expect(check(withQuestion(base, later), later, true)).toEqual({ errors: [{ field: 'cond_question', message: 'Only ask if: choose a question that comes before this one' }] });
  });

  it('keeps Welsh, topics and areas when the overview is saved with its English unchanged', () => {
    const stored = parseDefinition({
      ...(check(definitionFrom({ ...overview, ...first }, null), { ...overview, ...first }, true) as { definition: object }).definition,
      title: { en: 'Parks', cy: 'Parciau' },
      topics: [{ id: 'parks', label: 'Parks' }],
    });
    const typed = { ...overview, summary: 'New summary.' };
    const saved = definitionFrom(typed, stored);
    expect(saved).toMatchObject({ title: { en: 'Parks', cy: 'Parciau' }, summary: 'New summary.', topics: [{ id: 'parks', label: 'Parks' }] });
  });
});
