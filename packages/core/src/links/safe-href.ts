/**
 * A link from server data (a boundary file, a config document, an Open311 answer), or undefined
 * when it is not one a resident should follow. Only http(s) by default: a `javascript:` or `data:`
 * URL in a file the council did not write must never become a live link in the council's page.
 * `protocols` adds others where a widget means them (a consultation's `tel:` and `mailto:` ways
 * to respond). Relative links resolve against `base` (the page's when omitted) and come back
 * absolute, so what is checked is what the browser follows.
 */
export function safeHref(value: unknown, options: { base?: string; protocols?: readonly string[] } = {}): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value, options.base ?? globalThis.document?.baseURI ?? 'https://base.invalid/');
    const allowed = ['http:', 'https:', ...(options.protocols ?? [])];
    return allowed.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
