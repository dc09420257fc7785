import { definitionSchema, english, parseDefinition, DefinitionError, type Condition, type LocalizedText, type Definition, type Question, type QuestionType } from '../consultations/definition.ts';
import { parseDay } from '../requests/expected-dates.ts';
import type { FieldError } from './page.ts';

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
const WITH_OPTIONS = new Set<QuestionType>(['radios', 'checkboxes', 'ranking', 'scale']);

export const OVERVIEW_FIELDS = ['id', 'title', 'summary', 'opens', 'closes', 'proposal', 'reasons', 'audience', 'minutes', 'other_ways', 'privacy'] as const;
export const QUESTION_FIELDS = ['page', 'page_title', 'q_type', 'q_id', 'q_label', 'q_hint', 'q_required', 'q_options', 'cond_question', 'cond_value'] as const;
export type AuthoringField = (typeof OVERVIEW_FIELDS)[number] | (typeof QUESTION_FIELDS)[number];
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
  ];
  for (const [pattern, field] of overview) if (pattern.test(path)) return field;
  if (questionAt && path.startsWith(questionAt)) {
    const rest = path.slice(questionAt.length);
    if (/^\.id/.test(rest)) return 'q_id';
    if (/^\.label/.test(rest)) return 'q_label';
    if (/^\.hint/.test(rest)) return 'q_hint';
    if (/^\.options/.test(rest)) return 'q_options';
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

/** "Label" per line → options with a value made from the label ("Every Sunday" → every-sunday). */
function options(text: string) {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, i) => {
      let value = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `choice-${i + 1}`;
      if (value === 'other') value = 'other-choice';
      while (seen.has(value)) value = `${value}-${i + 1}`;
      seen.add(value);
      return { value, label };
    });
}

/** The question an officer described, or null when no question was started (edit overview). */
export function questionFrom(typed: Typed): Question | null {
  const t = (f: AuthoringField) => (typed[f] ?? '').trim();
  const type = t('q_type') as QuestionType;
  const condition: Condition | undefined = t('cond_question') ? { question: t('cond_question'), equals: t('cond_value') } : undefined;
  const question: Record<string, unknown> = {
    id: t('q_id'),
    type,
    label: t('q_label'),
    ...(t('q_hint') ? { hint: t('q_hint') } : {}),
    required: t('q_required') === 'yes',
    ...(condition ? { showIf: condition } : {}),
    ...(WITH_OPTIONS.has(type) ? { options: options(t('q_options')) } : {}),
  };
  return question as unknown as Question;
}

/** The definition with the overview as typed (keeping its pages), or with a first page and question. */
export function definitionFrom(typed: Typed, existing: Definition | null): Record<string, unknown> {
  const t = (f: AuthoringField) => (typed[f] ?? '').trim();
  // A text whose English is unchanged keeps its stored form, Welsh included (the form shows English only).
  const text = (f: AuthoringField, stored: LocalizedText | undefined) => (stored !== undefined && english(stored) === t(f) ? stored : t(f));
  const minutes = Number(t('minutes'));
  return {
    // What the form does not show (topics, areas, Welsh text of other fields) is kept as stored.
    ...(existing ?? {}),
    id: existing?.id ?? t('id'),
    title: text('title', existing?.title),
    summary: text('summary', existing?.summary),
    opens: toIso(t('opens'), false),
    closes: toIso(t('closes'), true),
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
    pages: existing?.pages ?? [{ id: 'page-1', title: t('page_title'), questions: [questionFrom(typed)] }],
  };
}

/** `definition` with the typed question added to the chosen page (or a new page). */
export function withQuestion(definition: Definition, typed: Typed): Record<string, unknown> {
  const question = questionFrom(typed)!;
  const pageId = (typed.page ?? '').trim();
  const pages = definition.pages.map((p) => ({ ...p, questions: [...p.questions] }));
  const target = pages.find((p) => p.id === pageId);
  if (target) target.questions.push(question);
  else pages.push({ id: `page-${pages.length + 1}`, title: (typed.page_title ?? '').trim(), questions: [question] });
  return { ...definition, pages };
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
export function check(input: Record<string, unknown>, typed: Typed, withQuestionFields: boolean): { definition: Definition } | { errors: FieldError<AuthoringField>[] } {
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
  if (withQuestionFields && t('cond_question') && !t('cond_value')) add('cond_value', 'Enter the answer that makes this question appear');
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
