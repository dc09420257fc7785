#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, so a
// bench run's profile can be read without DevTools.
//   node bench/lib/profile-top.mjs FILE.cpuprofile [--top 40] [--who writev] [--last SECONDS [--skip SECONDS]]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, who: { type: 'string' }, last: { type: 'string' }, skip: { type: 'string', default: '0' } } });
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// Sample intervals: timeDeltas[i] is the time before sample i. --last keeps only the profile's
// last seconds (the server-scale bench drives POST last, after GET /health), and --skip leaves out
// the very last ones (the mail queue draining after the run).
const at = [];
profile.timeDeltas.reduce((t, d, i) => (at[i] = t + d), profile.startTime);
const from = values.last ? profile.endTime - Number(values.last) * 1e6 : -Infinity;
const to = profile.endTime - Number(values.skip) * 1e6;
profile.samples.forEach((id, i) => {
  if (at[i] >= from && at[i] < to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url) => {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:internal';
  const d = url.match(/packages\/server\/(?:dist|src)\/(.*)/);
  return d ? `server:${d[1]}` : url.split('/').slice(-2).join('/');
};
const fns = new Map();
const pkgs = new Map();
for (const [id, t] of self) {
  const { callFrame: f } = byId.get(id);
  const name = `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}`;
  fns.set(name, (fns.get(name) ?? 0) + t);
  const pkg = f.url ? where(f.url).replace(/^server:.*/, 'server (ours)') : f.functionName;
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + t);
}
const show = (title, map, n) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
show('self time by package', pkgs, 25);
show('self time by function', fns, top);

// --who NAME: where a native function's time (writev, writeBuffer…) comes from: the nearest
// caller outside Node's internals, by package and function.
if (values.who) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map();
  for (const [id, t] of self) {
    if (byId.get(id).callFrame.functionName !== values.who) continue;
    let p = parent.get(id);
    const chain = [];
    while (p !== undefined && chain.length < 3) {
      const f = byId.get(p).callFrame;
      if (f.url && !f.url.startsWith('node:')) chain.push(`${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`);
      p = parent.get(p);
    }
    const key = chain.join(' < ') || '(no caller outside node)';
    callers.set(key, (callers.get(key) ?? 0) + t);
  }
  show(`callers of ${values.who}`, callers, 15);
}
