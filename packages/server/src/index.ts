import type { AddressInfo } from 'node:net';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ConfigError, demoConfigPath, loadConfig, parseConfig, type CouncilConfig } from './config/index.ts';
import type { ServerContext } from './http/context.ts';
import { openDatabase, type Db } from './db/index.ts';
import { contextPlugin } from './http/context.ts';
import { ApiError, errorHandling } from './http/errors.ts';
import { originMatcher } from './http/origins.ts';
import { crossSiteGuard } from './http/cross-site.ts';
import { openApi } from './http/openapi.ts';
import { securityHeaders } from './http/security-headers.ts';
import { clientErrorHandler, frameworkErrors, inputGuard } from './http/input-guard.ts';
import { databaseRateLimitStore } from './http/rate-limit-store.ts';
import { checkTrustProxy, fastifyTrustProxy, parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { chooseMailer } from './mail/choose.ts';
import { createNoMailer, type Mailer } from './mail/mailer.ts';
import { handleReportMail } from './mail/notifications.ts';
import { MAIL_JOB, MailQueue } from './mail/queue.ts';
import { PhotoQueue, type PhotoLimits } from './requests/photo-queue.ts';
import type { MailMessage } from './mail/mailer.ts';
import { checkProduction, StartupError, type SignInSecrets } from './modes.ts';
import consultationRoutes from './consultations/routes.ts';
import devRoutes from './mail/routes.ts';
import geoRoutes from './geo/routes.ts';
import widgetConfigRoutes from './widget-config/routes.ts';
import casePages from './requests/cases.ts';
import open311Routes, { OPEN311_PREFIX } from './requests/routes.ts';
import rootRoutes from './http/root.ts';
import { serveStaticDirs, type StaticDir } from './http/static-dirs.ts';
import staffRoutes from './staff/routes.ts';
import { widgetFiles } from './staff/widget-files.ts';
import { loadDemoReports, seedDemoReports } from './requests/demo-reports.ts';
import { loadAreas } from './geo/areas-files.ts';
import { loadGeoData } from './geo/data.ts';

export type { ServerContext } from './http/context.ts';
export type { Db } from './db/index.ts';
export { openDatabase, openPglite, openPostgres, migrate, listMigrations } from './db/index.ts';
export { loadConfig, parseConfig, ConfigError, demoConfigPath, type CouncilConfig } from './config/index.ts';
export { ApiError, badRequest, codedError, notFound, type ApiErrorEntry, type Open311Error } from './http/errors.ts';
export { DEMO_WARNING, StartupError } from './modes.ts';
export { demoReportsPath, DemoReportsError, type DemoReport, type DemoReportUpdate, type DemoReportsFile } from './requests/demo-reports.ts';

export interface ServerOptions {
  /**
   * The demo council (`civic-server --demo`, `pnpm start`, the tests): the demo config unless one is
   * given, the dev mailbox when there is no smtpUrl, and a back office at /staff without sign-in.
   * Without it, a config is required, email goes over smtpUrl (or `email: false`), /dev does not
   * exist and /staff needs the config's staff_sign_in.
   */
  demo?: boolean;
  /** false (`--no-email`): send no email at all, outside demo mode, for a council that only uses the Open311 feed. */
  email?: boolean;
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default "localhost" (IPv4 and IPv6 loopback). */
  host?: string;
  /** Council config file; required outside demo mode (the demo council when omitted in demo mode). */
  configPath?: string;
  /** A config object instead of a file (tests); relative geo paths resolve against the cwd. */
  config?: CouncilConfig | Record<string, unknown>;
  /** Where the embedded database persists. Default ./.civic-data. Ignored with databaseUrl or db. */
  dataDir?: string;
  /** PostgreSQL connection string; PGlite when omitted. */
  databaseUrl?: string;
  /** An open, migrated database to use (tests share one per file); it is not closed by close(). */
  db?: Db;
  /** SMTP server for outgoing mail (smtp://…); required outside demo mode unless `email: false`; the dev mailbox in demo mode. */
  smtpUrl?: string;
  /** Base URL residents reach the server at; required outside demo mode (else PUBLIC_URL or the config's public_url); http://localhost:<port> in demo mode. */
  publicUrl?: string;
  /**
   * Extra folders served as-is (the demo pages, built widget bundles), with extra response headers
   * if given. Files whose path matches `immutable` (content-hashed names) are cached for a year;
   * `preload` names what a page will ask for first (http/static-dirs.ts).
   */
  staticDirs?: StaticDir[];
  /**
   * A folder of the CDN build (dist/cdn, or the @civic-widgets/cdn package), served at
   * /staff/widgets/ for the back office's consultation preview. Default: CIVIC_WIDGETS_DIR, else
   * @civic-widgets/cdn installed beside the server, else the demo's /cdn/ when it serves one.
   */
  widgetsDir?: string;
  /**
   * Whether this process sends the queued mail (default true). Every process may: workers share
   * the queue safely. false leaves it to other processes (or a later start) — nothing is lost.
   */
  mailWorker?: boolean;
  /** Photos processed at once and waiting in this process (default 2 and 8); more get a 503. */
  photoLimits?: PhotoLimits;
  /** No request logging. */
  quiet?: boolean;
  /** Where log lines go (JSON, one per line) instead of stdout; tests read them to check what is logged. */
  logStream?: { write(line: string): void };
  /**
   * Behind a load balancer: how many proxies are in front (1 for one), or their addresses and
   * CIDR ranges, so rate limits count the real client. Default: TRUST_PROXY from `env`, else
   * none. Never "believe any X-Forwarded-For" (docs/server.md#behind-a-proxy).
   */
  trustProxy?: TrustProxy;
  /** Environment to read CIVIC_* overrides from. Default process.env. */
  env?: Record<string, string | undefined>;
  /**
   * Sample reports to create when the database has no reports yet (a JSON file like
   * `demo/reports.json`, exported as `demoReportsPath`): `pnpm start` uses it so the case tracker
   * and /staff have something to show. They go through the server's own services (references
   * in file order, routing, statuses), send no email, and are dated back from now; a second
   * start on the same database adds nothing. A broken file stops the start with a
   * DemoReportsError naming each report and field. Tests and the e2e server leave it out.
   */
  demoReports?: string;
}

export interface CivicServer {
  app: FastifyInstance;
  ctx: ServerContext;
  /** Where it listens, e.g. http://localhost:8787 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

function resolveConfig(options: ServerOptions): CouncilConfig {
  if (options.config) {
    return 'source' in options.config ? (options.config as CouncilConfig) : parseConfig(options.config);
  }
  if (!options.configPath && !options.demo) {
    throw new ConfigError('(none given)', ['--config is required: the council\'s council.json (docs/server.md). To try the demo council instead, run civic-server --demo']);
  }
  return loadConfig(options.configPath ?? demoConfigPath);
}

function envNumber(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0, not "${raw}"`);
  return value;
}

/**
 * Errors as logged: name, codes, message and stack only, with email addresses blanked. Database
 * errors carry the row's values in `detail` ("Key (email)=(ada@example.org)") and SMTP refusals
 * quote the recipient ("550 <ada@example.org>: mailbox full"): no resident's address in the logs.
 */
const redactAddresses = (text: string | undefined) => (text ?? '').replace(/[^\s<>"'(),;:=]+@[^\s<>"'(),;:]+/g, '[address]');
function safeErr(error: Error & { code?: unknown; statusCode?: unknown; responseCode?: unknown; command?: unknown }) {
  return {
    type: error.name,
    code: error.code,
    statusCode: error.statusCode,
    responseCode: error.responseCode,
    command: error.command,
    message: redactAddresses(error.message),
    stack: redactAddresses(error.stack),
  };
}

/** Builds, starts and returns the reference server. */
export async function createServer(options: ServerOptions = {}): Promise<CivicServer> {
  const env = options.env ?? process.env;
  const demo = options.demo ?? false;
  const config = resolveConfig(options);
  const publicUrl = (options.publicUrl ?? env.PUBLIC_URL ?? config.public_url ?? '').replace(/\/$/, '');
  const emailOn = options.email ?? true;
  if (demo && !emailOn) throw new StartupError(['--no-email is for a council\'s own server; the demo catches its email in the dev mailbox']);
  if (!demo && options.demoReports) throw new StartupError(['sample reports (--demo-reports) are for the demo only: add --demo']);
  const signInSecrets: SignInSecrets | null = demo ? null : checkProduction(config, { publicUrl, smtpUrl: options.smtpUrl, email: emailOn, env });
  const areas = loadAreas(config);
  // The demo serves the CDN build at /cdn/ already: the preview uses that, not a second copy.
  const demoCdn = options.staticDirs?.some((d) => d.prefix === '/cdn/') ?? false;
  const widgets = demoCdn ? null : widgetFiles(options.widgetsDir ?? env.CIVIC_WIDGETS_DIR);
  const staffKeys = new Map(config.keys.staff.map((k) => [k.key, k.name]));
  if (env.CIVIC_STAFF_API_KEY) staffKeys.set(env.CIVIC_STAFF_API_KEY, 'CIVIC_STAFF_API_KEY');
  const postLimit = {
    max: envNumber(env, 'CIVIC_RATE_LIMIT_POST_MAX') ?? config.rate_limits.post.max,
    windowMs: envNumber(env, 'CIVIC_RATE_LIMIT_POST_WINDOW_MS') ?? config.rate_limits.post.window_ms,
  };

  const trustProxy = options.trustProxy !== undefined ? checkTrustProxy(options.trustProxy) : parseTrustProxy(env.TRUST_PROXY);

  // A broken sample reports file stops the start before a database is opened (a cold PGlite
  // takes seconds); seeding below reads it again, as it does on every start.
  if (options.demoReports) loadDemoReports({ config, areas }, options.demoReports);

  const ownsDb = !options.db;
  const db = options.db ?? (await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? '.civic-data' }));
  const app = Fastify({
    logger: options.quiet ? false : { level: 'warn', serializers: { err: safeErr }, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: fastifyTrustProxy(trustProxy),
    // Browsers send "Origin" and keep-alive; a closing server should not wait on idle sockets.
    forceCloseConnections: true,
    // Fastify's and Node's refusals before routing answer as error arrays too.
    frameworkErrors,
    clientErrorHandler,
  });
  let mailer: Mailer | undefined;
  // --no-email: a muted queue keeps nothing, so no report queues mail nobody will send.
  const queue = emailOn ? new MailQueue(db, app.log) : new MailQueue(db, app.log).muted();
  try {
    mailer = emailOn ? await chooseMailer(db, config.council.mail_from, options.smtpUrl, env) : createNoMailer();
    const isAllowedOrigin = originMatcher(config.cors.origins);
    const ctx: ServerContext = {
      demo,
      db,
      config,
      mailer,
      queue,
      photos: new PhotoQueue(options.photoLimits),
      areas,
      geo: loadGeoData(config),
      staffKeys,
      isAllowedOrigin,
      publicUrl,
      widgetScripts: widgets ? widgets.prefix.replace(/\/$/, '') : demoCdn ? '/cdn' : null,
    };
    const sender = mailer;
    queue.handle(MAIL_JOB, (job) => sender.deliver(job.payload as unknown as MailMessage));
    handleReportMail(ctx, queue);
    // Before listening, so no resident's report can take a reference in between.
    if (options.demoReports) await seedDemoReports(ctx, options.demoReports);

    await app.register(contextPlugin, { ctx });
    await app.register(securityHeaders, { publicUrl: ctx.publicUrl });
    // Brotli or gzip for every answer over 1 kB that is text (JSON, JavaScript, GeoJSON, HTML,
    // the map worker), static files included. Brotli at quality 4 compresses about as well as
    // gzip -9 at a fraction of quality 11's CPU, which matters for answers made per request.
    await app.register(compress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
      zlibOptions: { level: 6 },
    });
    await app.register(errorHandling);
    await app.register(openApi);
    await app.register(cors, {
      origin: (origin, callback) => callback(null, !origin || isAllowedOrigin(origin)),
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Content-Type', 'Idempotency-Key', 'Accept', 'Accept-Language', 'Authorization'],
      maxAge: 600,
    });
    await app.register(rateLimit, {
      global: true,
      max: postLimit.max,
      timeWindow: postLimit.windowMs,
      // Reads are cheap and cached by browsers; writes are what a flood would hurt.
      allowList: (request) => request.method !== 'POST',
      store: databaseRateLimitStore(db),
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, `Too many requests from your connection. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`),
    });
    // Every POST, PUT, PATCH and DELETE: from this server's pages, an allowed council site, or a
    // non-browser client; never a browser on another site (http/cross-site.ts).
    await app.register(crossSiteGuard, { isAllowedOrigin });
    // JSON and form bodies (Open311's attribute[code][]=a, nested by qs), bounded as they are
    // parsed; control characters refused before any handler.
    await app.register(inputGuard);
    await app.register(multipart, {
      limits: { fileSize: config.media.max_bytes, files: 1, fields: 20, fieldSize: 100_000 },
    });
    // Only the demo and the tests serve folders (static-dirs.ts), and the widgets' files for the
    // consultation preview where the server has them (staff/widget-files.ts).
    await serveStaticDirs(app, [...(options.staticDirs ?? []), ...(widgets ? [widgets] : [])]);

    // One plugin per domain, each with its prefix; each reads the context as app.civic.
    await app.register(rootRoutes, { siteRoot: options.staticDirs?.find((d) => d.prefix === '/')?.root });
    await app.register(open311Routes, { prefix: OPEN311_PREFIX });
    await app.register(casePages, { prefix: '/cases' });
    await app.register(geoRoutes);
    await app.register(widgetConfigRoutes);
    await app.register(consultationRoutes, { prefix: '/api/consultations' });
    // The dev mailbox shows every email: demo mode only.
    if (demo && mailer.kind === 'dev-mailbox') await app.register(devRoutes, { prefix: '/dev' });
    // The back office: without sign-in in demo mode only; otherwise behind the council's identity provider, or absent.
    if (demo) await app.register(staffRoutes, { prefix: '/staff' });
    else if (config.staff_sign_in && signInSecrets) {
      await app.register(staffRoutes, { prefix: '/staff', signIn: { settings: config.staff_sign_in, ...signInSecrets } });
    }

    await app.listen({ port: options.port ?? 8787, host: options.host ?? 'localhost' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    if (!ctx.publicUrl) ctx.publicUrl = url;
    // Mail queued by a process that died is sent a second from now (after the first answers),
    // what is queued from now on at once.
    if (options.mailWorker !== false) queue.start(1000);
    return {
      app,
      ctx,
      url,
      async close() {
        await app.close();
        await queue.stop();
        await mailer?.close();
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    await queue.stop();
    await app.close().catch(() => undefined);
    await mailer?.close().catch(() => undefined);
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
}

