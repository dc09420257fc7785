import type { LitElement } from 'lit';
import type { CivicErrorSummary, CivicTextInput } from '@civic-widgets/core';

let fields: Promise<unknown> | undefined;
/**
 * The core form fields (the tracker uses the text input and the error summary), fetched the first
 * time a form is shown: a case linked from a confirmation page or an email needs none. core.js
 * itself, not a module of ours that imports it, which would be a file of its own in the CDN
 * build and one more round trip before the form.
 */
export const loadFields = () => (fields ??= import('@civic-widgets/core/define'));

/**
 * The field's `<input>` lives in its own shadow root, so the browser's implicit submission
 * (Enter in a text box submits its form) does not reach our form: do it ourselves.
 */
export function submitOnEnter(event: KeyboardEvent): void {
  // core's text input submits on Enter itself and says so with preventDefault().
  if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented) return;
  event.preventDefault();
  (event.currentTarget as HTMLElement).closest('form')?.requestSubmit();
}

/**
 * GOV.UK: a wrong answer gets its message in a summary that takes focus, linked to the field.
 * `onField` also sets it on the field (for a message the field's own checks would not give).
 */
export async function showFieldError(host: LitElement, summary: string, field: string, message: string, onField = false): Promise<void> {
  // The summary empties itself on the form's `submit`, and a submit from a real click or key
  // runs microtasks between listeners: wait until the whole event has been dispatched.
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
  const input = host.renderRoot.querySelector<CivicTextInput>(field);
  const box = host.renderRoot.querySelector<CivicErrorSummary>(summary);
  if (!input || !box) return;
  if (onField) input.errorMessage = message;
  box.errors = [{ message, target: input }];
}
