/**
 * A fresh Idempotency-Key (a UUID v4). Create it once per thing the resident submits and keep it
 * with that submission (draft, outbox), so every retry of the same report carries the same key
 * and the server stores it once.
 */
export function createIdempotencyKey(): string {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts (https, localhost); a council page on plain http
  // still needs a key, so build a v4 UUID from getRandomValues there.
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // Version nibble 4, variant bits 10xx, the rest random.
  const b = c.getRandomValues(new Uint8Array(31));
  let i = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) =>
    (+d ^ (b[i++]! & (15 >> (+d / 4)))).toString(16),
  );
}
