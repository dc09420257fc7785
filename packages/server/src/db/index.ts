import { join } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type { Db } from './db.ts';
export { migrate, listMigrations } from './migrate.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';

/** Opens PostgreSQL when a URL is given, else PGlite persisted under `dataDir/pgdata`, and migrates. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite({ dataDir: options.dataDir ? join(options.dataDir, 'pgdata') : undefined });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
