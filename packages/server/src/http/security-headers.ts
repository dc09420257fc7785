import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/*
 * Response headers through @fastify/helmet. On every response: nosniff, a Referer only to this
 * server itself (links in the pages carry report references and subscription tokens; not
 * `no-referrer`, under which a browser sends `Origin: null` with our own forms), X-Frame-Options, and
 * HSTS when the server is reached over https (PUBLIC_URL). No Content-Security-Policy by default:
 * the demo council pages served beside the API (examples/) bring their own, and a JSON answer is
 * never rendered. Every HTML page the server renders itself gets a strict one (pageHeaders).
 */

type Directives = Record<string, string[]>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own @fastify/helmet options (where the plugin reads them). */
    helmet?: { contentSecurityPolicy: { useDefaults: boolean; directives: Directives } };
  }
}

/** The pages' policy: no script at all, their one inline style block, forms to this server only, never framed. */
export const PAGE_CSP: Directives = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
};

export const securityHeaders = fp(
  async (app: FastifyInstance, { publicUrl }: { publicUrl: string }) => {
    await app.register(helmet, {
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      // A year, this host only: a council's other subdomains may not all be on https yet.
      strictTransportSecurity: publicUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      // The API answers other origins through CORS; photos say cross-origin themselves.
      crossOriginResourcePolicy: false,
    });
  },
  { name: 'civic-security-headers', fastify: '5.x' },
);

/**
 * Gives every route registered after this call in `app`'s plugin the pages' CSP (or `directives`).
 * Set on the route's config, where @fastify/helmet reads per-route options.
 */
export function pageHeaders(app: FastifyInstance, directives: Directives = PAGE_CSP) {
  const helmet = pageHelmet(directives);
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, helmet };
  });
}

/** One page route's helmet options: `{ config: { helmet: pageHelmet() } }`. */
export const pageHelmet = (directives: Directives = PAGE_CSP) => ({ contentSecurityPolicy: { useDefaults: false, directives } });
