import type { ApiErrorItem } from './errors.js';

/**
 * What an Open311 error is about, so a form can say it in plain words next to the right field.
 * Servers name the field in their own words: `service_code: the service code is missing or
 * unknown.`, `attribute[depth]: depth is required.`, `Invalid api_key received`, `lat/long,
 * address_string or address_id: a location is required.`
 */
export type ErrorSubject =
  | { kind: 'service' | 'location' | 'email' | 'name' | 'phone' | 'description' | 'media' | 'key' | 'other' }
  | { kind: 'attribute'; code: string };

/** Field names of POST requests, as servers write them, and what each is about. */
const FIELDS: [RegExp, ErrorSubject['kind']][] = [
  [/\bapi[_ ]?key\b/, 'key'],
  [/\bservice[_ ]?code\b/, 'service'],
  [/\b(lat|long|lat\/long|address_string|address_id|location)\b/, 'location'],
  [/\bemail\b/, 'email'],
  [/\b(first_name|last_name)\b/, 'name'],
  [/\bphone\b/, 'phone'],
  [/\bmedia_url\b/, 'media'],
  [/^description\b/, 'description'],
];

/**
 * Reads one error. `attributeCodes` are the category's question codes: a server that writes
 * "WHISHETN is required" names a question without the `attribute[…]` form.
 */
export function errorSubject(error: ApiErrorItem, attributeCodes: readonly string[] = []): ErrorSubject {
  const text = error.description.trim();
  // "field: message" names the field before the colon; else look for a field in the sentence.
  const head = text.match(/^([\w[\]/, ]{1,80}):\s/)?.[1] ?? text;
  const attribute = head.match(/attribute\[([^\]]+)\]/)?.[1] ?? attributeCodes.find((c) => new RegExp(`(^|\\W)${escape(c)}(\\W|$)`).test(head));
  if (attribute) return { kind: 'attribute', code: attribute };
  const lower = head.toLowerCase();
  for (const [re, kind] of FIELDS) if (re.test(lower)) return { kind } as ErrorSubject;
  return { kind: error.code === '401' || error.code === '403' ? 'key' : 'other' };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
