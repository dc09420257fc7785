// Reading <civic-report-form> as a resident does, for the browser tests (report-form.test.ts,
// language.test.ts). Not part of the package: tsconfig.build.json leaves src/testing out.
import { waitUntil } from '@open-wc/testing';
import type { CivicReportForm } from '../report-form.js';

/** The visible text of the page (the form's shadow root and the fields' own). */
export function pageText(el: CivicReportForm): string {
  const walk = (root: ShadowRoot | Element): string =>
    [...root.childNodes]
      .map((n) => {
        if (n.nodeType === Node.TEXT_NODE) return n.textContent;
        if (!(n instanceof Element) || n.localName === 'style') return '';
        return (n.shadowRoot ? walk(n.shadowRoot) : '') + walk(n);
      })
      .join(' ');
  return walk(el.shadowRoot!).replace(/\s+/g, ' ');
}

/** The page's heading: the form's own <h1>, or a question field's label rendered as the <h1>. */
export function heading(el: CivicReportForm): string {
  const own = el.shadowRoot!.querySelector('h1');
  if (own) return own.textContent!.replace(/\s+/g, ' ').trim();
  const field = el.shadowRoot!.querySelector('[data-field]');
  return field?.shadowRoot?.querySelector('h1')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits (up to 15 s) until the form shows the page whose heading starts with or matches `title`. */
export async function onPage(el: CivicReportForm, title: string | RegExp) {
  const on = () => (typeof title === 'string' ? heading(el).startsWith(title) : title.test(heading(el)));
  // waitUntil's message is a string made when the wait starts: it would name the page shown
  // then ("" or "Loading…"), not the one shown when time ran out. Say what is shown at the end.
  await waitUntil(on, '', { timeout: 15000 }).catch(() => {
    throw new Error(`expected page "${title}" within 15 s, saw ${shown(el)}`);
  });
  await el.updateComplete;
}

/** What the form shows now, and why (for a failed wait): its heading or status, and its loading state. */
export function shown(el: CivicReportForm): string {
  const status = el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim();
  const why = {
    page: el['page'],
    ready: el['ready'],
    categories: el['loadedServices']?.length,
    categoriesLoad: el['catalogue'].services.status,
    pagesChunk: el['chunks'].state,
    busy: el['busy'],
    language: el.locale,
  };
  return `"${heading(el) || status || ''}" ${JSON.stringify(why)}`;
}
