/**
 * A link from server data (a boundary file, a config document, an Open311 answer), or undefined
 * when it is not one a resident should follow. Only http(s) by default: a `javascript:` or `data:`
 * URL in a file the council did not write must never become a live link in the council's page.
 * `protocols` adds others where a widget means them (a consultation's `tel:` and `mailto:` ways
 * to respond). With `base` (a link relative to the server, not the page), the link comes back
 * absolute, resolved against it. Without, it is checked as the page would resolve it and comes
 * back as written: the browser follows the same URL, and a webmaster's `/track?ref={id}` stays
 * the relative link they wrote.
 */
export function safeHref(value: unknown, options: { base?: string; protocols?: readonly string[] } = {}): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const page = globalThis.document?.baseURI ?? 'https://base.invalid/';
    // A base may itself be relative (endpoint="/open311/v2", as the demo writes it): resolve it
    // against the page first, or URL() refuses every link, absolute ones included.
    const url = new URL(value, options.base ? new URL(options.base, page) : page);
    const allowed = ['http:', 'https:', ...(options.protocols ?? [])];
    if (!allowed.includes(url.protocol)) return undefined;
    return options.base ? url.href : value;
  } catch {
    return undefined;
  }
}
