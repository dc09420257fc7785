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
  await waitUntil(() => (typeof title === 'string' ? heading(el).startsWith(title) : title.test(heading(el))), `expected page "${title}", saw "${heading(el)}"`, {
    timeout: 15000,
  });
  await el.updateComplete;
}
