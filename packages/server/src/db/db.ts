/**
 * One small database interface that both PGlite (embedded PostgreSQL in WebAssembly) and
 * node-postgres satisfy, so every route and service runs the same SQL on either.
 */
export interface QueryOptions {
  /** A name unique to this statement's text (node-postgres refuses one name for two texts). */
  name?: string;
}

export interface Db {
  /**
   * Run one statement with `$1…` parameters. jsonb values must be passed JSON.stringify'd.
   * `options.name` makes it a named prepared statement on PostgreSQL (parsed once per
   * connection, then only bound and run): for the few statements on a hot path, each with its
   * own fixed text. PGlite ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  /** Run a script of one or more statements without parameters (migrations, TRUNCATE). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Which engine is behind the interface, for logs and tests. */
  readonly kind: 'pglite' | 'postgres';
}
