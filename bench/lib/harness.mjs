// Shared by the server benches: a private PostgreSQL cluster, the reference server as its own
// process, and a keep-alive load generator (like autocannon) that records latencies.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBin = join(root, 'packages', 'server', 'bin', 'civic-server.js');
const tsx = join(root, 'packages', 'server', 'node_modules', '.bin', 'tsx');

export const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');

function pgBin() {
  const base = '/usr/lib/postgresql';
  const v = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!v) throw new Error('PostgreSQL binaries not found (apt-get install postgresql)');
  return join(base, v, 'bin');
}

/** CPU seconds a process has used (utime + stime from /proc/PID/stat). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process has gone
  }
}

/** The children of `pid` (PostgreSQL's backends are the postmaster's children). */
export function childPids(pid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === pid) out.push(Number(entry));
    } catch {}
  }
  return out;
}

/** A throwaway PostgreSQL cluster with default durability settings (fsync and synchronous_commit on). */
export function startPostgres(port) {
  const bin = pgBin();
  const asPg = (cmd, args) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'civic-bench-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
  asPg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '120', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB`, 'start']);
  return {
    /** CPU seconds used so far by the cluster's processes (the postmaster and its backends). */
    cpu() {
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // Backends that have exited (a pool closing idle connections) count in the postmaster's
      // cutime/cstime once it has waited for them; the live ones are read one by one.
      const fields = readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1].split(' ');
      const exited = (Number(fields[13]) + Number(fields[14])) / 100;
      return exited + [postmaster, ...childPids(postmaster)].reduce((sum, p) => sum + cpuSeconds(p), 0);
    },
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    createDb(name) {
      asPg('createdb', ['-h', dir, '-p', String(port), name]);
    },
    stop() {
      try {
        asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Seeds `count` reports (bench/lib/seed-reports.ts) into a data directory or a PostgreSQL URL. */
export function seed(count, target) {
  const args = target.databaseUrl ? ['--database-url', target.databaseUrl] : ['--data-dir', target.dataDir];
  execFileSync(tsx, [join(root, 'bench', 'lib', 'seed-reports.ts'), String(count), ...args], { stdio: 'inherit', cwd: root });
}

/**
 * An SMTP server in its own process that accepts and discards every message (bench/lib/smtp-sink.mjs):
 * with `SMTP_URL` pointing at it, the server delivers its email as in production, to another
 * process, rather than to the dev mailbox inside its own. `count()` asks how many have arrived.
 */
export async function startSmtpSink(port) {
  const child = spawn(process.execPath, [join(root, 'bench', 'lib', 'smtp-sink.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise((resolve, reject) => {
    const check = setInterval(() => {
      if (/listening/.test(output)) {
        clearInterval(check);
        resolve();
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`smtp sink exited with ${code}`));
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    pid: child.pid,
    async count() {
      const before = output.length;
      child.kill('SIGUSR2');
      while (!/received \d+\n/.test(output.slice(before))) await new Promise((r) => setTimeout(r, 10));
      return Number(output.slice(before).match(/received (\d+)/)[1]);
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}

/**
 * The reference server's CLI in its own process; resolves once it listens. `bin` is the
 * TypeScript source through tsx (bin/civic-server.js, what `pnpm start` runs) unless given, e.g.
 * the built dist/bin.js a council installs from npm.
 */
export async function startServer({ port, dataDir, databaseUrl, env = {}, bin = serverBin, nodeArgs = [] }) {
  const args = [...nodeArgs, bin, '--demo', '--port', String(port), '--host', '127.0.0.1', '--quiet', ...(dataDir ? ['--data-dir', dataDir] : [])];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, CIVIC_RATE_LIMIT_POST_MAX: '100000000', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${output}`)), 180_000);
    const onData = (chunk) => {
      output += chunk;
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    child,
    startedMs: performance.now() - started,
    async stop() {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        setTimeout(resolve, 10_000);
      });
    },
  };
}

/**
 * Keep-alive HTTP to one or more server ports (round robin per request). `cpu()` returns the CPU
 * seconds the servers (and database) have used: a route's CPU per request is then known whatever
 * else the machine is doing.
 */
export function client(ports, connections, cpu = () => ({ server: 0, db: 0 })) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections * ports.length });
  let next = 0;
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const port = ports[next++ % ports.length];
      const headers = body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {};
      const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  /** Drives one route for `seconds` over `connections` connections. */
  async function drive(name, make, seconds) {
    const until = Date.now() + seconds * 1000;
    let ok = 0;
    let failed = 0;
    let firstFailure = '';
    const latencies = [];
    const cpu0 = cpu();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          const [method, path, body] = make();
          const t0 = performance.now();
          const res = await request(method, path, body);
          latencies.push(performance.now() - t0);
          if (res.status < 400) ok++;
          else if (!failed++) firstFailure = `${res.status} ${res.body.slice(0, 200)}`;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    if (firstFailure) console.error(`${name}: ${failed} failed, the first with ${firstFailure}`);
    const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))];
    const cpu1 = cpu();
    const per = (key) => ((cpu1[key] - cpu0[key]) * 1000) / Math.max(1, latencies.length);
    return { name, rps: ok / seconds, failed, p50: pick(0.5), p99: pick(0.99), n: latencies.length, serverCpuMs: per('server'), dbCpuMs: per('db') };
  }
  return { request, drive, close: () => agent.destroy() };
}

export const report = (i) =>
  `service_code=potholes&lat=52.228154&long=-1.514804&address_string=${encodeURIComponent(`${i} High Street, Larkmead`)}&attribute[depth]=medium&attribute[position]=carriageway&description=bench&email=bench${i}%40example.org`;
