/** What a typed reference is: usable, missing, or not shaped like a reference at all. */
export type ReferenceCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'malformed' };

/**
 * Open311 says nothing about the shape of a service_request_id, so by default we accept what
 * real ones look like (letters, digits and - _ / . :, up to 64 characters: "LDC-1001",
 * "638344", "2026/000123") and refuse what cannot be one (a sentence, a URL, an email address).
 * A council whose references have a known shape sets `reference-pattern`.
 */
const DEFAULT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_\-/.:]{0,63}$/;

export function checkReference(input: string, pattern?: string): ReferenceCheck {
  // People paste references with spaces around them or type "LDC - 1001".
  let value = input.trim().replace(/\s*-\s*/g, '-');
  if (!value) return { ok: false, reason: 'empty' };
  // A resident may paste the whole link from their email: take the reference out of it.
  if (/^https?:\/\//i.test(value)) value = fromLink(value) ?? '';
  if (!value) return { ok: false, reason: 'malformed' };
  if (!DEFAULT_PATTERN.test(value)) return { ok: false, reason: 'malformed' };
  if (pattern) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(`^(?:${pattern})$`, 'i');
    } catch {
      re = undefined; // A broken pattern is the webmaster's problem, reported by the element.
    }
    if (re && !re.test(value)) return { ok: false, reason: 'malformed' };
  }
  return { ok: true, value };
}

/** `https://…/track?ref=LDC-1001` or `https://…/cases/LDC-1001` → `LDC-1001`. */
function fromLink(link: string): string | undefined {
  try {
    const url = new URL(link);
    const ref = url.searchParams.get('ref');
    if (ref) return ref.trim();
    const last = url.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}
