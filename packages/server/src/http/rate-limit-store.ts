import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/index.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store in the database, so several server processes behind a load
 * balancer count one client's POSTs together (the plugin's own store is per process). One
 * upsert per counted request; a fixed window per key.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let calls = 0;
  return class DatabaseStore implements FastifyRateLimitStore {
    private readonly options: { timeWindow?: number | string; keyPrefix?: string };
    constructor(options: object = {}) {
      this.options = options as { timeWindow?: number | string; keyPrefix?: string };
    }

    incr(key: string, callback: Callback, timeWindow?: number) {
      const windowMs = Number(timeWindow ?? this.options.timeWindow ?? 60_000);
      const fullKey = `${this.options.keyPrefix ?? ''}${key}`;
      db.query<{ count: number; ttl: number }>(
        `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, now() + $2::float8 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
         RETURNING count, (extract(epoch FROM reset_at - now()) * 1000)::float8 AS ttl`,
        [fullKey, windowMs],
        { name: 'rate-limit-count' },
      ).then(
        ({ rows }) => {
          callback(null, { current: rows[0]!.count, ttl: Math.max(0, Math.round(rows[0]!.ttl)) });
          // Now and then, forget windows that ended long ago.
          if (++calls % 500 === 0) db.query("DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'").catch(() => undefined);
        },
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      // A route with its own limit (config.rateLimit) counts apart from the global POST budget.
      // The plugin passes the route as `routeInfo` beside the merged limit options.
      const route = ((routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? routeOptions) as {
        method?: string | string[];
        url?: string;
      };
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseStore({ ...this.options, timeWindow: (routeOptions as { timeWindow?: number }).timeWindow, keyPrefix: `${method} ${route.url ?? ''} ` });
    }
  };
}
