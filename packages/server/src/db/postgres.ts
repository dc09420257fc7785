import type pg from 'pg';
import type { Db, QueryOptions } from './db.ts';

/**
 * A node-postgres pool behind the {@link Db} interface (used when DATABASE_URL is set). `pg` is
 * loaded here, not at start-up: a server on the embedded database never needs it.
 */
export async function openPostgres(connectionString: string): Promise<Db & { pool: pg.Pool }> {
  const { default: pg } = await import('pg');
  // node-postgres returns int8 (bigserial ids, count(*)) as strings; ours never exceed 2^53.
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up, with the reason, rather than on the first request.
  const client = await pool.connect().catch((error: Error) => {
    throw new Error(`Could not connect to PostgreSQL at DATABASE_URL: ${error.message}`);
  });
  client.release();
  return {
    kind: 'postgres',
    pool,
    async query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}) {
      const result = await (options.name ? pool.query({ name: options.name, text: sql, values: params }) : pool.query(sql, params));
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
