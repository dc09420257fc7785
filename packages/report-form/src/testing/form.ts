// Opening <civic-report-form> as a council page does, for the browser tests written after
// report-form.test.ts (which keeps its own copies). Not part of the package build.
import { fixture } from '@open-wc/testing';
import { emptyAnswers, type Answers } from '../flow.js';
import type { CivicReportForm } from '../report-form.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

export const server = window.CIVIC_TEST_SERVER;
export const api = `${server}/open311/v2`;

/** A place inside the demo council, from its gazetteer. */
export const larkmead = { lat: 52.228154, lng: -1.514804, address: '1 High Street, Larkmead, LK1 1AA', area: null };

/** The form as the demo's council pages set it up. */
export function makeForm(extra: Record<string, string> = {}): Promise<CivicReportForm> {
  const el = document.createElement('civic-report-form');
  el.setAttribute('endpoint', api);
  el.setAttribute('phone', '01632 960000');
  el.setAttribute('geocoder-url', `${server}/api/addresses`);
  el.setAttribute('boundary-src', `${server}/api/area`);
  for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
  return fixture<CivicReportForm>(el);
}

/** Saves a draft as the form itself would, so a test can start at a later page. */
export function seedDraft(answers: Partial<Answers>, page: string, serviceCode = ''): void {
  sessionStorage.setItem(
    `civic-widgets:draft:report:${api}:${serviceCode}`,
    JSON.stringify({ v: 1, data: { answers: { ...emptyAnswers(), ...answers }, page, key: crypto.randomUUID(), returnToCheck: false } }),
  );
}

/** The error summary's messages, in order. */
export function summary(el: CivicReportForm): string[] {
  const box = el.shadowRoot!.querySelector('civic-error-summary');
  return [...(box?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
}

/** A radio or checkbox by its label, inside the form's fields. */
export function choice(el: CivicReportForm, label: string): HTMLInputElement {
  const roots = [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('[data-field]')].map((f) => f.shadowRoot)];
  for (const root of roots) {
    for (const input of root?.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]') ?? []) {
      if (input.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim().startsWith(label)) return input;
    }
  }
  throw new Error(`no choice labelled "${label}"`);
}

/** The page's button with this text. */
export function button(el: CivicReportForm, name: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}
