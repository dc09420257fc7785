import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCached } from '../../http/cache.ts';
import { badRequest } from '../../http/errors.ts';
import { objectToXml, toXml } from '../../http/xml.ts';

export type Format = 'json' | 'xml';

/** Splits "potholes.xml" into ["potholes", "xml"]; no suffix means JSON. */
export function splitFormat(segment: string): [string, Format] {
  const match = /^(.*)\.(json|xml)$/i.exec(segment);
  if (match) return [match[1]!, match[2]!.toLowerCase() as Format];
  if (/\.[a-z0-9]+$/i.test(segment) && !/^[\w-]+$/.test(segment)) {
    throw badRequest(`Unknown format "${segment.slice(segment.lastIndexOf('.') + 1)}": use .json or .xml.`);
  }
  return [segment, 'json'];
}

// XML wants one element per list item, named in the singular (Open311's own examples do this).
const singular: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  groups: 'group',
  // <media_urls><media_url>…</media_url></media_urls>: each photo in the element Open311 names it.
  media_urls: 'media_url',
};

function xmlShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(xmlShape);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const item = singular[key];
      out[key] = Array.isArray(inner) && item ? { [item]: inner.map(xmlShape) } : xmlShape(inner);
    }
    return out;
  }
  return value;
}

/** Sends a list in JSON, or in XML as <root><item>…</item></root>. */
export function sendList(reply: FastifyReply, format: Format, root: string, item: string, items: Record<string, unknown>[]) {
  if (format === 'xml') {
    return reply.type('text/xml; charset=utf-8').send(toXml(root, item, items.map((i) => xmlShape(i) as Record<string, unknown>)));
  }
  return reply.type('application/json; charset=utf-8').send(items);
}

export function sendObject(reply: FastifyReply, format: Format, root: string, value: Record<string, unknown>) {
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(objectToXml(root, xmlShape(value) as Record<string, unknown>));
  return reply.type('application/json; charset=utf-8').send(value);
}

/** sendList or sendObject for an answer that changes only with the config: ETag, 304 and a short max-age (http/cache.ts). */
export function sendCachedAnswer(request: FastifyRequest, reply: FastifyReply, format: Format, root: string, item: string | null, value: Record<string, unknown> | Record<string, unknown>[]) {
  if (format === 'xml') {
    const xml = Array.isArray(value)
      ? toXml(root, item!, value.map((i) => xmlShape(i) as Record<string, unknown>))
      : objectToXml(root, xmlShape(value) as Record<string, unknown>);
    return sendCached(request, reply, xml, 'text/xml; charset=utf-8');
  }
  return sendCached(request, reply, JSON.stringify(value), 'application/json; charset=utf-8');
}

export { isoDate } from './dates.ts';
