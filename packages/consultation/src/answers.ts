/*
 * How a field's input or change event becomes an answer: the element keeps the answers, this
 * says which answer a field writes and which error its new value clears.
 */
import type { FieldError, LocationAnswer } from '@civic-widgets/core';
import { isAnswered, type Answers, type Page } from './model.js';

/** The picker's value (which also carries the area) as the API's location answer. */
export function toLocationAnswer(value: unknown): LocationAnswer | undefined {
  const v = value as { lat?: unknown; lng?: unknown; address?: unknown } | null;
  const address = typeof v?.address === 'string' && v.address ? { address: v.address } : undefined;
  // A place described in words (no address search) is an answer too: the API takes {address}.
  if (!v || typeof v.lat !== 'number' || typeof v.lng !== 'number') return address as LocationAnswer | undefined;
  return { lat: v.lat, lng: v.lng, ...address };
}

const textFields = new Set(['civic-text-input', 'civic-textarea', 'civic-date-input']);

type Field = HTMLElement & { value?: unknown };

/**
 * The answers and errors after a field's event, or undefined when the event changes nothing
 * (not a question's field, or an 'input' a choice field will follow with 'change').
 */
export function applyFieldEvent(
  event: Event,
  answers: Answers,
  errors: Record<string, string>,
): { answers: Answers; errors: Record<string, string> } | undefined {
  const field = event.target as Field;
  const id = field.dataset?.q;
  if (!id) return undefined;
  // A choice field updates its value on 'change', after the inner input's 'input': reading it
  // on 'input' would render the old value back over the resident's click.
  if (event.type === 'input' && !textFields.has(field.localName)) return undefined;
  const part = field.dataset.part;
  const next = { ...answers };
  const nextErrors = { ...errors };
  if (part === 'other') {
    next[`${id}.other`] = String(field.value ?? '');
    delete nextErrors[`${id}.other`];
  } else if (field.localName === 'civic-location-picker') {
    next[id] = toLocationAnswer(field.value);
    delete nextErrors[id];
  } else if (part === 'address') {
    const address = String(field.value ?? '');
    const previous = next[id] as LocationAnswer | undefined;
    next[id] = address.trim() ? ({ ...previous, address } as LocationAnswer) : undefined;
    delete nextErrors[id];
  } else {
    next[id] = field.value as Answers[string];
    delete nextErrors[id];
  }
  return { answers: next, errors: nextErrors };
}

/** The answers and errors after the picker's `civic-location-change` (a place chosen on the map or by search). */
export function applyLocationEvent(event: Event, answers: Answers, errors: Record<string, string>) {
  const id = (event.target as HTMLElement).dataset?.q;
  if (!id) return undefined;
  const nextErrors = { ...errors };
  delete nextErrors[id];
  return { answers: { ...answers, [id]: toLocationAnswer((event as CustomEvent).detail) }, errors: nextErrors };
}

/** A ranking the resident saw and left as it was is their answer (docs: every option, in order). */
export function withShownRankings(page: Page, answers: Answers, root: ParentNode): Answers {
  const next = { ...answers };
  for (const q of page.questions) {
    if (q.type !== 'ranking' || isAnswered(next[q.id])) continue;
    const field = root.querySelector<HTMLElement & { order: string[] }>(`[data-q="${q.id}"]`);
    if (field) next[q.id] = field.order;
  }
  return next;
}

type FieldLike = HTMLElement & { reportValidity(): boolean; validationMessage: string; updateComplete?: Promise<unknown> };

/** The page's fields' problems, once each has rendered its latest value and error, for the error summary. */
export async function pageFieldErrors(root: ParentNode, validate: (fields: FieldLike[]) => FieldError[]): Promise<FieldError[]> {
  const fields = [...root.querySelectorAll<FieldLike>('form.questions [data-q]')];
  await Promise.all(fields.map((f) => f.updateComplete));
  return validate(fields);
}

/**
 * Enter in a text box submits its form, as with native inputs: a form-associated element's
 * input sits in a shadow root, where the browser's implicit submission does not reach.
 */
export function submitOnEnter(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  const inner = event.composedPath()[0];
  // core's text input submits on Enter itself and says so with preventDefault().
  if (event.key !== 'Enter' || event.defaultPrevented || !(inner instanceof HTMLInputElement)) return;
  if (target.localName !== 'civic-text-input' && target.localName !== 'civic-date-input') return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).closest('form')?.requestSubmit();
}
