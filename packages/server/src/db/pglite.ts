import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import type { Db } from './db.ts';

export interface PgliteOptions {
  /** Directory the database persists to; omitted = in memory. */
  dataDir?: string;
  /** A tarball from `dumpDataDir()` to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** Wraps a PGlite instance in the {@link Db} interface. */
export function wrapPglite(pg: PGlite): Db & { pglite: PGlite } {
  return {
    kind: 'pglite',
    pglite: pg,
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pg.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<Db & { pglite: PGlite }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // The near-point index (migration 005) is a GiST index over `cube` values: every database
    // with it needs the extension's code loaded, including ones restored from a dump.
    extensions: { cube },
    // Match node-postgres (see postgres.ts): bigint counts and ids come back as numbers.
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  return wrapPglite(pg);
}
