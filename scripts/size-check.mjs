#!/usr/bin/env node
// Checks the CDN build against size-budgets.json, using vite's manifest to follow each entry's
// static imports (what a page downloads before any lazy chunk such as the map). size-limit
// measures files one by one and cannot follow an entry's import graph, which is what a
// webmaster's page actually pays for; so the closure is computed here and only gzip is measured.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = 'dist/cdn';
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const budgets = JSON.parse(readFileSync('size-budgets.json', 'utf8'));
const gzipped = new Map();
const size = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(dir, file)), { level: 9 }).length);
  return gzipped.get(file);
};

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
}

// The shared chunk (lit and core, named 'core') is loaded once by every widget on a page; the
// core entry (core.js, the fields) is named 'core' too.
const shared = new Set(Object.keys(manifest).filter((key) => manifest[key].name === 'core'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let failed = 0;
const rows = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry) continue;
  const name = chunk.name;
  const files = [...closure(key)];
  const firstLoad = files.reduce((sum, file) => sum + size(manifest[file].file), 0);
  const own =
    name === 'core'
      ? files.filter((f) => manifest[f].name === 'core').reduce((sum, f) => sum + size(manifest[f].file), 0)
      : files.filter((f) => !shared.has(f)).reduce((sum, f) => sum + size(manifest[f].file), 0);
  const lazy = (chunk.dynamicImports ?? []).map((f) => `${manifest[f].name} ${kb(size(manifest[f].file))}`).join(', ');
  const budget = budgets[name];
  const over = budget && ((budget.own && own > budget.own) || (budget.firstLoad && firstLoad > budget.firstLoad));
  if (over) failed++;
  rows.push(
    `${over ? '✗' : '✓'} ${name.padEnd(16)} own ${kb(own).padStart(8)}${budget?.own ? ` / ${kb(budget.own)}` : ''}   first load ${kb(firstLoad).padStart(8)}${budget?.firstLoad ? ` / ${kb(budget.firstLoad)}` : ''}${lazy ? `   lazy: ${lazy}` : ''}`,
  );
}
console.log(`Gzipped sizes of the CDN build (${dir}):\n${rows.join('\n')}`);
if (failed) {
  console.error(`${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget (size-budgets.json).`);
  process.exit(1);
}
