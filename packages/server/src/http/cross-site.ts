import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from './api-error.ts';

/*
 * Every state-changing request (POST, PUT, PATCH, DELETE) is checked for where it comes from
 * before its body is read. Three kinds of caller are told apart:
 * - a browser on a council site that embeds a widget: it sends `Origin`, which must be this
 *   server's own origin or on the config's allowed list (cors.origins);
 * - a non-browser Open311 client (a CRM, curl): no `Origin`, no `Sec-Fetch-Site`; let through,
 *   the route's own key check decides;
 * - a browser on any other site (a form post or fetch aimed at this server): refused, whether it
 *   says so in `Origin` or only in `Sec-Fetch-Site: cross-site`.
 * A route chooses a stricter rule in its config (`config: { crossSite: … }`):
 * - `same-origin`: a browser only from this server's own pages (the forms on /staff and the
 *   subscription pages), never from an allowed council site.
 * - `jsonOnly: true`: the body must be JSON, which no plain HTML form can send and which makes a
 *   browser ask (CORS preflight) before it posts from another origin.
 * Staff forms add their own CSRF token on top (a session cookie is what a forged post would use).
 */

export type CrossSitePolicy = 'allowed-origins' | 'same-origin';

export interface CrossSiteRouteConfig {
  /** Who may send this state-changing request; default `allowed-origins`. */
  crossSite?: CrossSitePolicy;
  /** Refuse any body that is not application/json (415). */
  jsonOnly?: boolean;
  /** What the refusal calls the request ("reports"); default "requests". */
  crossSiteNoun?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig extends CrossSiteRouteConfig {}
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** This server's origin as the request reached it (Host, or X-Forwarded-* from a trusted proxy). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`.toLowerCase();
}

/** Whether `origin` is this server itself: the origin the request reached, or PUBLIC_URL's. */
function isOwn(request: FastifyRequest, origin: string): boolean {
  const lower = origin.toLowerCase();
  if (lower === ownOrigin(request)) return true;
  const publicUrl = request.server.civic?.publicUrl;
  try {
    return !!publicUrl && new URL(publicUrl).origin.toLowerCase() === lower;
  } catch {
    return false;
  }
}

/** Why this request may not change anything from where it came; null when it may. */
export function crossSiteProblem(request: FastifyRequest, policy: CrossSitePolicy, isAllowedOrigin: (origin: string) => boolean, noun = 'requests'): string | null {
  const site = request.headers['sec-fetch-site'];
  // A page whose Referrer-Policy is no-referrer posts its forms with `Origin: null`; the
  // browser's own Sec-Fetch-Site (no page can set it) still says it came from this site.
  const origin = request.headers.origin === 'null' && site === 'same-origin' ? undefined : request.headers.origin;
  if (origin !== undefined && policy === 'same-origin') {
    return isOwn(request, origin) ? null : `This form can only be sent from this site's own pages, not from ${origin}.`;
  }
  if (origin !== undefined) {
    if (isOwn(request, origin) || isAllowedOrigin(origin)) return null;
    return `This server does not accept ${noun} from ${origin}. Ask the council to add the site to its allowed origins.`;
  }
  // No Origin: a non-browser client (a CRM, a mail provider's one-click unsubscribe), unless a
  // browser's fetch metadata says another site sent it. Where a browser session could be
  // borrowed (staff pages), the form's CSRF token is what stops a request with neither header.
  if (site === 'cross-site' || site === 'same-site') {
    return policy === 'same-origin' ? "This form can only be sent from this site's own pages." : `This server does not accept ${noun} sent from another site.`;
  }
  return null;
}

/** The hook: `app.register(crossSiteGuard, { isAllowedOrigin })` on the root instance. */
export const crossSiteGuard = fp(
  async (app: FastifyInstance, { isAllowedOrigin }: { isAllowedOrigin: (origin: string) => boolean }) => {
    app.addHook('onRequest', async (request) => {
      if (SAFE.has(request.method)) return;
      const config = request.routeOptions.config as CrossSiteRouteConfig;
      const problem = crossSiteProblem(request, config.crossSite ?? 'allowed-origins', isAllowedOrigin, config.crossSiteNoun);
      if (problem) throw new ApiError(403, problem);
      const type = request.headers['content-type'];
      if (config.jsonOnly && type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
        throw new ApiError(415, 'Send the body as JSON (Content-Type: application/json).');
      }
    });
  },
  { name: 'civic-cross-site', fastify: '5.x' },
);
