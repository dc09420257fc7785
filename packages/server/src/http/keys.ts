import type { FastifyRequest } from 'fastify';
import type { ServerContext } from './context.ts';
import { ApiError } from './errors.ts';
import { originMatcher } from './origins.ts';

function apiKeyOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' && typeof body.api_key === 'string' ? body.api_key : undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = typeof query?.api_key === 'string' ? query.api_key : undefined;
  return fromBody ?? fromQuery ?? undefined;
}

/** Returns the staff key's name, or throws 403 with what to do. */
export function requireStaff(ctx: ServerContext, request: FastifyRequest): string {
  const key = apiKeyOf(request);
  if (!key) throw new ApiError(403, 'This needs a staff api_key. Send it as the api_key field.');
  const name = ctx.staffKeys.get(key);
  if (!name) throw new ApiError(403, 'The api_key is not a valid staff key.');
  return name;
}

/**
 * Open311 asks for api_key on POST requests. A public key is tied to the origins of the site that
 * embeds it (a key in a web page is no secret); without a key, the config may accept posts from
 * allowed origins. A browser on a disallowed origin is refused even for form posts, which CORS
 * alone would not stop.
 */
export function checkPublicPost(ctx: ServerContext, request: FastifyRequest): { key: string | null; name: string } {
  const origin = request.headers.origin;
  const key = apiKeyOf(request);
  if (origin && !ctx.isAllowedOrigin(origin)) {
    throw new ApiError(403, `This server does not accept reports from ${origin}. Ask the council to add the site to its allowed origins.`);
  }
  if (key) {
    const staff = ctx.staffKeys.get(key);
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
