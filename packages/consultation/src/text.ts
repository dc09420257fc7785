import { html, type TemplateResult } from 'lit';
import { safeHref } from '@civic-widgets/core';

/** Paragraphs of API text, split on blank lines (docs: "All text comes back as data", never markup). */
export function paragraphs(text: string, className = 'body'): TemplateResult[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p class=${className}>${p}</p>`);
}

/**
 * A link from the API, or undefined when it is not one a resident should follow: only http(s),
 * mailto: and tel: (a way to respond) — never `javascript:` or `data:`, whoever wrote the definition.
 */
export const safeUrl = (url: string | undefined | null): string | undefined => safeHref(url, { protocols: ['mailto:', 'tel:'] });

const digits = (s: string) => s.replace(/[^\d+]/g, '').replace(/^\+44/, '0').replace(/^0044/, '0');

/**
 * A phone number as the council wrote it ("01632 960000"), for a `tel:` link whose address is
 * in international form (`tel:+441632960000`): the number in the text that dials the same, else
 * the address without its scheme.
 */
export function phoneAsWritten(href: string, text: string): string {
  const wanted = digits(href.replace(/^tel:/, ''));
  for (const found of text.match(/[+(]?\d[\d\s()-]{5,}\d/g) ?? []) {
    if (digits(found) === wanted) return found.trim();
  }
  return href.replace(/^tel:/, '');
}
