// Driving <civic-report-form> by keyboard only, for the browser tests (report-form.test.ts,
// open311-profiles.test.ts).
// Not part of the package: tsconfig.build.json leaves src/testing out.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicReportForm } from '../report-form.js';
import { heading, onPage } from './pages.js';

/** The element with focus, looking inside shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

export const text = (a: Element) => a.textContent!.replace(/\s+/g, ' ').trim();
export const labelOf = (a: Element) => ((a as HTMLInputElement).labels?.[0] ? text((a as HTMLInputElement).labels![0]!) : '');
export const isButton = (name: string) => (a: Element) => a.localName === 'button' && text(a).startsWith(name);
export const isChoice = (label: string) => (a: Element) =>
  a instanceof HTMLInputElement && ['radio', 'checkbox'].includes(a.type) && labelOf(a).startsWith(label);
export const isInput = (label: string) => (a: Element) =>
  (a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement || a instanceof HTMLSelectElement) && labelOf(a).startsWith(label);

/** Presses Tab until the focused element matches (keyboard only: no clicks anywhere). */
export async function tabTo(match: (a: Element) => boolean, what: string) {
  for (let i = 0; i < 60; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a && match(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tab to a radio group, then arrow keys to the option (arrows also check it). */
export async function chooseRadio(label: string) {
  const first = await tabTo((a) => a instanceof HTMLInputElement && a.type === 'radio', 'a radio');
  if (labelOf(first).startsWith(label) && !(first as HTMLInputElement).checked) await sendKeys({ press: 'Space' });
  for (let i = 0; i < 20 && !labelOf(deepActive()!).startsWith(label); i++) await sendKeys({ press: 'ArrowDown' });
  expect(labelOf(deepActive()!)).to.contain(label);
  expect((deepActive() as HTMLInputElement).checked).to.equal(true);
}

export async function pressContinue(name = 'Continue') {
  await tabTo(isButton(name), `the ${name} button`);
  await sendKeys({ press: 'Enter' });
}

/** The error summary's messages, in order. */
export function summary(el: CivicReportForm): string[] {
  const s = el.shadowRoot!.querySelector('civic-error-summary')!;
  return [...s.shadowRoot!.querySelectorAll('li')].map(text);
}

/** The place search: types an address the geocoder knows and picks the first suggestion. */
export async function choosePlace(el: CivicReportForm, query = '5 high st') {
  await tabTo((a) => a.getAttribute('role') === 'combobox', 'the address search');
  await sendKeys({ type: query });
  const picker = el.shadowRoot!.querySelector('civic-location-picker')!;
  await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no address suggestions', { timeout: 15000 });
  // On a busy machine the suggestions may be redrawn for the last keystrokes as the arrow
  // lands: try the choice again, as a resident would.
  for (let i = 0; i < 3 && !el['answers'].place; i++) {
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el['answers'].place !== null, 'the place was not chosen', { timeout: 5000 }).catch(() => undefined);
  }
  expect(el['answers'].place, 'the place was not chosen').to.not.equal(null);
}

/**
 * From the category page to "Check your answers": the category, the first option of every
 * question asked, a description, a place, no photos, a name and email. Returns the headings of
 * the question pages it went through.
 */
export async function reportToCheck(el: CivicReportForm, category: string, description: string): Promise<string[]> {
  await onPage(el, 'What do you want to report?');
  await chooseRadio(category);
  await pressContinue();
  const questions: string[] = [];
  await waitUntil(() => heading(el) && !heading(el).startsWith('What do you want to report?'), 'still on the category page', { timeout: 15000 });
  while (!heading(el).startsWith('Tell us more about the problem')) {
    questions.push(heading(el));
    const field = el.shadowRoot!.querySelector('[data-field]')!;
    const radio = field.shadowRoot!.querySelector('input[type=radio]');
    if (radio) await chooseRadio(labelOf(radio));
    else {
      await tabTo((a) => a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement, 'the answer');
      await sendKeys({ type: '42' });
    }
    const before = heading(el);
    await pressContinue();
    await waitUntil(() => heading(el) !== before, `stuck on "${before}"`, { timeout: 15000 });
  }
  await tabTo(isInput('Tell us more'), 'the description');
  await sendKeys({ type: description });
  await pressContinue();
  await onPage(el, 'Where is the problem?');
  await choosePlace(el);
  await pressContinue();
  await onPage(el, /Add photos|Has someone already reported it|Your details/);
  if (heading(el).startsWith('Has someone')) {
    await chooseRadio('No, it is a different problem');
    await pressContinue();
  }
  if (heading(el).startsWith('Add photos')) await pressContinue();
  await onPage(el, 'Your details');
  await tabTo(isInput('Full name'), 'Full name');
  await sendKeys({ type: 'Sam Jones' });
  await tabTo(isInput('Email address'), 'Email address');
  await sendKeys({ type: 'sam@example.com' });
  await pressContinue();
  await onPage(el, 'Check your answers before sending your report');
  return questions;
}
