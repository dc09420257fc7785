import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

/**
 * Migrations are `NNN_name.sql` files applied in numeric order, each once, recorded in
 * `schema_migrations`. 001–099 belong to Open311, 100–199 to consultations, 200–299 to staff, 300+ to mail.
 */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b))
    .map((file) => ({
      version: file.slice(0, 3),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(`${dir}/${file}`, 'utf8'),
    }));
}

async function appliedVersions(db: Db): Promise<Set<string>> {
  const { rows } = await db.query<{ version: string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/**
 * Applies pending migrations. Each migration and its bookkeeping row go to the server as one
 * simple-protocol script, which PostgreSQL runs as a single transaction: a failing migration
 * leaves nothing behind. A transaction-scoped advisory lock plus the primary key on
 * `schema_migrations` mean two processes starting together on one PostgreSQL cannot both apply it.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  const applied: string[] = [];
  // A restart finds every migration applied: one read, and no DDL at all.
  let done = await appliedVersions(db).catch(() => null);
  if (done && migrations.every((m) => done!.has(m.version))) return applied;
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  done = await appliedVersions(db);
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    const name = migration.name.replace(/'/g, "''");
    try {
      await db.exec(
        `SELECT pg_advisory_xact_lock(31100311);\n${migration.sql}\n;\nINSERT INTO schema_migrations (version, name) VALUES ('${migration.version}', '${name}');`,
      );
      applied.push(migration.name);
    } catch (error) {
      // Another process may have applied it while we waited for the lock.
      done = await appliedVersions(db);
      if (done.has(migration.version)) continue;
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
  }
  return applied;
}
