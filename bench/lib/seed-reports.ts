// Fills a database with `count` reports straight in SQL (no HTTP, no email), for the benches:
//   tsx bench/lib/seed-reports.ts <count> (--data-dir DIR | --database-url URL)
// Reports are spread evenly over the demo council (52.15–52.31 N, 1.66–1.34 W) and over the last
// two years, like a county's history: the default list (90 days) sees about an eighth of them.
// They are stored oldest first, as reports arrive (a server stores each when it is made), so the
// newest sit together at the table's end as they would; and the table is vacuumed, as
// autovacuum does to a stored history. Left to autovacuum, whether it had run yet when a bench
// started decided whether counts could read the index alone (6 buffers or 300 for the default
// list at 200,000 reports): the bench measured autovacuum's timing.
import { openDatabase } from '../../packages/server/src/index.ts';

const [countArg, flag, where] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || !flag || !where) {
  console.error('usage: tsx bench/lib/seed-reports.ts <count> (--data-dir DIR | --database-url URL)');
  process.exit(2);
}
const db = await openDatabase(flag === '--database-url' ? { databaseUrl: where } : { dataDir: where });
try {
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.exec(`INSERT INTO service_requests (id, service_request_id, token, service_code, service_name, agency_responsible, description, lat, long, requested_datetime, updated_datetime, attributes)
      SELECT 1000000 + g, 'LDC-B' || g, md5(g::text), 'potholes', 'Pothole', 'Larkmead District Council: Highways team', 'Bench report ' || g,
        52.15 + random() * 0.16, -1.66 + random() * 0.32, now() - interval '730 days' * ((${count} - g + random()) / ${count}), now(), '{"depth":"medium","position":"carriageway"}'::jsonb
      FROM generate_series(${from}, ${to}) AS g`);
  }
  await db.exec('VACUUM ANALYZE service_requests');
} finally {
  await db.close();
}
