#!/usr/bin/env node
// Requests per second the reference server answers, measured from a second process: this
// script starts packages/server (its CLI, own process, fresh PGlite data directory) and drives
// it with keep-alive HTTP connections, like autocannon. Each route is reported as a ratio to
// the server's own trivial route (GET /health, one `SELECT 1`) measured in the same run, so the
// numbers compare across machines. Never a pass/fail on time.
//   node bench/server-throughput.mjs [seconds per route, default 5] [connections, default 16]
import http from 'node:http';
import { startReferenceServer } from '../scripts/lib/reference-server.mjs';

const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 16);
const port = 20000 + Math.floor(Math.random() * 20000);
// The same start-up the browser tests use: its own process, a fresh PGlite data directory.
const server = await startReferenceServer({ port, env: { CIVIC_RATE_LIMIT_POST_MAX: '100000000' } });

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function load(name, make) {
  const until = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  let firstFailure = '';
  const latencies = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const [method, path, body] = make();
        const started = performance.now();
        const res = await request(method, path, body);
        latencies.push(performance.now() - started);
        if (res.status < 400) ok++;
        else if (!failed++) firstFailure = `${res.status} ${res.body.slice(0, 200)}`;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  if (firstFailure) console.error(`${name}: ${failed} failed, the first with ${firstFailure}`);
  return { name, rps: ok / seconds, failed, p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.floor(latencies.length * 0.99)] };
}

const report = (i) =>
  `service_code=potholes&lat=52.228154&long=-1.514804&address_string=${encodeURIComponent(`${i} High Street, Larkmead`)}&attribute[depth]=medium&attribute[position]=carriageway&description=bench`;
try {
  // Some data to read: 200 reports.
  const ids = [];
  for (let i = 0; i < 200; i++) {
    const res = await request('POST', '/open311/v2/requests.json', report(i));
    if (res.status !== 201) throw new Error(`Could not make the reports to read: ${res.status} ${res.body}`);
    ids.push(JSON.parse(res.body)[0].service_request_id);
  }
  await load('warm-up', () => ['GET', '/health']);
  const results = [];
  results.push(await load('GET /health (baseline)', () => ['GET', '/health']));
  results.push(await load('GET services.json', () => ['GET', '/open311/v2/services.json']));
  results.push(await load('GET services/potholes.json', () => ['GET', '/open311/v2/services/potholes.json']));
  results.push(await load('GET requests/{id}.json', () => ['GET', `/open311/v2/requests/${ids[Math.floor(Math.random() * ids.length)]}.json`]));
  results.push(await load('GET requests near a point', () => ['GET', '/open311/v2/requests.json?lat=52.2281&long=-1.5148&radius=500']));
  let n = 1000;
  results.push(await load('POST requests (new report)', () => ['POST', '/open311/v2/requests.json', report(n++)]));
  const base = results[0].rps;
  console.log(`Reference server on PGlite, ${connections} keep-alive connections, ${seconds} s per route, load from a second process\n`);
  console.log('route                           req/s   ratio to /health   p50 ms   p99 ms   errors');
  for (const r of results) {
    console.log(`${r.name.padEnd(30)}${r.rps.toFixed(0).padStart(7)}   ${(r.rps / base).toFixed(3).padStart(16)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${r.failed}`);
  }
} finally {
  agent.destroy();
  await server.stop();
}
