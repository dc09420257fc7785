import { HttpResponse } from 'msw';
import { ApiError } from '../../packages/server/src/http/api-error.ts';
import type { Body } from '../../packages/server/src/requests/validate.ts';

/** What every part of the mock backend needs: where it answers and what time it is. */
export interface MockContext {
  /** Absolute URL the backend answers at, without a trailing slash. */
  base: string;
  now: () => Date;
}

export const DAY = 86_400_000;

/** Open311's error array from an ApiError, as the server's error handler sends it. */
export function open311Error(error: unknown) {
  if (error instanceof ApiError) return HttpResponse.json(error.errors, { status: error.statusCode });
  throw error;
}

/** The consultation API's and the gazetteer's error array: string codes. */
export const codedError = (status: number, code: string, description: string) => HttpResponse.json([{ code, description }], { status });

/**
 * `attribute[depth]=deep&attribute[kinds][]=a`, nested the way the server's qs parser does; a
 * key sent more than once (`media_url` for each photo, as FixMyStreet sends them) or with `[]`
 * becomes a list, as qs makes it.
 */
export function formBody(params: URLSearchParams): Body {
  const body: Record<string, unknown> = {};
  for (const [key, value] of params) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m) {
      const name = key.endsWith('[]') ? key.slice(0, -2) : key;
      const before = body[name];
      if (before === undefined) body[name] = key.endsWith('[]') ? [value] : value;
      else body[name] = [...(Array.isArray(before) ? before : [before]), value];
      continue;
    }
    const attributes = (body.attribute ??= {}) as Record<string, string | string[]>;
    const code = m[1]!;
    if (m[2]) attributes[code] = [...((attributes[code] as string[] | undefined) ?? []), value];
    else attributes[code] = value;
  }
  return body;
}

/** A POST body, form-encoded (Open311) or JSON. */
export async function requestBody(request: Request): Promise<Body> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await request.json()) as Body;
  return formBody(new URLSearchParams(await request.text()));
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Resume codes and references in the server's alphabet (no 0/O, 1/I/L or U). */
export const randomCode = (length: number) =>
  Array.from(crypto.getRandomValues(new Uint32Array(length)), (n) => CODE_ALPHABET[n % CODE_ALPHABET.length]).join('');
