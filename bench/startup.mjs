#!/usr/bin/env node
// How long the reference server on PGlite takes to answer its first request: from an empty data
// directory when the migrated template is already in the OS temp folder (every start after the
// first on a machine), from an empty data directory with no template (the very first start: the
// template is built), and a restart on an existing data directory. Each is timed from spawning
// the process to the first 200 from GET /health, `runs` times, medians; the load average is
// printed because the machine's other work moves every figure.
//   node bench/startup.mjs [runs, default 3] [port, default 9800] [--cold] [--built]
// (--built times the compiled server, packages/server/dist/bin.js — what a council installs from
// npm runs; `pnpm --filter @civic-widgets/server build` first. Without it, bin/civic-server.js:
// the TypeScript source through tsx, as `pnpm start` runs it.)
// (--cold also times the very first start on a machine, which builds the template: slow on a
// loaded machine, as it creates PGlite twice.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { load, root, startServer } from './lib/harness.mjs';

/** CPU seconds a process has used (utime + stime from /proc): what the start costs whatever else runs. */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

const args = process.argv.slice(2).filter((a) => a !== '--cold' && a !== '--built');
const withCold = process.argv.includes('--cold');
const bin = process.argv.includes('--built') ? join(root, 'packages', 'server', 'dist', 'bin.js') : undefined;
if (bin && !existsSync(bin)) throw new Error('--built: run `pnpm --filter @civic-widgets/server build` first');
const runs = Number(args[0] ?? 3);
const port = Number(args[1] ?? 9800);

async function firstAnswer(options) {
  const t0 = performance.now();
  const server = await startServer({ port, bin, ...options });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ms: performance.now() - t0, cpu: cpuSeconds(server.child.pid), server };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { cold: [], empty: [], restart: [] };
const cpu = { cold: [], empty: [], restart: [] };
const loads = [];

async function coldStart() {
  // The very first start on a machine: no template in the (here: private) temp folder.
  const coldTmp = mkdtempSync(join(tmpdir(), 'civic-bench-tmp-'));
  const coldDir = mkdtempSync(join(tmpdir(), 'civic-bench-cold-'));
  const cold = await firstAnswer({ dataDir: coldDir, env: { TMPDIR: coldTmp } });
  times.cold.push(cold.ms);
  cpu.cold.push(cold.cpu);
  await cold.server.stop();
  rmSync(coldTmp, { recursive: true, force: true });
  rmSync(coldDir, { recursive: true, force: true });
}

// One start first, so the template for the current migrations is in the temp folder.
{
  const dir = mkdtempSync(join(tmpdir(), 'civic-bench-warm-'));
  const warm = await firstAnswer({ dataDir: dir });
  await warm.server.stop();
  rmSync(dir, { recursive: true, force: true });
}
for (let i = 0; i < runs; i++) {
  if (withCold) await coldStart();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-data-'));
  const empty = await firstAnswer({ dataDir });
  times.empty.push(empty.ms);
  cpu.empty.push(empty.cpu);
  await empty.server.stop();
  const restart = await firstAnswer({ dataDir });
  times.restart.push(restart.ms);
  cpu.restart.push(restart.cpu);
  await restart.server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  loads.push(load());
}
console.log(`\nPGlite start-up to the first answer (${bin ? 'built: dist/bin.js' : 'TypeScript through tsx: bin/civic-server.js'}), ${runs} runs, medians (load average per run: ${loads.join(' | ')})\n`);
console.log('| start | wall, median s | server CPU to first answer, median s | wall of each run s |');
console.log('| --- | ---: | ---: | --- |');
const row = (name, key) =>
  console.log(`| ${name} | ${(median(times[key]) / 1000).toFixed(1)} | ${median(cpu[key]).toFixed(1)} | ${times[key].map((x) => (x / 1000).toFixed(1)).join(', ')} |`);
if (withCold) row('empty data directory, first start on the machine (template built)', 'cold');
row('empty data directory (template in the temp folder)', 'empty');
row('restart on an existing data directory', 'restart');
