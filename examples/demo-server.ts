// What `pnpm start` and the end-to-end tests serve, defined once so the tests run the demo as
// people see it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StaticDir } from '../packages/server/src/http/static-dirs.ts';

/**
 * The strict Content-Security-Policy the strict-csp example is served with: no inline script or
 * style, no eval. The basemap and its tiles come from the reference server itself ('self').
 * Lit's constructable stylesheets are allowed by style-src 'self'. The widgets come from this same
 * origin, so MapLibre starts its worker from the worker file itself and worker-src 'self' is
 * enough; from a CDN on another origin it starts through a blob: URL that imports that file, and
 * the page then needs worker-src 'self' blob: <the CDN> (docs/webmasters.md, section 6).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The demo's consultation page (and its Welsh twin) shows the consultation named in its address,
 * `?consultation=…`, as the hub links to it. A council's CMS would have a page per consultation
 * with a `<link rel="preload">` line for its document (docs/webmasters.md); this one page for all
 * gets the same from the server, as a Link header, so the document comes with the widget's files
 * instead of a round trip after them (issue #18).
 */
function consultationPreload(path: string, query: URLSearchParams): string[] {
  const id = query.get('consultation')?.trim();
  return id && /^(consultation|cy\/ymgynghoriad)\.html$/.test(path) ? [`/api/consultations/${encodeURIComponent(id)}`] : [];
}

/** Folders the demo serves, for createServer({ staticDirs }). */
export function demoStaticDirs(root: string): StaticDir[] {
  // Empty until the framework example is built; made here so the server does not warn (in raw
  // JSON) at every start that the folder it serves does not exist.
  mkdirSync(join(root, 'examples/framework/dist'), { recursive: true });
  return [
    // chunks/ and assets/ have content-hashed names (vite.config.ts): cached for a year.
    { prefix: '/cdn/', root: join(root, 'dist/cdn'), immutable: /[\\/](chunks|assets)[\\/]/ },
    { prefix: '/', root: join(root, 'examples/council-site'), preload: consultationPreload },
    { prefix: '/examples/strict-csp/', root: join(root, 'examples/strict-csp'), headers: { 'Content-Security-Policy': STRICT_CSP } },
    { prefix: '/examples/hostile-cms/', root: join(root, 'examples/hostile-cms') },
    // The plain HTML form bench/page-cost.mjs measures the widgets' first question against.
    { prefix: '/examples/plain-form/', root: join(root, 'examples/plain-form') },
    // Built by `pnpm --filter @civic-widgets/example-framework build` (the e2e test builds it).
    { prefix: '/examples/framework/', root: join(root, 'examples/framework/dist') },
    { prefix: '/examples/vendor/jquery/', root: join(root, 'examples/hostile-cms/node_modules/jquery/dist') },
  ];
}
