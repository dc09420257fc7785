import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A folder served as-is (the demo pages, the built widget bundles): `ServerOptions.staticDirs`. */
export interface StaticDir {
  prefix: string;
  root: string;
  /** Extra response headers for every file (the strict-CSP example's policy). */
  headers?: Record<string, string>;
  /** Paths of content-hashed files, served with a year's immutable Cache-Control. */
  immutable?: RegExp;
  /**
   * What the page at `path` (below `prefix`) will ask for first, from its address: URLs on this
   * server, fetched in CORS mode. Sent as `Link: <url>; rel=preload; as=fetch; crossorigin`, so
   * the browser fetches them alongside the page's scripts, as the `<link rel="preload">` line a
   * CMS writes into a page about one thing would (a demo page showing the consultation named in
   * its `?consultation=`).
   */
  preload?: (path: string, query: URLSearchParams) => string[];
}

/**
 * Serves the folders, each below its prefix. Only the demo and the tests serve folders, so
 * @fastify/static is loaded only when there is one.
 */
export async function serveStaticDirs(app: FastifyInstance, dirs: StaticDir[]): Promise<void> {
  if (!dirs.length) return;
  const fastifyStatic = (await import('@fastify/static')).default;
  for (const [i, dir] of dirs.entries()) {
    if (dir.preload) app.addHook('onRequest', preloadHeader(dir.prefix, dir.preload));
    const headers = Object.entries(dir.headers ?? {});
    const immutable = dir.immutable;
    await app.register(fastifyStatic, {
      root: dir.root,
      prefix: dir.prefix,
      decorateReply: i === 0,
      index: ['index.html'],
      // A content-hashed file never changes under its name: browsers keep it for a year
      // without asking again. Everything else is revalidated (ETag and Last-Modified).
      ...(headers.length || immutable
        ? {
            setHeaders: (reply: FastifyReply, path: string) => {
              headers.forEach(([name, value]) => reply.header(name, value));
              if (immutable?.test(path)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
            },
          }
        : {}),
    });
  }
}

/** Adds the Link header naming what a page of one folder will ask for first (`StaticDir.preload`). */
function preloadHeader(prefix: string, preload: NonNullable<StaticDir['preload']>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.url.startsWith(prefix)) return;
    const url = new URL(request.url, 'http://page');
    const urls = preload(url.pathname.slice(prefix.length), url.searchParams);
    if (urls.length) reply.header('Link', urls.map((u) => `<${u}>; rel=preload; as=fetch; crossorigin`).join(', '));
  };
}
