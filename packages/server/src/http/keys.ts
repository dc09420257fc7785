import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { ServerContext } from './context.ts';
import { ApiError } from './errors.ts';
import { originMatcher } from './origins.ts';

/** Open311's api_key field, in a form or JSON body (GeoReport v2 puts it in the POST body). */
function bodyKeyOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' && typeof body.api_key === 'string' ? body.api_key : undefined;
}

/** The `api_key` field of a multipart body, when it came before the file (the fields read by then). */
export function multipartKeyOf(file: MultipartFile | undefined): string | undefined {
  const field = file?.fields.api_key;
  const part = Array.isArray(field) ? field[0] : field;
  return part?.type === 'field' && typeof part.value === 'string' ? part.value : undefined;
}

function queryKeyOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.api_key === 'string' ? query.api_key : undefined;
}

/** `Authorization: Bearer <key>`: the documented way to send a staff key (docs/integrators.md). */
function headerKeyOf(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The staff key's name, compared in constant time: every key is compared (as SHA-256 digests, so
 * lengths never differ) and none returns early, so response times do not tell an attacker how
 * much of a guess was right.
 */
export function staffKeyName(ctx: ServerContext, key: string): string | undefined {
  const given = digest(key);
  let found: string | undefined;
  for (const [candidate, name] of ctx.staffKeys) {
    if (timingSafeEqual(given, digest(candidate)) && found === undefined) found = name;
  }
  return found;
}

/**
 * Returns the staff key's name, or throws 403 with what to do. The key comes in the Authorization
 * header, or as Open311's api_key field in the body. Never in the URL: addresses are written to
 * access logs (the proxy's, the browser's history), so a staff key there is refused even when right.
 */
export function requireStaff(ctx: ServerContext, request: FastifyRequest): string {
  if (queryKeyOf(request) !== undefined) {
    throw new ApiError(403, 'Send the staff key in the Authorization header (Authorization: Bearer <key>), not in the address: addresses are written to logs.');
  }
  const key = headerKeyOf(request) ?? bodyKeyOf(request);
  if (!key) {
    throw new ApiError(
      403,
      request.method === 'GET' || request.method === 'HEAD'
        ? 'This needs a staff key. Send it in the Authorization header: Authorization: Bearer <key>.'
        : 'This needs a staff api_key. Send it as the api_key field.',
    );
  }
  const name = staffKeyName(ctx, key);
  if (!name) throw new ApiError(403, 'The api_key is not a valid staff key.');
  return name;
}

/**
 * Open311 asks for api_key on POST requests. A public key is tied to the origins of the site that
 * embeds it (a key in a web page is no secret); without a key, the config may accept posts from
 * allowed origins. A browser on a disallowed origin is refused even for form posts, which CORS
 * alone would not stop. `bodyKey` is the key sent in the body, for a body the framework does not
 * parse (a photo's multipart fields, read as the file arrives).
 */
export function checkPublicPost(ctx: ServerContext, request: FastifyRequest, bodyKey = bodyKeyOf(request)): { key: string | null; name: string } {
  const origin = request.headers.origin;
  const key = bodyKey ?? queryKeyOf(request);
  if (origin && !ctx.isAllowedOrigin(origin)) {
    throw new ApiError(403, `This server does not accept reports from ${origin}. Ask the council to add the site to its allowed origins.`);
  }
  if (key) {
    const staff = staffKeyName(ctx, key);
    if (staff && bodyKey === undefined) {
      throw new ApiError(403, 'Send the staff key in the body or the Authorization header, not in the address: addresses are written to logs.');
    }
    if (staff) return { key, name: staff };
    const found = ctx.config.keys.public.find((k) => k.key === key);
    if (!found) throw new ApiError(403, 'The api_key is not recognised. Check the key the council gave you for this site.');
    if (origin && found.origins && !originMatcher(found.origins)(origin)) {
      throw new ApiError(403, `The api_key for "${found.name}" cannot be used from ${origin}.`);
    }
    return { key, name: found.name };
  }
  if (!ctx.config.keys.allow_keyless_posts) {
    throw new ApiError(403, 'An api_key is required. Send the key the council gave you for this site as the api_key field.');
  }
  return { key: null, name: origin ?? 'keyless' };
}
