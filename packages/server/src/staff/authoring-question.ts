import { english, type Condition, type Definition, type LocalizedText, type Question, type QuestionType } from '../consultations/definition.ts';

/*
 * One question of the staff authoring form as data, both ways: what an officer typed becomes a
 * question of the definition (settings of its type, its "only ask if" condition), and a stored
 * question becomes the form's fields again for "Change". Checked by the definition schema in
 * authoring-form.ts.
 */

export const WITH_OPTIONS = new Set<QuestionType>(['radios', 'checkboxes', 'ranking', 'scale']);
export const WITH_OTHER = new Set<QuestionType>(['radios', 'checkboxes']);

/** The condition rows of the form: row 1 is "Only ask if", rows 2 and 3 add questions. */
export const CONDITION_ROWS = [
  { question: 'cond_question', test: 'cond_test', value: 'cond_value' },
  { question: 'cond2_question', test: 'cond2_test', value: 'cond2_value' },
  { question: 'cond3_question', test: 'cond3_test', value: 'cond3_value' },
] as const;
export type ConditionRow = (typeof CONDITION_ROWS)[number];

export const QUESTION_FIELDS = [
  'page',
  'page_title',
  'q_type',
  'q_id',
  'q_label',
  'q_hint',
  'q_required',
  'q_options',
  'q_other',
  'q_max_words',
  'q_max_selections',
  'q_date_min',
  'q_date_max',
  // Welsh (optional): what residents who choose Cymraeg read.
  'page_title_cy',
  'q_label_cy',
  'q_hint_cy',
  'q_options_cy',
  'q_other_cy',
  ...CONDITION_ROWS.flatMap((r) => [r.question, r.test, r.value]),
  'cond_join',
] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];
type TypedQuestion = Partial<Record<QuestionField, string>>;

/** "Label" per line → options with a value made from the label ("Every Sunday" → every-sunday). */
export function options(text: string, stored: { value: string; label: LocalizedText; hint?: LocalizedText }[] = []) {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, i) => {
      // A choice kept as it was keeps its value (answers and conditions use it) and its Welsh.
      const kept = stored.find((o) => english(o.label) === label && !seen.has(o.value));
      if (kept) {
        seen.add(kept.value);
        return kept;
      }
      let value = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `choice-${i + 1}`;
      if (value === 'other') value = 'other-choice';
      while (seen.has(value)) value = `${value}-${i + 1}`;
      seen.add(value);
      return { value, label };
    });
}

/**
 * A text as typed with its Welsh: `{en, cy}` when Welsh was typed, the English alone when the
 * Welsh box was left empty. A form without the Welsh box (undefined) keeps the stored Welsh while
 * the English is unchanged.
 */
export function withWelsh(en: string, cy: string | undefined, stored: LocalizedText | undefined): LocalizedText {
  if (cy === undefined) return stored !== undefined && english(stored) === en ? stored : en;
  return cy.trim() ? { en, cy: cy.trim() } : en;
}

/** The Welsh of a stored text, or ''. */
export const welsh = (text: LocalizedText | undefined) => (text !== undefined && typeof text === 'object' ? (text.cy ?? '') : '');

/** Lines of a choices box, without blank ones. */
export const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

const questionsOf = (definition: Definition | null) => definition?.pages.flatMap((p) => p.questions) ?? [];

/** What a condition row's answer lines stand for: option values where a label was typed. */
function answerValues(target: Question | undefined, typed: string): string[] {
  const lines = typed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((line) => {
    if (target?.type === 'yes_no') return line.toLowerCase();
    const option = target && 'options' in target ? target.options.find((o) => english(o.label).toLowerCase() === line.toLowerCase() || o.value === line) : undefined;
    return option ? option.value : line;
  });
}

/** A typed answer that is none of the target question's choices (they would never match). */
export function unknownAnswer(definition: Definition | null, typed: TypedQuestion, row: ConditionRow): string | null {
  const target = questionsOf(definition).find((q) => q.id === (typed[row.question] ?? '').trim());
  if (!target || (typed[row.test] || 'equals') !== 'equals') return null;
  const values = answerValues(target, typed[row.value] ?? '');
  const allowed = target.type === 'yes_no' ? ['yes', 'no'] : 'options' in target ? [...target.options.map((o) => o.value), ...('other' in target && target.other ? ['other'] : [])] : null;
  return allowed ? (values.find((v) => !allowed.includes(v)) ?? null) : null;
}

/** The condition the rows describe, or undefined for "Always ask it". */
export function conditionFrom(definition: Definition | null, typed: TypedQuestion): Condition | undefined {
  const targets = questionsOf(definition);
  const leaves: Condition[] = [];
  for (const row of CONDITION_ROWS) {
    const question = (typed[row.question] ?? '').trim();
    if (!question) continue;
    const test = (typed[row.test] ?? '').trim() || 'equals';
    if (test === 'answered' || test === 'unanswered') {
      leaves.push({ question, answered: test === 'answered' });
      continue;
    }
    const values = answerValues(
      targets.find((q) => q.id === question),
      typed[row.value] ?? '',
    );
    leaves.push(values.length > 1 ? { question, in: values } : { question, equals: values[0] ?? '' });
  }
  if (leaves.length <= 1) return leaves[0];
  return typed.cond_join === 'any' ? { any: leaves } : { all: leaves };
}

/** The rows showing a stored condition; null when the form cannot show it (nested, over 3). */
export function typedFromCondition(condition: Condition | undefined, definition: Definition): TypedQuestion | null {
  if (!condition) return {};
  const join = 'all' in condition ? 'all' : 'any' in condition ? 'any' : '';
  const leaves = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition];
  if (leaves.length > CONDITION_ROWS.length || leaves.some((l) => !('question' in l))) return null;
  const typed: TypedQuestion = join ? { cond_join: join } : {};
  const target = (id: string) => questionsOf(definition).find((q) => q.id === id);
  const label = (id: string, value: string) => {
    const q = target(id);
    const option = q && 'options' in q ? q.options.find((o) => o.value === value) : undefined;
    return option ? english(option.label) : value;
  };
  leaves.forEach((leaf, i) => {
    const row = CONDITION_ROWS[i]!;
    if (!('question' in leaf)) return;
    typed[row.question] = leaf.question;
    if ('answered' in leaf) typed[row.test] = leaf.answered ? 'answered' : 'unanswered';
    else {
      typed[row.test] = 'equals';
      typed[row.value] = ('in' in leaf ? leaf.in : [leaf.equals]).map((v) => label(leaf.question, v)).join('\n');
    }
  });
  return typed;
}

const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : text === '' ? undefined : text);

/**
 * The question an officer described. `stored`: the question being changed (its Welsh, and
 * settings the form does not show, are kept where the English is unchanged).
 */
export function questionFrom(typed: TypedQuestion, definition: Definition | null, stored?: Question, keptCondition?: Condition): Question {
  const t = (f: QuestionField) => (typed[f] ?? '').trim();
  const type = t('q_type') as QuestionType;
  const text = (value: string, cy: string | undefined, before: LocalizedText | undefined) => withWelsh(value, cy, before);
  const choices = () => {
    const list = options(t('q_options'), storedOptions);
    if (typed.q_options_cy === undefined) return list;
    // Welsh choices line up with the English ones (check() refuses a different number of lines).
    const cy = lines(typed.q_options_cy);
    return list.map((o, i) => ({ ...o, label: cy.length === list.length ? { en: english(o.label), cy: cy[i]! } : english(o.label) }));
  };
  const condition = keptCondition ?? conditionFrom(definition, typed);
  const storedOptions = stored && 'options' in stored ? stored.options : [];
  const storedOther = stored && 'other' in stored ? stored.other : undefined;
  const question: Record<string, unknown> = {
    id: stored?.id ?? t('q_id'),
    type,
    label: text(t('q_label'), typed.q_label_cy, stored?.label),
    ...(t('q_hint') ? { hint: text(t('q_hint'), typed.q_hint_cy, stored?.hint) } : {}),
    required: t('q_required') === 'yes',
    ...(condition ? { showIf: condition } : {}),
    ...(WITH_OPTIONS.has(type) ? { options: choices() } : {}),
    ...(WITH_OTHER.has(type) && t('q_other') ? { other: { label: text(t('q_other'), typed.q_other_cy, storedOther?.label) } } : {}),
    ...(type === 'textarea' && t('q_max_words') ? { maxWords: whole(t('q_max_words')) } : {}),
    ...(type === 'checkboxes' && t('q_max_selections') ? { maxSelections: whole(t('q_max_selections')) } : {}),
    ...(type === 'date' && t('q_date_min') ? { min: t('q_date_min') } : {}),
    ...(type === 'date' && t('q_date_max') ? { max: t('q_date_max') } : {}),
    // Settings the form does not offer (a short answer's length, a long answer's characters,
    // a place outside the area) stay as they were while the type does.
    ...(stored && stored.type === type && (type === 'text' || type === 'textarea') && 'maxLength' in stored ? { maxLength: stored.maxLength } : {}),
    ...(stored && stored.type === type && type === 'location' && 'withinArea' in stored ? { withinArea: stored.withinArea } : {}),
  };
  return question as unknown as Question;
}

/** A stored question as the form shows it (for "Change"); `condition` null: not shown. */
export function typedFromQuestion(question: Question, definition: Definition): { typed: TypedQuestion; conditionShown: boolean } {
  const condition = typedFromCondition(question.showIf, definition);
  return {
    conditionShown: condition !== null,
    typed: {
      q_type: question.type,
      q_id: question.id,
      q_label: english(question.label),
      q_hint: english(question.hint),
      q_required: question.required ? 'yes' : '',
      q_options: 'options' in question ? question.options.map((o) => english(o.label)).join('\n') : '',
      q_other: 'other' in question && question.other ? english(question.other.label) : '',
      q_max_words: question.type === 'textarea' && question.maxWords ? String(question.maxWords) : '',
      q_max_selections: question.type === 'checkboxes' && question.maxSelections ? String(question.maxSelections) : '',
      q_date_min: question.type === 'date' ? (question.min ?? '') : '',
      q_date_max: question.type === 'date' ? (question.max ?? '') : '',
      q_label_cy: welsh(question.label),
      q_hint_cy: welsh(question.hint),
      q_options_cy: 'options' in question && question.options.some((o) => welsh(o.label)) ? question.options.map((o) => welsh(o.label)).join('\n') : '',
      q_other_cy: 'other' in question && question.other ? welsh(question.other.label) : '',
      ...(condition ?? {}),
    },
  };
}

/** Questions whose condition looks at `id` (it cannot be removed, or moved after them). */
export function dependants(definition: Definition, id: string): Question[] {
  const looksAt = (c: Condition | undefined): boolean =>
    !!c && ('all' in c ? c.all.some(looksAt) : 'any' in c ? c.any.some(looksAt) : c.question === id);
  return definition.pages.flatMap((p) => [...(looksAt(p.showIf) ? p.questions.slice(0, 1) : []), ...p.questions.filter((q) => looksAt(q.showIf))]);
}
