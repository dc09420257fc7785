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
