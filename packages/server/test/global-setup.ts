import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadOrBuildTemplate, templatePath } from '../src/db/template.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL database whose server the tests may create databases on, or null. */
    civicTestPgUrl: string | null;
    /** A gzipped dump of a migrated PGlite database, loaded by each test file (~1 s). */
    civicPgliteTemplate: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/**
 * Starts a throwaway PostgreSQL cluster (Debian's postgresql package, when installed) with a
 * migrated template database, so the server suites also run against real PostgreSQL. As root,
 * the server runs as the `postgres` user, which PostgreSQL requires.
 */
async function startCluster(): Promise<{ url: string; stop(): void } | null> {
  const bin = findPgBin();
  if (!bin) return null;
  const isRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'civic-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    as('pg_ctl', [
      '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    console.warn(`[server tests] PostgreSQL cluster not started, running on PGlite only: ${e.stderr?.toString() || e.message}`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function createTemplateDatabase(url: string) {
  const admin = await openPostgres(url);
  try {
    await admin.exec('DROP DATABASE IF EXISTS civic_template');
    await admin.exec('CREATE DATABASE civic_template');
  } finally {
    await admin.close();
  }
  const template = await openPostgres(url.replace(/\/[^/]*$/, '/civic_template'));
  try {
    await migrate(template);
  } finally {
    await template.close();
  }
}

export default async function setup(project: TestProject) {
  // Both at once: PGlite's template is WebAssembly work, the cluster is a separate process.
  const [pgliteTemplate, cluster] = await Promise.all([
    loadOrBuildTemplate().then(() => templatePath()),
    process.env.CIVIC_TEST_PG_URL ? Promise.resolve(null) : startCluster(),
  ]);
  const pgUrl = process.env.CIVIC_TEST_PG_URL ?? cluster?.url ?? null;
  if (pgUrl) await createTemplateDatabase(pgUrl);
  if (pgUrl) process.env.CIVIC_TEST_PG_URL = pgUrl;
  project.provide('civicTestPgUrl', pgUrl);
  project.provide('civicPgliteTemplate', pgliteTemplate);
  return () => cluster?.stop();
}
