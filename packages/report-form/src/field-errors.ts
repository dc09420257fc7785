import type { FieldError } from '@civic-widgets/core';

type Field = HTMLElement & { checkValidity(): boolean; updateComplete?: Promise<unknown> };

/**
 * A field the resident has put right leaves the error summary at once (its own message has
 * already gone): a summary still listing a fixed answer reads as if it were still wrong. Calls
 * `drop` with the field whose errors to remove, once it has checked its new value.
 */
export function whenFieldFixed(event: Event, drop: (field: HTMLElement) => void): void {
  const field = event.composedPath().find((n): n is Field => n instanceof HTMLElement && n.hasAttribute('data-field'));
  void field?.updateComplete?.then(() => field.checkValidity() && drop(field));
}

/** The errors that are not about `field` (or anything inside it). */
export const withoutField = (errors: FieldError[], field: HTMLElement) => errors.filter((e) => e.target !== field && !field.contains(e.target));
