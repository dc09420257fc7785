// The plans behind server-scale.mjs's near-a-point routes: runs the exact SQL the server builds
// (requests/query.ts) under EXPLAIN (ANALYZE, BUFFERS) against a seeded database, a few points
// each, and prints the plan of the last (warm) one.
//   tsx bench/lib/explain-near.ts (--data-dir DIR | --database-url URL)
import type { ServerContext } from '../../packages/server/src/http/context.ts';
import { openDatabase } from '../../packages/server/src/index.ts';
import { searchRequests } from '../../packages/server/src/requests/query.ts';

const [flag, where] = process.argv.slice(2);
if (!flag || !where) {
  console.error('usage: tsx bench/lib/explain-near.ts (--data-dir DIR | --database-url URL)');
  process.exit(2);
}
const db = await openDatabase(flag === '--database-url' ? { databaseUrl: where } : { dataDir: where });
const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
const routes: [string, Record<string, string>][] = [
  ['report form: 100 m, open, 90 days', { radius: '100', service_code: 'potholes', status: 'open', start_date: since }],
  ['500 m, page of 10', { radius: '500', page_size: '10' }],
];
try {
  for (const [name, query] of routes) {
    let plan: string[] = [];
    // Capture the SQL and parameters searchRequests sends, and explain them instead.
    const explaining = {
      ...db,
      async query<T>(sql: string, params: unknown[] = []) {
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        plan = rows.map((r) => r['QUERY PLAN']);
        return { rows: [] as T[] };
      },
    };
    const ctx = { db: explaining, config: { services: [{ service_code: 'potholes' }] } } as unknown as ServerContext;
    for (let i = 0; i < 5; i++) {
      const point = { lat: (52.2 + Math.random() * 0.06).toFixed(5), long: (-1.6 + Math.random() * 0.2).toFixed(5) };
      await searchRequests(ctx, { ...point, ...query });
    }
    console.log(`\n== near a point (${name}) on ${db.kind}\n${plan.join('\n')}`);
  }
} finally {
  await db.close();
}
