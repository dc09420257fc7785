#!/usr/bin/env node
// What each widget costs a resident on first load, from the real CDN build (dist/cdn: run
// `vite build` first): the entry plus every chunk it imports statically, minified and gzipped,
// as the browser fetches them before the widget can render. Lazy chunks (the map, the Welsh
// text, later pages) are counted apart.
//
// Baseline, measured here from the same npm files rather than quoted: a FixMyStreet-like report
// page, which loads jQuery and its map library up front on every visit (FixMyStreet loads
// jQuery and OpenLayers; we measure jQuery 3 and MapLibre, the map library this project uses).
// Reported as ratios; never a pass/fail on size or time (budgets live in size-budgets.json).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist/cdn';
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error('No CDN build: run `pnpm exec vite build` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;

/** Files a key loads: static imports first load; dynamic imports and their trees are lazy. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

/** Everything a key can ever load, through static and dynamic imports. */
function reachable(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of [...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? [])]) reachable(dep, seen);
  return seen;
}

const widgets = ['report-form', 'location-picker', 'case-tracker', 'consultation'];
const rows = [];
for (const name of widgets) {
  const key = Object.keys(manifest).find((k) => manifest[k].isEntry && manifest[k].name === name);
  if (!key) continue;
  const eager = closure(key);
  const eagerBytes = [...eager].reduce((sum, k) => sum + gz(join(dist, manifest[k].file)), 0);
  const lazyKeys = reachable(key);
  for (const k of eager) lazyKeys.delete(k);
  const lazyBytes = [...lazyKeys].reduce((sum, k) => sum + gz(join(dist, manifest[k].file)), 0);
  rows.push({ name, files: eager.size, eagerBytes, lazyBytes });
}

const require = createRequire(join(process.cwd(), 'packages/location-picker/package.json'));
const requireJq = createRequire(join(process.cwd(), 'examples/hostile-cms/package.json'));
const baselineFiles = [
  ['jQuery 3 (min)', requireJq.resolve('jquery/dist/jquery.min.js')],
  ['MapLibre GL JS', require.resolve('maplibre-gl/dist/maplibre-gl.mjs')],
  ['MapLibre CSS', require.resolve('maplibre-gl/dist/maplibre-gl.css')],
].filter(([, path]) => existsSync(path));
const baseline = baselineFiles.reduce((sum, [, path]) => sum + gz(path), 0);

console.log('First load per widget (gzip -9), from dist/cdn');
console.log(`baseline, a FixMyStreet-like page loading its libraries up front: ${kB(baseline)} (${baselineFiles.map(([n, p]) => `${n} ${kB(gz(p))}`).join(', ')})\n`);
console.log('widget            files  first load   loaded later (map, Welsh, later pages; the map worker not counted)   first load / baseline');
for (const r of rows) {
  console.log(`${r.name.padEnd(18)}${String(r.files).padStart(5)}  ${kB(r.eagerBytes).padStart(10)}   ${kB(r.lazyBytes).padStart(10)}${' '.repeat(55)}${(r.eagerBytes / baseline).toFixed(3)}`);
}
const all = new Set();
for (const name of widgets) {
  const key = Object.keys(manifest).find((k) => manifest[k].isEntry && manifest[k].name === name);
  if (key) closure(key, all);
}
const allBytes = [...all].reduce((sum, k) => sum + gz(join(dist, manifest[k].file)), 0);
const sum = rows.reduce((s, r) => s + r.eagerBytes, 0);
console.log(`\nall four widgets on one page: ${kB(allBytes)} (${(allBytes / baseline).toFixed(3)} of the baseline); ` +
  `loaded separately they would be ${kB(sum)}, so shared chunks save ${((1 - allBytes / sum) * 100).toFixed(0)}%.`);
