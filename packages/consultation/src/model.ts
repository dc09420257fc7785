/*
 * The consultation definition as docs/consultation-api.md describes it, and the rules that
 * decide what a resident sees. The server applies the same rules (docs: "Conditions"), so the
 * pages and questions shown here are exactly the ones whose answers it keeps.
 */

import {
  localizedText,
  type Answers,
  type Condition,
  type Consultation,
  type LocalizedText,
  type Page,
  type Question,
} from '@civic-widgets/core';

export type { Answers, Condition, Consultation, LocalizedText, Page, Question };

/** The text for `lang`: Welsh when asked for and present, else English (docs: "Text in two languages"). */
export function tr(text: LocalizedText | undefined | null, lang: string): string {
  return localizedText(text ?? undefined, lang);
}

/** Rule 4: not missing, not null, not "" (after trimming), not []. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Rule 5: whether a condition holds, given only the answers of visible questions. */
export function holds(condition: Condition, seen: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, seen));
  if ('any' in condition) return condition.any.some((c) => holds(c, seen));
  const value = seen[condition.question];
  const answered = isAnswered(value);
  if ('answered' in condition) return answered === condition.answered;
  if (!answered) return false;
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  if ('equals' in condition) return values.includes(condition.equals);
  return values.some((v) => condition.in.includes(v));
}

export interface Visibility {
  /** The pages a resident goes through, in order. */
  pages: Page[];
  /** Visible question id → its visible page. */
  questions: Map<string, Question>;
  /** The answers of visible questions only: what the resident sends. */
  answers: Answers;
}

/**
 * Rules 2 and 3: walks pages and questions in order; a condition sees only the answers of
 * questions that are visible, so hiding a page also hides whatever depends on it.
 */
export function visibility(definition: Pick<Consultation, 'pages'>, answers: Answers): Visibility {
  const pages: Page[] = [];
  const questions = new Map<string, Question>();
  const seen: Answers = {};
  for (const page of definition.pages) {
    if (page.showIf && !holds(page.showIf, seen)) continue;
    const shown = page.questions.filter((question) => {
      if (question.showIf && !holds(question.showIf, seen)) return false;
      questions.set(question.id, question);
      if (isAnswered(answers[question.id])) {
        seen[question.id] = answers[question.id];
        const other = answers[`${question.id}.other`];
        if (question.other && chosen(answers[question.id]).includes('other') && isAnswered(other)) {
          seen[`${question.id}.other`] = other;
        }
      }
      return true;
    });
    pages.push({ ...page, questions: shown });
  }
  return { pages, questions, answers: seen };
}

/** The values a choice answer holds: one for radios, several for checkboxes. */
export function chosen(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value ? [value] : [];
}

/** Words as the server counts them: runs of non-space characters. */
export const wordCount = (text: string): number => text.match(/\S+/g)?.length ?? 0;

/** Resume codes are shown in two groups of four: `K7M3 QX9P`. */
export function formatResumeCode(code: string): string {
  const clean = normaliseResumeCode(code);
  return clean.length === 8 ? `${clean.slice(0, 4)} ${clean.slice(4)}` : clean;
}

/** Codes are case-insensitive; spaces and hyphens are ignored (docs: "Save and return"). */
export function normaliseResumeCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** Whether a typed code could be a resume code at all (8 characters from the code alphabet). */
export function looksLikeResumeCode(code: string): boolean {
  return /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/.test(normaliseResumeCode(code));
}
