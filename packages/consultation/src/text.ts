import { html, type TemplateResult } from 'lit';

/** Paragraphs of API text, split on blank lines (docs: "All text comes back as data", never markup). */
export function paragraphs(text: string, className = 'body'): TemplateResult[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p class=${className}>${p}</p>`);
}
