import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLanguage, type Language } from './language.ts';

/**
 * The language of an answer (our extension, docs/open311-extensions.md#welsh): `?locale=cy` or
 * `Accept-Language: cy`; said in `Content-Language`. `vary` for cacheable GETs, whose language
 * may have come from the header.
 */
export function answerLanguage(request: FastifyRequest, reply: FastifyReply, vary: boolean): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const language = pickLanguage({ locale: query?.locale, acceptLanguage: request.headers['accept-language'] });
  reply.header('Content-Language', language);
  if (vary) {
    const before = reply.getHeader('vary');
    reply.header('Vary', before ? `${String(before)}, Accept-Language` : 'Accept-Language');
  }
  return language;
}
