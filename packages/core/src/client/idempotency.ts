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
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
