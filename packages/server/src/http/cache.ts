import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching for answers that change only when the config does (service lists, service
 * definitions): a strong ETag from the bytes sent and a short max-age. A browser (or a CDN)
 * reuses its copy for `maxAge` seconds, then asks again with If-None-Match and gets an empty
 * 304 while nothing changed; a config change shows within `maxAge`.
 */
export const SHORT_MAX_AGE = 300;


/** The ETag of `body`, a hash of the bytes, so every process gives the same tag. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when the request's If-None-Match names `etag` (or is "*"). */
export function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === etag || t === '*';
  });
}

/**
 * Sends `body` (already serialised) with Cache-Control, an ETag, and a 304 when the client has it.
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, body: string, contentType: string, maxAge = SHORT_MAX_AGE, etag = etagOf(body)) {
  reply.header('Cache-Control', `public, max-age=${maxAge}`).header('ETag', etag);
  if (matches(request, etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}

