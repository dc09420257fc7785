/**
 * One small database interface that both PGlite (embedded PostgreSQL in WebAssembly) and
 * node-postgres satisfy, so every route and service runs the same SQL on either.
 */
export interface Db {
  /** Run one statement with `$1…` parameters. jsonb values must be passed JSON.stringify'd. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Run a script of one or more statements without parameters (migrations, TRUNCATE). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Which engine is behind the interface, for logs and tests. */
  readonly kind: 'pglite' | 'postgres';
}
