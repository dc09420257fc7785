import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { createServer, demoConfigPath, openPglite, openPostgres, type CivicServer, type Db, type ServerOptions } from '../src/index.ts';

export type DbKind = 'pglite' | 'postgres';

/** The databases this run can use: PGlite always, PostgreSQL when the global setup started one. */
export function testDatabases(): DbKind[] {
  return inject('civicTestPgUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A migrated database for one test file: PGlite loaded from the template dump, or a fresh
 * PostgreSQL database copied from the migrated template database (dropped again by close()).
 */
export async function openTestDb(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    return openPglite({ loadDataDir: new Blob([readFileSync(inject('civicPgliteTemplate'))]) });
  }
  const { url, drop } = await createPgDatabase();
  const db = await openPostgres(url);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await drop();
    },
  });
}

/** A new PostgreSQL database copied from the migrated template; drop() removes it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('civicTestPgUrl');
  if (!adminUrl) throw new Error('No PostgreSQL for this run');
  const name = `civic_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.exec(`CREATE DATABASE ${name} TEMPLATE civic_template`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant can collide; try again.
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.close();
  }
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const cleanup = await openPostgres(adminUrl);
      await cleanup.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.close());
    },
  };
}

export const OPEN311_TABLES = ['service_request_updates', 'subscriptions', 'service_requests', 'media', 'dev_mailbox', 'rate_limits', 'mail_queue'];

/** Empties the Open311 tables and restarts the reference numbers at LDC-1001. */
export async function resetOpen311(db: Db) {
  await db.exec(`TRUNCATE ${OPEN311_TABLES.join(', ')} RESTART IDENTITY CASCADE; ALTER SEQUENCE service_request_numbers RESTART WITH 1001`);
}

export const STAFF_KEY = 'sk_larkmead_demo_staff_0001';
export const PUBLIC_KEY = 'pk_larkmead_demo_site';

/** Handy points from demo/geo/README.md as [lat, long]. */
export const POINTS = {
  highStreet: [52.228, -1.505],
  fenbury: [52.254, -1.572],
  westshire: [52.22, -1.7],
  eastmoor: [52.22, -1.3],
  farAway: [51.5, -0.12],
} as const;

/** The demo server (demo mode unless `demo: false`) on a free port over real HTTP, on the given database, without env overrides. */
export async function startServer(db: Db, options: ServerOptions = {}): Promise<CivicServer & { base: string }> {
  const server = await createServer({ port: 0, host: '127.0.0.1', db, quiet: true, env: {}, demo: true, ...options });
  const base = server.url.replace('localhost', '127.0.0.1');
  if (!options.publicUrl) server.ctx.publicUrl = base;
  return Object.assign(server, { base });
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** What useTestServer gives a describe block: filled in by its beforeAll, so read it inside tests and hooks. */
export interface TestServerHandle {
  readonly server: TestServer;
  readonly db: Db;
}

/**
 * A test database of `kind` with the demo server on it, for the describe block (or file) that
 * calls this: beforeAll opens both, afterAll closes the server and then the database. Pass the
 * options as a function when they are only known once earlier hooks have run.
 */
export function useTestServer(kind: DbKind, options: ServerOptions | (() => ServerOptions) = {}): TestServerHandle {
  let server: TestServer | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startServer(db, typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
  const notYet = () => new Error('useTestServer: the server starts in beforeAll; use it inside a test or a hook');
  return {
    get server() {
      if (!server) throw notYet();
      return server;
    },
    get db() {
      if (!db) throw notYet();
      return db;
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function call(base: string, method: string, path: string, init: { form?: Record<string, string | string[]> | string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    if (typeof init.form === 'string') body = init.form;
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params.toString();
    }
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Every email the server has sent, newest first, once everything queued has been handed over. */
export async function mailbox(server: CivicServer & { base: string }): Promise<{ to: string; from: string; subject: string; text: string }[]> {
  await server.ctx.queue.drain();
  const answer = await call(server.base, 'GET', '/dev/mailbox.json');
  return answer.body;
}

/**
 * Confirms email updates as the resident would: finds the confirm link in the newest email to
 * `to` that has one (the receipt, or a subscription's confirmation), and posts its token as the
 * link's page does. Email updates start only after this.
 */
export async function confirmEmailUpdates(server: CivicServer & { base: string }, to: string): Promise<void> {
  const mail = await mailbox(server);
  const message = mail.find((m) => m.to.toLowerCase().includes(to.toLowerCase()) && /\/subscriptions\/confirm\?token=/.test(m.text));
  const token = message && /\/subscriptions\/confirm\?token=([0-9a-f-]{36})/.exec(message.text)?.[1];
  if (!token) throw new Error(`No email to ${to} has a confirm link`);
  const answer = await call(server.base, 'POST', '/open311/v2/subscriptions/confirm', { form: { token } });
  if (answer.status !== 200) throw new Error(`Confirming updates for ${to} answered ${answer.status}`);
}

/** A valid pothole report at Larkmead High Street; override any field. */
export function pothole(extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    service_code: 'potholes',
    lat: String(POINTS.highStreet[0]),
    long: String(POINTS.highStreet[1]),
    'attribute[depth]': 'deep',
    'attribute[position]': 'carriageway',
    description: 'Deep hole outside the bakery',
    ...extra,
  };
}

/** The staff key of ownCouncilJson(). */
export const OWN_STAFF_KEY = 'sk_test_own_staff_9c41e2d8b7a6';

/**
 * The demo's council.json as a council adapts it for its own server (docs/security.md, step 1):
 * keys, allowed origins and page addresses of its own, since production mode refuses the demo's
 * (demo-leftovers.ts); file paths absolute, so it can be written to any folder.
 */
export function ownCouncilJson(): Record<string, any> {
  const council = JSON.parse(readFileSync(demoConfigPath, 'utf8')) as Record<string, any>;
  const at = (file: string) => join(dirname(demoConfigPath), file);
  const site = 'https://www.larkmead.example.gov.uk';
  return {
    ...council,
    keys: { allow_keyless_posts: true, public: [{ key: 'pk_test_own_site_7f3a', name: 'Council website', origins: [site] }], staff: [{ key: OWN_STAFF_KEY, name: 'Back office' }] },
    cors: { ...council.cors, origins: [site] },
    widgets: { ...council.widgets, tracker_url: `${site}/track-a-report?ref={id}` },
    consultations: { ...council.consultations, page_url: `${site}/have-your-say/{id}` },
    geo: { ...council.geo, boundary: at(council.geo.boundary), parishes: at(council.geo.parishes) },
    asset_layers: council.asset_layers.map((layer: { file?: string }) => (layer.file ? { ...layer, file: at(layer.file) } : layer)),
  };
}
