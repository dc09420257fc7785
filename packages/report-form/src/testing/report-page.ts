// The reference server's demo council as report-form.test.ts, photos.test.ts and
// xml-server.test.ts open it. Not part of the package build (tsconfig.build.json leaves src/testing out).
import { fixture } from '@open-wc/testing';
import { Open311Client } from '@civic-widgets/core';
import type { CivicReportForm } from '../report-form.js';
import { emptyAnswers, type Answers } from '../flow.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

export const server = window.CIVIC_TEST_SERVER;
export const api = `${server}/open311/v2`;
// Port 9 (discard) has no listener: connections are refused at once, as when offline.
export const unreachable = 'http://127.0.0.1:9/open311/v2';
export const xmlCouncil = new URL('../../test-fixtures/xml-council', import.meta.url).href;

// Places in the demo council (from its gazetteer): Larkmead town has no parish council,
// Fenbury has one (clerk Margaret Oakes).
export const larkmead = { lat: 52.228154, lng: -1.514804, address: '1 High Street, Larkmead, LK1 1AA', area: null };
export const fenbury = { lat: 52.255821, lng: -1.571662, address: 'The Old Forge, Church Street, Fenbury, LK3 3AD', area: null };

/** What this page has fetched whose URL matches `pattern` (Resource Timing: when asked for, when in). */
export const fetched = (pattern: RegExp) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => pattern.test(e.name));

export function makeForm(endpoint = api, extra: Record<string, string> = {}) {
  const el = document.createElement('civic-report-form');
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('phone', '01632 960000');
  el.setAttribute('tracker-url', '/track?ref={id}');
  el.setAttribute('privacy-url', '/privacy');
  el.setAttribute('geocoder-url', `${server}/api/addresses`);
  el.setAttribute('boundary-src', `${server}/api/area`);
  for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
  return fixture<CivicReportForm>(el);
}

/**
 * A council page: its own heading and a long introduction above the form, so the form starts
 * below the fold (as on /report-a-pothole.html) and a focus move would scroll the page.
 */
export async function councilPage(endpoint = api, extra: Record<string, string> = {}) {
  const page = document.createElement('main');
  const title = document.createElement('h1');
  title.textContent = 'Report a problem with a street light';
  const intro = document.createElement('p');
  intro.textContent = 'Tell us about a street light that is not working. We fix most faults within 7 days.';
  intro.style.minHeight = '150vh';
  const el = document.createElement('civic-report-form');
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('geocoder-url', `${server}/api/addresses`);
  for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
  page.append(title, intro, el);
  window.scrollTo(0, 0);
  await fixture(page);
  return el as CivicReportForm;
}

/** Lets a focus move that the form would make after rendering a page happen (or not). */
export async function settle(el: CivicReportForm) {
  await el.updateComplete;
  await (el.shadowRoot!.querySelector('[data-field]') as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  await new Promise((r) => setTimeout(r, 300));
}

/** Saves a draft as the form itself would, so a test can start at a later page. */
export function seedDraft(answers: Partial<Answers>, page: string, endpoint = api, serviceCode = '') {
  sessionStorage.setItem(
    `civic-widgets:draft:report:${endpoint}:${serviceCode}`,
    JSON.stringify({ v: 1, data: { answers: { ...emptyAnswers(), ...answers }, page, key: crypto.randomUUID(), returnToCheck: false } }),
  );
}

export async function storedReport(id: string) {
  return new Open311Client({ endpoint: api }).request(id);
}
