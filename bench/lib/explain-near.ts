// The plans behind server-scale.mjs's list and near-a-point routes: runs the exact SQL the server
// builds (requests/query.ts) under EXPLAIN (ANALYZE, BUFFERS) against a seeded database, 20
// random points each (as the bench asks), and prints the buffers the query touched, split into
// the page and its capped X-Total-Count (mean of the last 16, warm), and for the last one the
// rows each table or index scan read.
//   tsx bench/lib/explain-near.ts (--data-dir DIR | --database-url URL) [--plans]
// --plans prints the full plans as well.
import type { ServerContext } from '../../packages/server/src/http/context.ts';
import { openDatabase } from '../../packages/server/src/index.ts';
import { searchRequests } from '../../packages/server/src/requests/query.ts';

const [flag, where, ...rest] = process.argv.slice(2);
if (!flag || !where) {
  console.error('usage: tsx bench/lib/explain-near.ts (--data-dir DIR | --database-url URL) [--plans]');
  process.exit(2);
}
const showPlans = rest.includes('--plans');
const db = await openDatabase(flag === '--database-url' ? { databaseUrl: where } : { dataDir: where });
const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
const routes: [string, Record<string, string>, boolean][] = [
  ['GET requests.json (default page)', {}, false],
  ['near a point (report form: 100 m, open, 90 days)', { radius: '100', service_code: 'potholes', status: 'open', start_date: since }, true],
  ['near a point (500 m, page of 10)', { radius: '500', page_size: '10' }, true],
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Heap Fetches'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

const buffers = (n: PlanNode) => (n['Shared Hit Blocks'] ?? 0) + (n['Shared Read Blocks'] ?? 0);
const executed = (n: PlanNode) => (n['Actual Loops'] ?? 0) > 0;

/** The table and index scans under `node`: what each read (rows kept plus rows filtered out). */
function scans(node: PlanNode, skip?: PlanNode, out: string[] = []): string[] {
  if (node === skip) return out;
  if (node['Relation Name'] || node['Index Name']) {
    const read = (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    const how = node['Index Name'] ? `${node['Node Type']} on ${node['Index Name']}` : `${node['Node Type']} on ${node['Relation Name']}`;
    const fetches = node['Heap Fetches'] === undefined ? '' : `, heap fetches ${node['Heap Fetches']}`;
    out.push(executed(node) ? `${how}: ${read} rows${fetches}` : `${how}: never executed`);
  }
  // Bitmap heap scans list their bitmap index scan as a child: both are shown.
  for (const child of node.Plans ?? []) scans(child, skip, out);
  return out;
}

/** Rows the table scans under `node` read (an index-only scan's are index entries). */
function rowsRead(node: PlanNode | undefined): number {
  if (!node || !executed(node)) return 0;
  const own = node['Relation Name'] ? (node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

/** The count is the InitPlan that reads service_requests (the other counts the page's rows). */
function countPlan(root: PlanNode): PlanNode | undefined {
  const reads = (n: PlanNode): boolean => n['Relation Name'] === 'service_requests' || (n.Plans ?? []).some(reads);
  return (root.Plans ?? []).find((p) => p['Subplan Name']?.startsWith('InitPlan') && reads(p));
}

try {
  for (const [name, query, near] of routes) {
    let plan: { Plan: PlanNode; 'Execution Time': number } | undefined;
    let text: string[] = [];
    const seen: { page: number; count: number; pageRows: number; countRows: number; counted: boolean; ms: number }[] = [];
    // Capture the SQL and parameters searchRequests sends, and explain them instead.
    const explaining = {
      ...db,
      async query<T>(sql: string, params: unknown[] = []) {
        const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
        const json = rows[0]!['QUERY PLAN'];
        plan = (typeof json === 'string' ? JSON.parse(json) : json)[0];
        const root = plan!.Plan;
        const count = countPlan(root);
        const counted = !!count && executed(count);
        const countRows = counted ? rowsRead(count) : 0;
        seen.push({
          page: buffers(root) - (counted ? buffers(count!) : 0),
          count: counted ? buffers(count!) : 0,
          pageRows: rowsRead(root) - countRows,
          countRows,
          counted,
          ms: plan!['Execution Time'],
        });
        if (showPlans) {
          const textRows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
          text = textRows.rows.map((r) => r['QUERY PLAN']);
        }
        return { rows: [] as T[] };
      },
    };
    const ctx = { db: explaining, config: { services: [{ service_code: 'potholes' }] } } as unknown as ServerContext;
    for (let i = 0; i < 20; i++) {
      const point = { lat: (52.2 + Math.random() * 0.06).toFixed(5), long: (-1.6 + Math.random() * 0.2).toFixed(5) };
      await searchRequests(ctx, near ? { ...point, ...query } : query);
    }
    if (!plan) continue;
    const root = plan.Plan;
    const count = countPlan(root);
    const warm = seen.slice(4);
    const mean = (f: (r: (typeof warm)[number]) => number) => (warm.reduce((sum, r) => sum + f(r), 0) / warm.length).toFixed(1);
    console.log(
      `\n== ${name} on ${db.kind}, mean of ${warm.length}: ` +
        `rows read ${mean((r) => r.pageRows)} + ${mean((r) => r.countRows)}, buffers ${mean((r) => r.page)} + ${mean((r) => r.count)} (page + count; ` +
        `count run ${warm.filter((r) => r.counted).length} times), ${mean((r) => r.ms)} ms under EXPLAIN ANALYZE`,
    );
    console.log('  the last one:');
    for (const line of scans(root, count)) console.log(`  page:  ${line}`);
    for (const line of count ? scans(count) : []) console.log(`  count: ${line}`);
    if (showPlans) console.log(text.join('\n'));
  }
} finally {
  await db.close();
}
