import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { toXml } from './xml.ts';
import { ApiError, type ApiErrorEntry } from './api-error.ts';

export { ApiError, badRequest, codedError, notFound, type ApiErrorEntry, type Open311Error } from './api-error.ts';

/** Friendlier words for fastify's own 4xx errors, which are written for developers. */
const frameworkMessages: Record<string, (error: FastifyError) => string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    'Send the body as application/x-www-form-urlencoded (Open311), multipart/form-data (media) or application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'The JSON body is empty: send a JSON object.',
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'The body is not valid JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: () => 'The request body is too large.',
  FST_REQ_FILE_TOO_LARGE: () => 'The file is too large.',
  FST_FILES_LIMIT: () => 'Send one file at a time.',
  FST_PARTS_LIMIT: () => 'Too many form fields.',
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => 'Send the file as multipart/form-data.',
};

/** Open311's `.xml` format suffix; the JSON APIs under /api answer JSON whatever the path ends with. */
export function wantsXml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && /\.xml(?:\?|$)/.test(request.url);
}

/** At most this many entries leave in one answer: the first problems are the ones to fix. */
export const MAX_ERRORS = 20;

export function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, all: ApiErrorEntry[]) {
  const errors =
    all.length > MAX_ERRORS
      ? [...all.slice(0, MAX_ERRORS), { code: all[MAX_ERRORS]!.code, description: `There are ${all.length - MAX_ERRORS} more problems like these. Fix the ones above first.` }]
      : all;
  // Also on answers sent before any hook ran (frameworkErrors): never sniffed as HTML.
  reply.code(status).header('X-Content-Type-Options', 'nosniff');
  if (wantsXml(request)) {
    return reply.type('text/xml; charset=utf-8').send(toXml('errors', 'error', errors as unknown as Record<string, unknown>[]));
  }
  return reply.type('application/json; charset=utf-8').send(errors);
}

function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return sendErrors(request, reply, error.statusCode, error.errors);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = fastifyError.validation.map((v) => ({
        code: 400,
        description: `${(v.instancePath || v.params?.missingProperty || 'request').toString().replace(/^\//, '')}: ${v.message ?? 'is not valid'}`,
      }));
      return sendErrors(request, reply, 400, errors);
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const describe = fastifyError.code ? frameworkMessages[fastifyError.code] : undefined;
      return sendErrors(request, reply, status, [{ code: status, description: describe ? describe(fastifyError) : fastifyError.message }]);
    }
    request.log.error({ err: error }, 'request failed');
    return sendErrors(request, reply, 500, [
      { code: 500, description: 'Something went wrong on our side and nothing was saved. Please try again in a few minutes.' },
    ]);
  });
  app.setNotFoundHandler((request, reply) =>
    sendErrors(request, reply, 404, [{ code: 404, description: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` }]),
  );
}

/** Every failure, ours or fastify's, as an error array; registered once on the root instance. */
export const errorHandling = fp(async (app: FastifyInstance) => installErrorHandling(app), { name: 'civic-errors', fastify: '5.x' });
