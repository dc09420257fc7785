#!/usr/bin/env node
// How the reference server's costs grow with the number of stored reports, and what POST costs,
// on PostgreSQL (default) or PGlite. For each table size a fresh database is filled in SQL
// (bench/lib/seed-reports.ts), the server is started as its own process, and each route is driven
// with keep-alive connections from this process. Latencies are reported as p50/p99 and as a ratio
// to the server's own GET /health in the same run, and the p50 of each route at the largest size
// as a ratio to the smallest. Never a pass/fail on time; the load average is printed.
//   node bench/server-scale.mjs [--db postgres|pglite] [--sizes 2000,20000,200000] [--seconds 5]
//                               [--connections 10] [--processes 1,2] [--port 9800]
//                               [--routes health,list,near,wide,post] [--mail smtp|dev-mailbox] [--built]
//                               [--cpu-prof DIR]
// --mail smtp (default): the server sends its email over SMTP_URL to a sink in another process
// (bench/lib/smtp-sink.mjs), as a council's server hands mail to a relay; --mail dev-mailbox: the
// demo's in-process mailbox, which parses and stores every message in the server's own process.
// --built runs the compiled server (packages/server/dist/bin.js, `pnpm --filter
// @civic-widgets/server build` first), what a council installs from npm, instead of tsx.
// --cpu-prof DIR: each server process writes a V8 CPU profile (.cpuprofile) into DIR when it stops
// (open it in Chrome DevTools' Performance panel, or summarise it with bench/lib/profile-top.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { client, cpuSeconds, load, report, root, seed, startPostgres, startServer, startSmtpSink } from './lib/harness.mjs';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    sizes: { type: 'string', default: '2000,20000,200000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    processes: { type: 'string', default: '1' },
    port: { type: 'string', default: '9800' },
    routes: { type: 'string', default: 'health,list,near,wide,post' },
    mail: { type: 'string', default: 'smtp' },
    built: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const processCounts = values.processes.split(',').map(Number);
const basePort = Number(values.port);
const routes = new Set(values.routes.split(','));
const pg = values.db === 'postgres' ? startPostgres(basePort + 9) : null;
const bin = values.built ? join(root, 'packages', 'server', 'dist', 'bin.js') : undefined;
if (bin && !existsSync(bin)) throw new Error('--built: run `pnpm --filter @civic-widgets/server build` first');
const sink = values.mail === 'smtp' ? await startSmtpSink(basePort + 8) : null;
const serverEnv = sink ? { SMTP_URL: sink.url } : {};
const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];

const point = () => `lat=${(52.2 + Math.random() * 0.06).toFixed(5)}&long=${(-1.6 + Math.random() * 0.2).toFixed(5)}`;
// What the report form asks ("already reported nearby?"): open reports of the category within
// 100 m in the last 90 days. And a wider search with a fixed page, so the answer's size stays the
// same at every table size and only the search's own cost can grow.
const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
const near = () => ['GET', `/open311/v2/requests.json?${point()}&radius=100&service_code=potholes&status=open&start_date=${since}`];
const wide = () => ['GET', `/open311/v2/requests.json?${point()}&radius=500&page_size=10`];
const rows = [];
let n = 0;
try {
  for (const size of sizes) {
    const dataDir = pg ? undefined : mkdtempSync(join(tmpdir(), 'civic-bench-data-'));
    const name = `civic_bench_${size}`;
    if (pg) pg.createDb(name);
    const target = pg ? { databaseUrl: pg.url(name) } : { dataDir };
    const seeding = performance.now();
    seed(size, target);
    console.error(`${size} reports stored in ${((performance.now() - seeding) / 1000).toFixed(1)} s (load ${load()})`);
    for (const processes of pg ? processCounts : [1]) {
      const servers = [];
      for (let i = 0; i < processes; i++) servers.push(await startServer({ port: basePort + i, ...target, bin, env: serverEnv, nodeArgs }));
      const cpu = () => ({ server: servers.reduce((sum, s) => sum + cpuSeconds(s.child.pid), 0), db: pg ? pg.cpu() : 0 });
      const http = client(servers.map((s) => s.port), connections, cpu);
      try {
        await http.drive('warm-up', () => ['GET', '/health'], 1);
        await http.drive('warm-up', near, 1);
        const health = await http.drive('GET /health', () => ['GET', '/health'], seconds);
        const results = [health];
        if (routes.has('list')) results.push(await http.drive('GET requests.json (default page)', () => ['GET', '/open311/v2/requests.json'], seconds));
        if (routes.has('near')) results.push(await http.drive('GET near a point (report form: 100 m, open, 90 days)', near, seconds));
        if (routes.has('wide')) results.push(await http.drive('GET near a point (500 m, page of 10)', wide, seconds));
        if (routes.has('post')) {
          // Each report queues two emails (the receipt and the team's notice), sent by the server's
          // mail worker after the answer. The CPU per report is also counted until every one of
          // them has reached the SMTP sink, so email work left over after the run is included.
          const sent0 = sink ? await sink.count() : 0;
          const cpu0 = cpu();
          const post = await http.drive('POST requests.json', () => ['POST', '/open311/v2/requests.json', report(n++)], seconds);
          results.push(post);
          if (sink) {
            const want = sent0 + 2 * (post.n - post.failed);
            const t0 = performance.now();
            let sent = await sink.count();
            const sentInRun = sent - sent0;
            while (sent < want && performance.now() - t0 < 120_000) {
              await new Promise((r) => setTimeout(r, 100));
              sent = await sink.count();
            }
            const cpu1 = cpu();
            const reports = Math.max(1, post.n - post.failed);
            post.mail = {
              sentInRun,
              queued: want - sent0,
              drainS: (performance.now() - t0) / 1000,
              serverCpuMs: ((cpu1.server - cpu0.server) * 1000) / reports,
              dbCpuMs: ((cpu1.db - cpu0.db) * 1000) / reports,
            };
          }
        }
        for (const r of results) rows.push({ size, processes, ...r, ratio: r.rps / health.rps, load: load() });
      } finally {
        http.close();
        for (const s of servers) await s.stop();
      }
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
} finally {
  pg?.stop();
  sink?.stop();
}

console.log(`\nReference server (${bin ? 'built: dist/bin.js' : 'TypeScript through tsx'}) on ${values.db === 'postgres' ? 'PostgreSQL 15 (fsync on)' : 'PGlite'}, ${connections} keep-alive connections per process, ${seconds} s per route, email ${sink ? 'over SMTP_URL to a sink in another process' : 'to the in-process dev mailbox'}\n`);
console.log('| reports | processes | route | req/s | ratio to /health | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | errors | load (1/5/15 min) |');
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(
    `| ${r.size.toLocaleString('en-GB')} | ${r.processes} | ${r.name} | ${r.rps.toFixed(0)} | ${r.ratio.toFixed(3)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.serverCpuMs.toFixed(2)} | ${pg ? r.dbCpuMs.toFixed(2) : '–'} | ${r.failed} | ${r.load} |`,
  );
}
const posts = rows.filter((r) => r.mail);
if (posts.length) {
  console.log('\nPOST and its email: every email the run queued counted until it reached the SMTP sink\n');
  console.log('| reports | processes | reports stored | emails queued | sent during the run | queue drained after s | server CPU ms/report incl. email | PostgreSQL CPU ms/report incl. email |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of posts) {
    console.log(`| ${r.size.toLocaleString('en-GB')} | ${r.processes} | ${r.n - r.failed} | ${r.mail.queued} | ${r.mail.sentInRun} | ${r.mail.drainS.toFixed(1)} | ${r.mail.serverCpuMs.toFixed(2)} | ${pg ? r.mail.dbCpuMs.toFixed(2) : '–'} |`);
  }
}
const smallest = Math.min(...sizes);
const largest = Math.max(...sizes);
if (smallest !== largest) {
  console.log(`\np50 at ${largest.toLocaleString('en-GB')} reports ÷ p50 at ${smallest.toLocaleString('en-GB')} (1 process):`);
  for (const route of new Set(rows.map((r) => r.name))) {
    const at = (size) => rows.find((r) => r.size === size && r.name === route && r.processes === 1);
    const health = (size) => at(size) && rows.find((r) => r.size === size && r.name === 'GET /health' && r.processes === 1);
    const [a, b] = [at(smallest), at(largest)];
    if (!a || !b) continue;
    // Also divided by /health's own growth between the two runs: the machine's load moves it.
    const drift = health(largest).p50 / health(smallest).p50;
    console.log(`  ${route.padEnd(54)} ${(b.p50 / a.p50).toFixed(2)}×   (÷ /health's drift ${drift.toFixed(2)}: ${(b.p50 / a.p50 / drift).toFixed(2)}×)`);
  }
}
