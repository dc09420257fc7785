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

/**
 * A UK number in the national form people write and read out ("01632 960000", "020 7946 0000"),
 * from any form of it (`+441632960000`); null when it is not an 11-digit UK number.
 */
export function ukNational(number: string): string | null {
  const d = digits(number);
  if (!/^0\d{10}$/.test(d)) return null;
  if (d.startsWith('02')) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  // 0113, 0121…: city codes; 03, 08, 09: non-geographic numbers.
  if (/^01\d1|^011|^0[389]/.test(d)) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  return `${d.slice(0, 5)} ${d.slice(5)}`;
}

/**
 * The words of a `tel:` link: the number as the council wrote it in `text`, else, rather than
 * the address's international form, the UK number as people write it (the link still dials the
 * address as given).
 */
export function phoneForPeople(href: string, text: string): string {
  const written = phoneAsWritten(href, text);
  return text.includes(written) ? written : (ukNational(written) ?? written);
}
