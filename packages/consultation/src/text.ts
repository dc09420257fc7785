import { html, type TemplateResult } from 'lit';

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
 * mailto: and tel: — never `javascript:` or `data:`, whoever wrote the definition.
 */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, globalThis.document?.baseURI ?? 'https://base.invalid/');
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
