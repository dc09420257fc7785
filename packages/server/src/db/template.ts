import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listMigrations, migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';

function findPgliteVersion(): string {
  // The package's exports hide package.json: walk up from its entry point instead.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

const pgliteVersion = findPgliteVersion();

/** Names the migrated state: a new migration or PGlite version makes a new template. */
export function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(pgliteVersion);
  for (const m of listMigrations()) hash.update(m.name).update(m.sql);
  return hash.digest('hex').slice(0, 16);
}

export function templatePath(dir = tmpdir()): string {
  return join(dir, `civic-widgets-pglite-${pgliteVersion}-${templateKey()}.tar.gz`);
}

/**
 * Creating a PGlite database from nothing runs initdb in WebAssembly (~5 s); starting from a
 * dump of an already-migrated one takes ~1 s. The dump is kept in the OS temp folder, keyed by
 * the migrations, and made once per machine. Set CIVIC_PGLITE_TEMPLATE_CACHE=0 to skip it.
 */
export async function loadOrBuildTemplate(dir = tmpdir()): Promise<Blob> {
  const path = templatePath(dir);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const db = await openPglite();
  try {
    await migrate(db);
    const dump = await db.pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Write then rename, so a second process never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
    return new Blob([bytes]);
  } finally {
    await db.close();
  }
}

export function isEmptyDir(path: string): boolean {
  return !existsSync(path) || readdirSync(path).length === 0;
}
