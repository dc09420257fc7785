import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../consultations/definition.ts';
import { check, definitionFrom, withChangedQuestion, withoutQuestion, withQuestion, withQuestionMoved, type Typed } from './authoring-form.ts';
import { typedFromQuestion } from './authoring-question.ts';

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

  const saved = () => {
    const typed = { ...overview, ...first };
    return (check(definitionFrom(typed, null), typed, true) as { definition: ReturnType<typeof parseDefinition> }).definition;
  };
  const add = (definition: ReturnType<typeof parseDefinition>, typed: Typed) => {
    const result = check(withQuestion(definition, typed), typed, true, definition);
    if ('errors' in result) throw new Error(JSON.stringify(result.errors));
    return result.definition;
  };

  it('takes each type’s settings: most words, most choices with an “other” choice, earliest and latest date', () => {
    let d = add(saved(), { page: 'page-1', q_type: 'textarea', q_id: 'why', q_label: 'Why?', q_max_words: '300', q_max_selections: '2' });
    d = add(d, { page: 'page-1', q_type: 'checkboxes', q_id: 'uses', q_label: 'Uses?', q_options: 'Walk\nPlay\nSport', q_other: 'Something else', q_max_selections: '2' });
    d = add(d, { page: 'new', page_title: 'When', q_type: 'date', q_id: 'when', q_label: 'When?', q_date_min: '2027-01-01', q_date_max: '2027-12-31' });
    const [, why, uses] = d.pages[0]!.questions;
    expect(why).toMatchObject({ type: 'textarea', maxWords: 300 });
    expect(why).not.toHaveProperty('maxSelections');
    expect(uses).toMatchObject({ maxSelections: 2, other: { label: 'Something else' } });
    expect(d.pages[1]!.questions[0]).toMatchObject({ type: 'date', min: '2027-01-01', max: '2027-12-31' });

    const wrong: Typed = { page: 'page-1', q_type: 'checkboxes', q_id: 'x', q_label: 'X?', q_options: 'A\nB', q_max_selections: '2' };
    expect(check(withQuestion(d, wrong), wrong, true, d)).toEqual({ errors: [{ field: 'q_max_selections', message: 'Most choices must be fewer than the 2 choices, or leave it empty for no limit' }] });
    const dates: Typed = { page: 'page-1', q_type: 'date', q_id: 'y', q_label: 'Y?', q_date_min: '2027-12-31', q_date_max: '2027-01-01', q_max_words: 'lots' };
    expect(check(withQuestion(d, dates), dates, true, d)).toEqual({ errors: [{ field: 'q_date_max', message: 'Latest date must be the same as or after the earliest date' }] });
    const words: Typed = { page: 'page-1', q_type: 'textarea', q_id: 'z', q_label: 'Z?', q_max_words: 'lots' };
    expect(check(withQuestion(d, words), words, true, d)).toEqual({ errors: [{ field: 'q_max_words', message: 'Most words must be a whole number, like 300' }] });
  });

  it('builds conditions: one of several answers, answered, not answered, all and any of them', () => {
    let d = add(saved(), { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'A dog?' });
    d = add(d, { page: 'page-1', q_type: 'text', q_id: 'a', q_label: 'A', cond_question: 'visits', cond_value: 'Weekly\nrarely' });
    d = add(d, { page: 'page-1', q_type: 'text', q_id: 'b', q_label: 'B', cond_question: 'dog', cond_test: 'answered' });
    d = add(d, { page: 'page-1', q_type: 'text', q_id: 'c', q_label: 'C', cond_question: 'dog', cond_test: 'unanswered', cond2_question: 'visits', cond2_value: 'Weekly', cond_join: 'any' });
    d = add(d, { page: 'page-1', q_type: 'text', q_id: 'e', q_label: 'E', cond_question: 'dog', cond_value: 'Yes', cond2_question: 'visits', cond2_test: 'answered', cond3_question: 'a', cond3_test: 'answered', cond_join: 'all' });
    const q = (id: string) => d.pages[0]!.questions.find((x) => x.id === id)!;
    expect(q('a').showIf).toEqual({ question: 'visits', in: ['weekly', 'rarely'] });
    expect(q('b').showIf).toEqual({ question: 'dog', answered: true });
    expect(q('c').showIf).toEqual({ any: [{ question: 'dog', answered: false }, { question: 'visits', equals: 'weekly' }] });
    expect(q('e').showIf).toEqual({ all: [{ question: 'dog', equals: 'yes' }, { question: 'visits', answered: true }, { question: 'a', answered: true }] });
    // And back to the form, for "Change": labels, not values.
    expect(typedFromQuestion(q('c'), d)).toMatchObject({ conditionShown: true, typed: { cond_join: 'any', cond_question: 'dog', cond_test: 'unanswered', cond2_question: 'visits', cond2_test: 'equals', cond2_value: 'Weekly' } });
    expect(typedFromQuestion(q('a'), d).typed.cond_value).toBe('Weekly\nRarely');

    const unknown: Typed = { page: 'page-1', q_type: 'text', q_id: 'f', q_label: 'F', cond_question: 'visits', cond_value: 'Daily' };
    expect(check(withQuestion(d, unknown), unknown, true, d)).toEqual({ errors: [{ field: 'cond_value', message: 'The answer is: “Daily” is not one of that question’s choices. Enter a choice exactly as written' }] });
    const empty: Typed = { page: 'page-1', q_type: 'text', q_id: 'f', q_label: 'F', cond_question: 'visits', cond_value: 'Weekly', cond2_question: 'dog' };
    expect(check(withQuestion(d, empty), empty, true, d)).toEqual({ errors: [{ field: 'cond2_value', message: 'Enter the answer of the second question that makes this question appear' }] });
  });

  it('changes a question in its place, keeping its choices’ values and Welsh; moves and removes questions', () => {
    let d = add(saved(), { page: 'page-1', q_type: 'yes_no', q_id: 'dog', q_label: 'A dog?' });
    d = add(d, { page: 'new', page_title: 'More', q_type: 'text', q_id: 'name', q_label: 'Your name?' });
    d = parseDefinition({ ...d, pages: [{ ...d.pages[0]!, questions: [{ ...d.pages[0]!.questions[0]!, options: [{ value: 'weekly', label: { en: 'Weekly', cy: 'Yn wythnosol' } }, { value: 'rarely', label: 'Rarely' }] }, d.pages[0]!.questions[1]!] }, d.pages[1]!] });
    // Without a Welsh choices box (as through the API), a choice whose English is unchanged keeps its Welsh.
    const typed: Typed = { ...typedFromQuestion(d.pages[0]!.questions[0]!, d).typed, q_type: 'checkboxes', q_options: 'Weekly\nDaily\nRarely', q_label: 'How often?', q_options_cy: undefined };
    const changed = check(withChangedQuestion(d, 'visits', typed, false), typed, true, d);
    expect('definition' in changed && changed.definition.pages[0]!.questions[0]).toMatchObject({
      id: 'visits',
      type: 'checkboxes',
      options: [{ value: 'weekly', label: { en: 'Weekly', cy: 'Yn wythnosol' } }, { value: 'daily', label: 'Daily' }, { value: 'rarely', label: 'Rarely' }],
    });

    const down = withQuestionMoved(d, 'dog', 'down')!;
    expect(down.pages.map((p) => p.questions.map((q) => q.id))).toEqual([['visits'], ['dog', 'name']]);
    const up = withQuestionMoved(down, 'dog', 'up')!;
    expect(up.pages.map((p) => p.questions.map((q) => q.id))).toEqual([['visits', 'dog'], ['name']]);
    expect(withQuestionMoved(d, 'visits', 'up')).toBeNull();
    expect(withQuestionMoved(d, 'name', 'down')).toBeNull();
    // The last question of a page moved away takes its empty page with it.
    expect(withQuestionMoved(d, 'name', 'up')!.pages.map((p) => p.questions.map((q) => q.id))).toEqual([['visits', 'dog', 'name']]);
    expect((withoutQuestion(d, 'name').pages as unknown[]).length).toBe(1);
  });

  it('takes topics and areas ticked from those known and typed as new ones', () => {
    const known = { topics: [{ id: 'parks', label: { en: 'Parks and open spaces', cy: 'Parciau a mannau agored' } }], areas: [{ id: 'fenbury', label: 'Fenbury' }] };
    const typed = { ...overview, ...first, topics: 'parks', new_topics: 'Play areas\nparks and open spaces\n20mph zones', areas: '', new_areas: 'Thistleby' };
    const result = check(definitionFrom(typed, null, known), typed, true);
    expect('definition' in result && result.definition).toMatchObject({
      topics: [known.topics[0], { id: 'play-areas', label: 'Play areas' }, { id: 't-20mph-zones', label: '20mph zones' }],
      areas: [{ id: 'thistleby', label: 'Thistleby' }],
    });
    const none = { ...typed, topics: '', new_topics: '', new_areas: '' };
    const cleared = definitionFrom(none, (result as { definition: ReturnType<typeof parseDefinition> }).definition, known);
    expect(cleared.topics).toBeUndefined();
    expect(cleared.areas).toBeUndefined();
  });

  it('keeps stored Welsh when a form has no Welsh boxes, takes typed Welsh, and drops it when the box is emptied', () => {
    const typed = { ...overview, ...first, title_cy: 'Parciau', q_label_cy: 'Pa mor aml?', q_options_cy: 'Yn wythnosol\nAnaml' };
    const result = check(definitionFrom(typed, null), typed, true);
    expect('definition' in result && result.definition).toMatchObject({
      title: { en: 'Parks', cy: 'Parciau' },
      summary: 'How you use the parks.',
      pages: [{ title: 'Visits', questions: [{ label: { en: 'How often?', cy: 'Pa mor aml?' }, options: [{ value: 'weekly', label: { en: 'Weekly', cy: 'Yn wythnosol' } }, { value: 'rarely', label: { en: 'Rarely', cy: 'Anaml' } }] }] }],
    });
    const stored = (result as { definition: ReturnType<typeof parseDefinition> }).definition;
    expect(definitionFrom({ ...overview }, stored).title).toEqual({ en: 'Parks', cy: 'Parciau' });
    expect(definitionFrom({ ...overview, title_cy: '' }, stored).title).toBe('Parks');
  });
});
