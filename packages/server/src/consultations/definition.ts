import { z } from 'zod';

/**
 * The consultation definition format (docs/consultation-api.md): what a council writes, as
 * JSON, to run a consultation without code. Parsed with zod, then cross-checked (ids unique,
 * conditions only look back) so a broken definition fails at start-up, naming the key.
 */

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'use a letter, then letters, digits, "_" or "-"');

/** A plain string, or `{en, cy?}`. */
export const localizedTextSchema = z.union([
  z.string().min(1),
  z.strictObject({ en: z.string().min(1), cy: z.string().min(1).optional() }),
]);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export type Condition =
  | { question: string; equals: string }
  | { question: string; in: string[] }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: id, equals: z.string() }),
    z.strictObject({ question: id, in: z.array(z.string()).min(1) }),
    z.strictObject({ question: id, answered: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const optionSchema = z.strictObject({
  value: z.string().min(1).refine((v) => v !== 'other', '"other" is reserved for the "other" choice'),
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
});
export type Option = z.infer<typeof optionSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

const base = {
  id,
  label: localizedTextSchema,
  hint: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  showIf: conditionSchema.optional(),
};

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().positive().max(10_000).default(500) }),
  z.strictObject({
    ...base,
    type: z.literal('textarea'),
    maxWords: z.number().int().positive().optional(),
    maxLength: z.number().int().positive().max(100_000).default(10_000),
  }),
  z.strictObject({
    ...base,
    type: z.literal('radios'),
    options: z.array(optionSchema).min(2),
    other: z.strictObject({ label: localizedTextSchema }).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('checkboxes'),
    options: z.array(optionSchema).min(1),
    other: z.strictObject({ label: localizedTextSchema }).optional(),
    maxSelections: z.number().int().positive().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('scale'), options: z.array(optionSchema).min(2) }),
  z.strictObject({ ...base, type: z.literal('ranking'), options: z.array(optionSchema).min(2) }),
  z.strictObject({ ...base, type: z.literal('yes_no') }),
  z.strictObject({ ...base, type: z.literal('date'), min: isoDate.optional(), max: isoDate.optional() }),
  z.strictObject({ ...base, type: z.literal('location'), withinArea: z.boolean().default(true) }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];

export const pageSchema = z.strictObject({
  id,
  title: localizedTextSchema,
  intro: localizedTextSchema.optional(),
  showIf: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Page = z.infer<typeof pageSchema>;

const dateTime = z.iso.datetime({ offset: true });

export const otherWaySchema = z.strictObject({
  kind: z.enum(['post', 'phone', 'email', 'event', 'other']),
  label: localizedTextSchema,
  detail: localizedTextSchema,
  href: z.string().min(1).optional(),
  date: dateTime.optional(),
});

/** A topic or an area: an id that alerts and filters use, and the words residents read. */
export const tagSchema = z.strictObject({ id, label: localizedTextSchema });
export type Tag = z.infer<typeof tagSchema>;

/** Words the API uses after /api/consultations/, so no consultation may be called them. */
export const RESERVED_IDS = ['alerts'];

export const definitionSchema = z.strictObject({
  $schema: z.string().optional(),
  id: id.refine((v) => !RESERVED_IDS.includes(v), `"${RESERVED_IDS.join('", "')}" is a word the API uses; choose another id`),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  opens: dateTime,
  closes: dateTime,
  /** What it is about (the hub's topic filter, alerts by topic). */
  topics: z.array(tagSchema).max(20).optional(),
  /** Where it applies (the hub's area filter, alerts by area); none: the whole council area. */
  areas: z.array(tagSchema).max(50).optional(),
  overview: z.strictObject({
    proposal: localizedTextSchema,
    reasons: localizedTextSchema,
    audience: localizedTextSchema,
    estimatedMinutes: z.number().int().positive(),
    otherWays: z.array(otherWaySchema).min(1, 'list at least one other way to respond: digital must not be the only one'),
    documents: z.array(z.strictObject({ label: localizedTextSchema, href: z.string().min(1) })).optional(),
    privacy: localizedTextSchema,
    privacyUrl: z.string().min(1).optional(),
  }),
  pages: z.array(pageSchema).min(1),
});
export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;

export class DefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid consultation definition (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DefinitionError';
  }
}

function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(top level)';
}

/** Every question of a definition in order, with its page. */
export function allQuestions(definition: Definition): Array<{ page: Page; question: Question }> {
  return definition.pages.flatMap((page) => page.questions.map((question) => ({ page, question })));
}

function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}

/** Rules zod cannot see: unique ids, conditions that only look back, option values, dates. */
function crossCheck(definition: Definition): string[] {
  const problems: string[] = [];
  const pageIds = new Set<string>();
  const seen = new Map<string, Question>();
  const checkCondition = (condition: Condition, at: string) => {
    for (const target of conditionQuestions(condition)) {
      if (!seen.has(target)) problems.push(`${at}: "${target}" must be an earlier question`);
    }
  };
  if (Date.parse(definition.closes) <= Date.parse(definition.opens)) problems.push('closes: must be after "opens"');
  for (const key of ['topics', 'areas'] as const) {
    const ids = (definition[key] ?? []).map((t) => t.id);
    const dupe = ids.find((v, i) => ids.indexOf(v) !== i);
    if (dupe) problems.push(`${key}: "${dupe}" is listed twice`);
  }
  definition.pages.forEach((page, p) => {
    const at = `pages[${p}]`;
    if (pageIds.has(page.id)) problems.push(`${at}.id: "${page.id}" is used twice`);
    pageIds.add(page.id);
    if (page.showIf) checkCondition(page.showIf, `${at}.showIf`);
    page.questions.forEach((question, q) => {
      const where = `${at}.questions[${q}]`;
      if (seen.has(question.id)) problems.push(`${where}.id: "${question.id}" is used twice`);
      if (question.showIf) checkCondition(question.showIf, `${where}.showIf`);
      if ('options' in question) {
        const values = question.options.map((o) => o.value);
        const dupes = values.filter((v, i) => values.indexOf(v) !== i);
        if (dupes.length) problems.push(`${where}.options: value "${dupes[0]}" is used twice`);
      }
      if (question.type === 'date' && question.min && question.max && question.min > question.max) {
        problems.push(`${where}.min: must not be after "max"`);
      }
      seen.set(question.id, question);
    });
  });
  return problems;
}

/** Parses and checks a definition; throws DefinitionError listing every problem. */
export function parseDefinition(input: unknown, source = '(definition)'): Definition {
  const result = definitionSchema.safeParse(input);
  if (!result.success) {
    throw new DefinitionError(
      source,
      result.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? `${keyPath(issue.path)}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : `${keyPath(issue.path)}: ${issue.message}`,
      ),
    );
  }
  const problems = crossCheck(result.data);
  if (problems.length) throw new DefinitionError(source, problems);
  return result.data;
}

/** English text of a LocalizedText (CSV headers, email subjects). */
export function english(text: LocalizedText | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.en;
}

/** The text in `lang`, falling back to English. */
export function inLanguage(text: LocalizedText | undefined, lang: 'en' | 'cy'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'cy' && text.cy) || text.en;
}

/** Whether every text of the definition has Welsh (so the widget can offer it). */
export function languagesOf(definition: Definition): Array<'en' | 'cy'> {
  let hasWelsh = false;
  const visit = (value: unknown) => {
    if (hasWelsh || value === null || typeof value !== 'object') return;
    if (!Array.isArray(value) && 'cy' in value && 'en' in value) hasWelsh = true;
    else for (const child of Object.values(value)) visit(child);
  };
  // Topic and area names are shared words (often place names): they say nothing of the text.
  const { topics: _topics, areas: _areas, ...text } = definition;
  visit(text);
  return hasWelsh ? ['en', 'cy'] : ['en'];
}
