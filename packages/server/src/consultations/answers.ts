import { allQuestions, english, type Condition, type Definition, type Question } from './definition.ts';

/**
 * Conditions and answer validation, exactly as docs/consultation-api.md states them, so the
 * widget (which applies the same rules in the browser) and the server always agree on which
 * questions a resident saw.
 */

export type Answers = Record<string, unknown>;

export interface ConsultationError {
  code: string;
  description: string;
  question?: string;
}

/** Who owns a point; the consultation service plugs in the server's boundary lookup. */
export type LocateFn = (lat: number, lng: number) => { inside: true } | { inside: false; neighbour: { name: string; message?: string } | null };

/** Rule 4: missing, null, blank text and empty arrays are "not answered". */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Rule 5, on the answers of visible questions only (rule 3). */
export function evaluate(condition: Condition, visibleAnswers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, visibleAnswers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, visibleAnswers));
  const answer = visibleAnswers[condition.question];
  if ('answered' in condition) return isAnswered(answer) === condition.answered;
  if (!isAnswered(answer)) return false;
  const values = Array.isArray(answer) ? answer.filter((v): v is string => typeof v === 'string') : typeof answer === 'string' ? [answer] : [];
  if ('equals' in condition) return values.includes(condition.equals);
  return values.some((v) => condition.in.includes(v));
}

/**
 * Rule 2: walks pages and questions in order and returns the ids of the visible questions and
 * pages, seeing only answers of questions already found visible.
 */
export function visibility(definition: Definition, answers: Answers): { pages: Set<string>; questions: Set<string> } {
  const pages = new Set<string>();
  const questions = new Set<string>();
  const visibleAnswers: Answers = {};
  for (const page of definition.pages) {
    if (page.showIf && !evaluate(page.showIf, visibleAnswers)) continue;
    pages.add(page.id);
    for (const question of page.questions) {
      if (question.showIf && !evaluate(question.showIf, visibleAnswers)) continue;
      questions.add(question.id);
      if (question.id in answers) visibleAnswers[question.id] = answers[question.id];
    }
  }
  return { pages, questions };
}

const label = (q: Question) => `“${english(q.label)}”`;
const OTHER_MAX = 500;
const ADDRESS_MAX = 300;

function words(text: string): number {
  return text.trim() ? text.trim().split(/\s+/u).length : 0;
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Checks one answered value against its question; returns the problem or null. */
function checkAnswer(question: Question, value: unknown, answers: Answers, locate: LocateFn | undefined): ConsultationError | null {
  const err = (code: string, description: string): ConsultationError => ({ code, description, question: question.id });
  const wrongType = (what: string) => err('invalid_type', `The answer to ${label(question)} must be ${what}.`);
  switch (question.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return wrongType('text');
      if (value.length > question.maxLength) {
        return err('too_long', `The answer to ${label(question)} must be ${question.maxLength} characters or fewer.`);
      }
      if (question.type === 'textarea' && question.maxWords && words(value) > question.maxWords) {
        return err('too_many_words', `The answer to ${label(question)} must be ${question.maxWords} words or fewer (it has ${words(value)}).`);
      }
      return null;
    }
    case 'radios':
    case 'scale': {
      if (typeof value !== 'string') return wrongType('one of its options');
      const allowed = question.options.map((o) => o.value);
      if (question.type === 'radios' && question.other) allowed.push('other');
      if (!allowed.includes(value)) return err('invalid_option', `“${value}” is not one of the options of ${label(question)}.`);
      if (value === 'other') return checkOther(question, answers);
      return null;
    }
    case 'checkboxes': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return wrongType('a list of its options');
      const allowed = new Set(question.options.map((o) => o.value));
      if (question.other) allowed.add('other');
      const bad = value.find((v) => !allowed.has(v));
      if (bad !== undefined) return err('invalid_option', `“${bad}” is not one of the options of ${label(question)}.`);
      if (new Set(value).size !== value.length) return err('invalid_option', `Each option of ${label(question)} can be ticked only once.`);
      if (question.maxSelections && value.length > question.maxSelections) {
        return err('too_many_selections', `Choose up to ${question.maxSelections} options for ${label(question)}.`);
      }
      if (value.includes('other')) return checkOther(question, answers);
      return null;
    }
    case 'ranking': {
      const all = question.options.map((o) => o.value);
      if (
        !Array.isArray(value) ||
        value.length !== all.length ||
        new Set(value).size !== all.length ||
        !value.every((v) => typeof v === 'string' && all.includes(v))
      ) {
        return err('invalid_ranking', `Put every option of ${label(question)} in order, each once.`);
      }
      return null;
    }
    case 'yes_no':
      return value === 'yes' || value === 'no' ? null : err('invalid_option', `The answer to ${label(question)} must be "yes" or "no".`);
    case 'date': {
      if (typeof value !== 'string' || !isRealDate(value)) {
        return err('invalid_date', `The answer to ${label(question)} must be a real date, like 2027-03-31.`);
      }
      if ((question.min && value < question.min) || (question.max && value > question.max)) {
        const range =
          question.min && question.max ? `between ${question.min} and ${question.max}` : question.min ? `on or after ${question.min}` : `on or before ${question.max}`;
        return err('date_out_of_range', `The date for ${label(question)} must be ${range}.`);
      }
      return null;
    }
    case 'location': {
      const v = value as { lat?: unknown; lng?: unknown; address?: unknown };
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrongType('a place: {lat, lng, address?} or {address}');
      const { lat, lng, address } = v;
      if (address !== undefined && address !== null && (typeof address !== 'string' || address.length > ADDRESS_MAX)) {
        return err('invalid_location', `The address for ${label(question)} must be text of ${ADDRESS_MAX} characters or fewer.`);
      }
      // Choosing a place without the map is a right (WCAG): a typed address alone is an answer.
      // Nothing here can place it, so the area check is for the people reading the responses.
      if ((lat === undefined || lat === null) && (lng === undefined || lng === null)) {
        if (typeof address === 'string' && address.trim()) return null;
        return err('invalid_location', `The place for ${label(question)} needs a latitude and longitude, or an address.`);
      }
      if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90 || typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
        return err('invalid_location', `The place for ${label(question)} needs a latitude between -90 and 90 and a longitude between -180 and 180.`);
      }
      if (question.withinArea && locate) {
        const where = locate(lat, lng);
        if (!where.inside) {
          const named = where.neighbour ? ` It is in ${where.neighbour.name}.` : '';
          return err('location_outside_area', `The place for ${label(question)} must be inside the council's area.${named}`);
        }
      }
      return null;
    }
  }
}

function checkOther(question: Question, answers: Answers): ConsultationError | null {
  const text = answers[`${question.id}.other`];
  if (typeof text !== 'string' || !text.trim()) {
    return { code: 'other_required', description: `You chose “Other” for ${label(question)}: say what it is.`, question: question.id };
  }
  if (text.length > OTHER_MAX) {
    return { code: 'too_long', description: `The “Other” answer to ${label(question)} must be ${OTHER_MAX} characters or fewer.`, question: question.id };
  }
  return null;
}

/**
 * Validates a response: drops answers to hidden or unknown questions, enforces required
 * visible ones and checks every answer. Returns the cleaned answers or every problem, in
 * question order.
 */
export function validateResponse(
  definition: Definition,
  answers: Answers,
  locate?: LocateFn,
): { ok: true; answers: Answers } | { ok: false; errors: ConsultationError[] } {
  const visible = visibility(definition, answers);
  const errors: ConsultationError[] = [];
  const clean: Answers = {};
  for (const { question } of allQuestions(definition)) {
    if (!visible.questions.has(question.id)) continue;
    const value = answers[question.id];
    if (!isAnswered(value)) {
      if (question.required) errors.push({ code: 'required', description: `Answer this question: ${label(question)}`, question: question.id });
      continue;
    }
    const problem = checkAnswer(question, value, answers, locate);
    if (problem) {
      errors.push(problem);
      continue;
    }
    if (question.type === 'location') {
      const { lat, lng, address } = value as { lat?: number | null; lng?: number | null; address?: string | null };
      const typed = address?.trim();
      if (typeof lat !== 'number' || typeof lng !== 'number') clean[question.id] = { address: typed };
      else clean[question.id] = typed ? { lat, lng, address: typed } : { lat, lng };
    } else {
      clean[question.id] = typeof value === 'string' ? value.trim() : value;
    }
    const chose = Array.isArray(value) ? value.includes('other') : value === 'other';
    if ((question.type === 'radios' || question.type === 'checkboxes') && chose) {
      clean[`${question.id}.other`] = (answers[`${question.id}.other`] as string).trim();
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: clean };
}
