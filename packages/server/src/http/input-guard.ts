import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import qs from 'qs';
import { ApiError } from './api-error.ts';
import { sendErrors } from './errors.ts';

/*
 * Bad input gets a 4xx error array, never a 500 and never fastify's own JSON: bodies are bounded
 * (depth, number of values, number of form fields) while they are parsed, before any code walks
 * them; NUL (and control characters outside body values) is refused with the field's name
 * before a handler runs; and the
 * errors fastify raises before routing (bad URL encoding, over-long ids, headers too large)
 * are worded and shaped like ours. docs/server.md#bad-input lists the limits.
 */

export const INPUT_LIMITS = {
  /** Nesting of a JSON body: the deepest the API needs is a consultation definition (10). */
  jsonDepth: 32,
  /** Values in a JSON body (objects, arrays and their items): a definition has a few hundred. */
  jsonValues: 10_000,
  /** Fields of a form-encoded body: an Open311 report has a few dozen. */
  formFields: 1_000,
  /** `attribute[a][b]`: Open311 needs two levels (`attribute[code][]`). */
  formDepth: 5,
  /** Items of one repeated form field (`attribute[code][]=…`). */
  formArray: 100,
};

const tooDeep = () => new ApiError(400, `The body is nested too deeply: send at most ${INPUT_LIMITS.jsonDepth} levels.`);
const tooManyValues = () => new ApiError(413, `The body has too many values: send at most ${INPUT_LIMITS.jsonValues.toLocaleString('en-GB')}.`);
const tooManyFields = () => new ApiError(413, `The form has too many fields: send at most ${INPUT_LIMITS.formFields.toLocaleString('en-GB')}.`);

/**
 * Measures a JSON text without parsing it: nesting depth and a count of values (each `{`, `[`
 * and `,` outside strings). One pass, no recursion, so a body 100,000 levels deep costs what
 * its length costs and never reaches JSON.parse or anything that walks the result.
 */
export function checkJsonShape(text: string): void {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > INPUT_LIMITS.jsonDepth) throw tooDeep();
      if (++values > INPUT_LIMITS.jsonValues) throw tooManyValues();
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++values > INPUT_LIMITS.jsonValues) throw tooManyValues();
  }
}

/** Open311 form bodies: `attribute[code][]=a` nested by qs, with every limit an error, not a cut. */
export function parseForm(text: string): Record<string, unknown> {
  if (!text) return {};
  // Counted before qs splits anything, so a million fields cost one scan.
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) if (++fields > INPUT_LIMITS.formFields) throw tooManyFields();
  try {
    return qs.parse(text, {
      depth: INPUT_LIMITS.formDepth,
      strictDepth: true,
      arrayLimit: INPUT_LIMITS.formArray,
      parameterLimit: INPUT_LIMITS.formFields,
      throwOnLimitExceeded: true,
    });
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/depth/i.test(message)) throw new ApiError(400, `A form field name is nested too deeply: send at most ${INPUT_LIMITS.formDepth} levels, like attribute[code][].`);
    if (/array/i.test(message)) throw new ApiError(413, `A form field is repeated too often: send it at most ${INPUT_LIMITS.formArray} times.`);
    throw tooManyFields();
  }
}

// In a body value only NUL is refused: PostgreSQL cannot store it, while other control
// characters in free text are kept as sent and left out where a format forbids them (XML).
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
// In the path, the query string and any field name, every control character means something
// is wrong (tab and line breaks included).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const showChar = (text: string, pattern: RegExp) => `U+${text.match(pattern)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `attribute`, `depth` → `attribute[depth]`: the name as an Open311 form would spell it. */
const fieldName = (path: readonly string[]) => path[0] + path.slice(1).map((p) => `[${p}]`).join('');

/**
 * The first field (name or value) of `value` that holds a control character, as a message naming
 * it; null when there is none. Iterative: bodies are bounded, but no walk here should recurse.
 */
export function findControlCharacter(value: unknown, where: 'path' | 'query' | 'body'): string | null {
  const pattern = where === 'body' ? NUL : CONTROL;
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (pattern.test(item)) {
        const name = where === 'path' ? 'The address' : path.length ? fieldName(path) : 'The body';
        return `${name} must not contain control characters (it has ${showChar(item, pattern)}).`;
      }
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (CONTROL.test(key)) return `A field name must not contain control characters (${JSON.stringify(key)} has ${showChar(key, CONTROL)}).`;
        stack.push([child, [...path, key]]);
      }
    }
  }
  return null;
}

/** Fastify's errors from before routing (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH), in our shape. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendErrors(request, reply, 414, [{ code: 414, description: 'The address is too long: check the reference or code in it.' }]);
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendErrors(request, reply, 400, [{ code: 400, description: 'The address is not valid: a % in it must start an escape like %20.' }]);
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return sendErrors(request, reply, status, [{ code: status, description: 'The request could not be read.' }]);
}

/**
 * Node's own refusals, before fastify sees a request: headers (or the address) too large, a
 * request that is not HTTP, a client too slow. Answered on the socket as an error array.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, description] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The address or the headers are too long: send long values in the body.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive. Try again.']
        : [400, 'Bad Request', 'The request could not be read as HTTP.'];
  const body = JSON.stringify([{ code: status, description }]);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** The body parsers and the control-character check; registered once on the root instance. */
export const inputGuard = fp(
  async (app: FastifyInstance) => {
    const parseJson = app.getDefaultJsonParser('error', 'ignore');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      try {
        checkJsonShape(body as string);
      } catch (error) {
        done(error as Error, undefined);
        return;
      }
      parseJson(request, body as string, done);
    });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseForm(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    app.addHook('preValidation', async (request) => {
      const problem =
        findControlCharacter(request.params, 'path') ?? findControlCharacter(request.query, 'query') ?? findControlCharacter(request.body, 'body');
      if (problem) throw new ApiError(400, problem);
    });
  },
  { name: 'civic-input-guard', fastify: '5.x' },
);
