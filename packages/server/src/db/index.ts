import { join } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { isEmptyDir, loadOrBuildTemplate } from './template.ts';

export type { Db } from './db.ts';
export { migrate, listMigrations } from './migrate.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { loadOrBuildTemplate, templatePath } from './template.ts';

/** Opens PostgreSQL when a URL is given, else PGlite persisted under `dataDir/pgdata`, and migrates. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) db = await openPostgres(options.databaseUrl);
  else {
    const dataDir = options.dataDir ? join(options.dataDir, 'pgdata') : undefined;
    const fresh = !dataDir || isEmptyDir(dataDir);
    const useTemplate = fresh && process.env.CIVIC_PGLITE_TEMPLATE_CACHE !== '0';
    const template = useTemplate ? await loadOrBuildTemplate().catch(() => undefined) : undefined;
    db = await openPglite({ dataDir, loadDataDir: template });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
