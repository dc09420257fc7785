import { definitionSchema, english, parseDefinition, DefinitionError, type LocalizedText, type Definition, type Question, type QuestionType, type Tag } from '../consultations/definition.ts';
import { parseDay } from '../requests/expected-dates.ts';
import type { FieldError } from './page.ts';
import { CONDITION_ROWS, lines, options, QUESTION_FIELDS, questionFrom, unknownAnswer, withWelsh, WITH_OPTIONS, type QuestionField } from './authoring-question.ts';

export { QUESTION_FIELDS };

/*
 * The staff authoring forms as data: what an officer typed becomes a consultation definition,
 * checked by the server's own definition schema (zod, plus its cross-checks) — the same check
 * PUT /api/consultations/{id} makes — so the forms and the API cannot disagree. Problems come
 * back on the field they are about, in plain words.
 */

export const QUESTION_TYPES: { type: QuestionType; name: string; hint: string }[] = [
  { type: 'radios', name: 'One choice from a list', hint: 'Radio buttons. Give at least 2 choices.' },
  { type: 'checkboxes', name: 'Any number of choices from a list', hint: 'Checkboxes.' },
  { type: 'ranking', name: 'Put choices in order', hint: 'Ranking. Give at least 2 choices.' },
  { type: 'scale', name: 'A point on a scale', hint: 'Like “Strongly agree” to “Strongly disagree”. Give at least 2 points.' },
  { type: 'yes_no', name: 'Yes or no', hint: '' },
  { type: 'text', name: 'A short answer', hint: 'One line, up to 500 characters.' },
  { type: 'textarea', name: 'A longer answer', hint: 'Several lines, up to 10,000 characters.' },
  { type: 'date', name: 'A date', hint: '' },
  { type: 'location', name: 'A place on the map', hint: 'Within the council’s area.' },
];

export const OVERVIEW_FIELDS = [
  'id',
  'title',
  'summary',
  'opens',
  'closes',
  'topics',
  'new_topics',
  'areas',
  'new_areas',
  'proposal',
  'reasons',
  'audience',
  'minutes',
  'other_ways',
  'privacy',
  // Welsh (optional): what residents who choose Cymraeg read.
  'title_cy',
  'summary_cy',
  'proposal_cy',
  'reasons_cy',
  'audience_cy',
  'privacy_cy',
] as const;
export type AuthoringField = (typeof OVERVIEW_FIELDS)[number] | QuestionField;
export type Typed = Partial<Record<AuthoringField, string>>;

/** The form's words for each field: what an error about it says when it is empty. */
const EMPTY: Partial<Record<AuthoringField, string>> = {
  id: 'Enter a short name for the web address',
  title: 'Enter a title',
  summary: 'Enter a summary',
  opens: 'Enter the date the consultation opens',
  closes: 'Enter the date the consultation closes',
  proposal: 'Enter what the council proposes',
  reasons: 'Enter why',
  audience: 'Enter who the council wants to hear from',
  minutes: 'Enter how many minutes it takes to answer',
  other_ways: 'Enter at least one other way to respond, for people who are not online',
  privacy: 'Enter how the council uses the answers',
  page_title: 'Enter a page title',
  q_type: 'Choose the kind of question',
  q_id: 'Enter a short name for the question',
  q_label: 'Enter the question',
};

const LABELS: Partial<Record<AuthoringField, string>> = {
  id: 'Short name',
  title: 'Title',
  summary: 'Summary',
  opens: 'Opens',
  closes: 'Closes',
  q_id: 'Short name of the question',
  q_options: 'Choices',
  page_title: 'Page title',
  cond_question: 'Only ask if',
  cond_value: 'The answer is',
  cond2_question: 'Second question',
  cond2_value: 'The second question’s answer is',
  cond3_question: 'Third question',
  cond3_value: 'The third question’s answer is',
  q_max_words: 'Most words',
  q_max_selections: 'Most choices',
  q_date_min: 'Earliest date',
  q_date_max: 'Latest date',
  q_other: '“Other” choice',
  new_topics: 'Other topics',
  new_areas: 'Other areas',
  title_cy: 'Title in Welsh',
  q_label_cy: 'Question in Welsh',
  q_options_cy: 'Choices in Welsh',
};

/** Which form field a definition key path is about ("pages[1].questions[0].label" → q_label). */
function fieldOfPath(path: string, questionAt: string | null): AuthoringField | undefined {
  const overview: [RegExp, AuthoringField][] = [
    [/^id$/, 'id'],
    [/^title$/, 'title'],
    [/^summary$/, 'summary'],
    [/^opens$/, 'opens'],
    [/^closes$/, 'closes'],
    [/^overview\.proposal/, 'proposal'],
    [/^overview\.reasons/, 'reasons'],
    [/^overview\.audience/, 'audience'],
    [/^overview\.estimatedMinutes/, 'minutes'],
    [/^overview\.otherWays/, 'other_ways'],
    [/^overview\.privacy/, 'privacy'],
    [/^topics/, 'new_topics'],
    [/^areas/, 'new_areas'],
  ];
  for (const [pattern, field] of overview) if (pattern.test(path)) return field;
  if (questionAt && path.startsWith(questionAt)) {
    const rest = path.slice(questionAt.length);
    if (/^\.id/.test(rest)) return 'q_id';
    if (/^\.label/.test(rest)) return 'q_label';
    if (/^\.hint/.test(rest)) return 'q_hint';
    if (/^\.options/.test(rest)) return 'q_options';
    if (/^\.other/.test(rest)) return 'q_other';
    if (/^\.maxWords/.test(rest)) return 'q_max_words';
    if (/^\.maxSelections/.test(rest)) return 'q_max_selections';
    if (/^\.min/.test(rest)) return 'q_date_min';
    if (/^\.max/.test(rest)) return 'q_date_max';
    if (/^\.showIf/.test(rest)) return 'cond_question';
    return 'q_type';
  }
  if (/^pages\[\d+\]\.title/.test(path)) return 'page_title';
  return undefined;
}

/** zod's and the cross-check's wording, made plain. */
function plain(message: string): string {
  return message
    .replace(/^Too small: expected string to have >=1 characters?$/, 'must not be empty')
    .replace(/^Too small: expected array to have >=(\d+) items?$/, 'needs at least $1')
    .replace(/^Invalid input.*$/, 'is not right');
}

const day = (value: string) => (value ? parseDay(value) : null);
const toIso = (value: string, endOfDay: boolean) => {
  const d = day(value);
  return d ? `${value.trim()}T${endOfDay ? '23:59:00' : '00:00:00'}Z` : value.trim();
};
export const isoDay = (iso: string) => iso.slice(0, 10);

/** Topics and areas already used by consultations: the hub's filters and the alerts' choices. */
export interface KnownTags {
  topics: Tag[];
  areas: Tag[];
}

/** A name typed as a new topic or area → its tag (an id made from the name). */
function tagOf(name: string): Tag {
  let id = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(id)) id = `t-${id || 'topic'}`;
  return { id, label: name };
}

/** The tags chosen (ids, one per line) and typed (names, one per line); undefined for none. */
function tagsFrom(chosen: string, typed: string, known: Tag[], stored: Tag[] | undefined): Tag[] | undefined {
  const pool = [...(stored ?? []), ...known];
  const out: Tag[] = [];
  const push = (tag: Tag) => {
    if (!out.some((t) => t.id === tag.id)) out.push(tag);
  };
  for (const id of chosen.split('\n').map((s) => s.trim()).filter(Boolean)) {
    const tag = pool.find((t) => t.id === id);
    if (tag) push(tag);
  }
  for (const name of typed.split(/\r?\n/).map((s) => s.trim()).filter(Boolean)) {
    // A name already known (in English) is that topic, with its Welsh.
    const same = pool.find((t) => english(t.label).toLowerCase() === name.toLowerCase());
    const tag = same ?? tagOf(name);
    push(pool.find((t) => t.id === tag.id) ?? tag);
  }
  return out.length ? out : undefined;
}

/** The definition with the overview as typed (keeping its pages), or with a first page and question. */
export function definitionFrom(typed: Typed, existing: Definition | null, known: KnownTags = { topics: [], areas: [] }): Record<string, unknown> {
  const t = (f: AuthoringField) => (typed[f] ?? '').trim();
  // A text whose English is unchanged keeps its stored form, Welsh included (the form shows English only).
  const text = (f: 'title' | 'summary' | 'proposal' | 'reasons' | 'audience' | 'privacy', stored: LocalizedText | undefined) => withWelsh(t(f), typed[`${f}_cy`], stored);
  const minutes = Number(t('minutes'));
  // Topics and areas as chosen, when the form had them (a form without them keeps them as stored).
  const tags = (key: 'topics' | 'areas', added: 'new_topics' | 'new_areas') =>
    typed[key] === undefined && typed[added] === undefined ? existing?.[key] : tagsFrom(t(key), t(added), known[key], existing?.[key]);
  return {
    // What the form does not show (Welsh text of other fields, documents) is kept as stored.
    ...(existing ?? {}),
    id: existing?.id ?? t('id'),
    title: text('title', existing?.title),
    summary: text('summary', existing?.summary),
    opens: toIso(t('opens'), false),
    closes: toIso(t('closes'), true),
    topics: tags('topics', 'new_topics'),
    areas: tags('areas', 'new_areas'),
    overview: {
      ...(existing?.overview ?? {}),
      proposal: text('proposal', existing?.overview.proposal),
      reasons: text('reasons', existing?.overview.reasons),
      audience: text('audience', existing?.overview.audience),
      estimatedMinutes: t('minutes') && Number.isInteger(minutes) ? minutes : t('minutes') ? t('minutes') : undefined,
      otherWays:
        existing && existing.overview.otherWays.map((w) => english(w.detail)).join('\n') === t('other_ways')
          ? existing.overview.otherWays
          : t('other_ways')
            ? [{ kind: 'other', label: 'Other ways to respond', detail: t('other_ways') }]
            : [],
      privacy: text('privacy', existing?.overview.privacy),
    },
    pages: existing?.pages ?? [{ id: 'page-1', title: withWelsh(t('page_title'), typed.page_title_cy, undefined), questions: [questionFrom(typed, null)] }],
  };
}

const copyPages = (definition: Definition) => definition.pages.map((p) => ({ ...p, questions: [...p.questions] }));

/** `definition` with the typed question added to the chosen page (or a new page). */
export function withQuestion(definition: Definition, typed: Typed): Record<string, unknown> {
  const question = questionFrom(typed, definition);
  const pageId = (typed.page ?? '').trim();
  const pages = copyPages(definition);
  const target = pages.find((p) => p.id === pageId);
  if (target) target.questions.push(question);
  else {
    let n = pages.length + 1;
    while (pages.some((p) => p.id === `page-${n}`)) n++;
    pages.push({ id: `page-${n}`, title: withWelsh((typed.page_title ?? '').trim(), typed.page_title_cy, undefined), questions: [question] });
  }
  return { ...definition, pages };
}

/** `definition` with question `id` replaced by the typed one, in the same place. */
export function withChangedQuestion(definition: Definition, id: string, typed: Typed, keepCondition: boolean): Record<string, unknown> {
  const pages = copyPages(definition);
  for (const page of pages) {
    const at = page.questions.findIndex((q) => q.id === id);
    if (at >= 0) page.questions[at] = questionFrom({ ...typed, q_id: id }, definition, page.questions[at], keepCondition ? page.questions[at]!.showIf : undefined);
  }
  return { ...definition, pages };
}

/** `definition` without question `id` (and without its page, if it was the page's only one). */
export function withoutQuestion(definition: Definition, id: string): Record<string, unknown> {
  const pages = copyPages(definition)
    .map((p) => ({ ...p, questions: p.questions.filter((q) => q.id !== id) }))
    .filter((p) => p.questions.length);
  return { ...definition, pages };
}

/**
 * `definition` with question `id` one place up or down: within its page, or from the top of a
 * page to the end of the page before (and from the bottom to the top of the next). A page left
 * empty goes. Null when it cannot go further.
 */
export function withQuestionMoved(definition: Definition, id: string, direction: 'up' | 'down'): Definition | null {
  const pages = copyPages(definition);
  const p = pages.findIndex((page) => page.questions.some((q) => q.id === id));
  if (p < 0) return null;
  const questions = pages[p]!.questions;
  const q = questions.findIndex((x) => x.id === id);
  const [question] = questions.splice(q, 1);
  if (direction === 'up' && q > 0) questions.splice(q - 1, 0, question!);
  else if (direction === 'down' && q < questions.length) questions.splice(q + 1, 0, question!);
  else if (direction === 'up' && p > 0) pages[p - 1]!.questions.push(question!);
  else if (direction === 'down' && p < pages.length - 1) pages[p + 1]!.questions.unshift(question!);
  else return null;
  return { ...definition, pages: pages.filter((page) => page.questions.length) };
}

/** Where the typed question sits in `input` ("pages[1].questions[0]"), for error mapping. */
function questionPath(input: Record<string, unknown>, questionId: string): string | null {
  const pages = (input.pages as { questions: { id: string }[] }[] | undefined) ?? [];
  for (let p = pages.length - 1; p >= 0; p--) {
    const ids = pages[p]!.questions.map((x) => x?.id);
    const q = ids.lastIndexOf(questionId);
    if (q >= 0) return `pages[${p}].questions[${q}]`;
  }
  return null;
}

/**
 * Checks `input` with the definition schema; returns the definition, or errors on form fields.
 * `questionTyped`: the question the form is adding (its problems go on its fields).
 */
export function check(
  input: Record<string, unknown>,
  typed: Typed,
  withQuestionFields: boolean,
  before: Definition | null = null,
): { definition: Definition } | { errors: FieldError<AuthoringField>[] } {
  const errors: FieldError<AuthoringField>[] = [];
  const add = (field: AuthoringField | undefined, message: string) => {
    if (field && errors.some((e) => e.field === field)) return;
    errors.push(field ? { field, message } : { message });
  };
  const t = (f: AuthoringField) => (typed[f] ?? '').trim();
  // Words first for what is simply missing or mistyped, in the order of the form.
  const required = withQuestionFields ? [...OVERVIEW_FIELDS, ...QUESTION_FIELDS] : OVERVIEW_FIELDS;
  for (const field of required) if (EMPTY[field] && typed[field] !== undefined && !t(field)) add(field, EMPTY[field]!);
  for (const field of ['opens', 'closes'] as const) if (t(field) && !day(t(field))) add(field, `${LABELS[field]} must be a real date, like 14 October 2026`);
  if (t('minutes') && !/^\d+$/.test(t('minutes'))) add('minutes', 'Minutes to answer must be a whole number, like 10');
  if (withQuestionFields && WITH_OPTIONS.has(t('q_type') as QuestionType) && options(t('q_options')).length < 2 && t('q_type') !== 'checkboxes') {
    add('q_options', 'Enter at least 2 choices, one on each line');
  }
  if (withQuestionFields) {
    const type = t('q_type') as QuestionType;
    if (type === 'textarea' && t('q_max_words') && !/^[1-9]\d*$/.test(t('q_max_words'))) add('q_max_words', 'Most words must be a whole number, like 300');
    if (type === 'checkboxes' && t('q_max_selections')) {
      const most = /^[1-9]\d*$/.test(t('q_max_selections')) ? Number(t('q_max_selections')) : 0;
      const choices = options(t('q_options')).length + (t('q_other') ? 1 : 0);
      if (!most) add('q_max_selections', 'Most choices must be a whole number, like 3');
      else if (most >= choices) add('q_max_selections', `Most choices must be fewer than the ${choices} choices, or leave it empty for no limit`);
    }
    for (const field of ['q_date_min', 'q_date_max'] as const) if (type === 'date' && t(field) && !day(t(field))) add(field, `${LABELS[field]} must be a real date, like 14 October 2026`);
    if (type === 'date' && day(t('q_date_min')) && day(t('q_date_max')) && t('q_date_min') > t('q_date_max')) add('q_date_max', 'Latest date must be the same as or after the earliest date');
    const welshChoices = lines(typed.q_options_cy).length;
    const englishChoices = options(t('q_options')).length;
    if (WITH_OPTIONS.has(type) && welshChoices && welshChoices !== englishChoices) {
      add('q_options_cy', `Enter a Welsh choice for each English choice, in the same order (${englishChoices} in English, ${welshChoices} in Welsh), or leave them all empty`);
    }
    CONDITION_ROWS.forEach((row, i) => {
      if (!t(row.question)) return;
      const test = t(row.test) || 'equals';
      if (test === 'equals' && !t(row.value)) add(row.value, i ? `Enter the answer of the ${i === 1 ? 'second' : 'third'} question that makes this question appear` : 'Enter the answer that makes this question appear');
      const unknown = test === 'equals' ? unknownAnswer(before, typed, row) : null;
      if (unknown) add(row.value, `${LABELS[row.value]}: “${unknown}” is not one of that question’s choices. Enter a choice exactly as written`);
    });
  }
  if (errors.length) return { errors };

  const at = withQuestionFields ? questionPath(input, t('q_id')) : null;
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
      const field = fieldOfPath(path, at);
      add(field, `${(field && LABELS[field]) ?? (field ? '' : `${path}: `)}${field && LABELS[field] ? ': ' : ''}${plain(issue.message)}`.replace(/^: /, ''));
    }
    return { errors };
  }
  try {
    return { definition: parseDefinition(input, 'form') };
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    for (const problem of error.problems) {
      const [path, ...rest] = problem.split(': ');
      const field = fieldOfPath(path!, at);
      const message = rest.join(': ');
      if (field === 'cond_question') add(field, 'Only ask if: choose a question that comes before this one');
      else if (field === 'q_id' && /used twice/.test(message)) add(field, `Short name of the question: “${t('q_id')}” is already used. Choose another`);
      else if (field === 'closes') add(field, 'Closes must be after the date it opens');
      else add(field, field ? `${LABELS[field] ?? 'This'}: ${message}` : problem);
    }
    return { errors };
  }
}
