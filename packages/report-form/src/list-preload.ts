/**
 * Whether the page preloads the category list with `code`'s questions in it: a
 * `<link rel="preload" as="fetch">` for `<endpoint>/services.json?definitions=…` naming that
 * category (docs/integrators.md#the-first-question-in-one-round-trip). Its answer is then at hand,
 * or already on its way, and carries the questions: asking for them on their own as well would be
 * one more request before the first question, on the phone line and on the main thread.
 * Matched on the list's address and the `definitions` named, not the whole URL, so a line that
 * differs only in language or key still counts (the browser then fetches the list again, but the
 * reference server puts the questions in it all the same).
 */
export function listPreloaded(endpoint: string, code: string, doc: Document = document): boolean {
  if (!endpoint || !code) return false;
  const list = new URL(`${endpoint.replace(/\/+$/, '')}/services.`, doc.baseURI).href;
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="preload" i][as="fetch" i][href]')) {
    if (!link.href.startsWith(list)) continue;
    const named = new URL(link.href).searchParams.get('definitions')?.split(',') ?? [];
    if (named.includes(code)) return true;
  }
  return false;
}
