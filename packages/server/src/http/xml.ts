import { XMLBuilder } from 'fast-xml-parser';

// Characters XML 1.0 forbids even when escaped; a builder passes them through and breaks the document.
const forbidden = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function clean(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(forbidden, '');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

/**
 * Open311's XML form: a plural root element holding one singular element per item
 * (`<services><service>…</service></services>`), field names exactly as in JSON. Arrays inside
 * an item (a service's attribute values) must already be shaped by the caller
 * (`{ value: [{ key, name }] }`).
 */
export function toXml(root: string, item: string, items: Record<string, unknown>[]): string {
  const body = builder.build({ [root]: { [item]: items.map((i) => clean(i)) } }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

/** A single object as XML (a service definition has no list root). */
export function objectToXml(root: string, value: Record<string, unknown>): string {
  const body = builder.build({ [root]: clean(value) }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}
