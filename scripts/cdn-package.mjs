#!/usr/bin/env node
// Fills packages/cdn with the CDN build (dist/cdn, made by `vite build`), so the npm package
// holds exactly the files a page loads: https://cdn.jsdelivr.net/npm/@civic-widgets/cdn@VERSION/report-form.js
// is dist/cdn/report-form.js. Run before `pnpm pack` (the package's prepack does).
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'dist/cdn');
const to = join(root, 'packages/cdn');
if (!existsSync(join(from, 'sri.json'))) {
  console.error('dist/cdn is missing: run `vite build` (or `pnpm build`) first.');
  process.exit(1);
}
// What an earlier copy left (old content-hashed chunks) goes first.
for (const name of readdirSync(to)) if (/\.(m?js|map)$/.test(name) || ['chunks', 'assets', 'sri.json'].includes(name)) rmSync(join(to, name), { recursive: true, force: true });
for (const name of readdirSync(from)) {
  // vite's manifest is for our size check, not for pages.
  if (name === 'manifest.json' || name === '.vite') continue;
  cpSync(join(from, name), join(to, name), { recursive: true });
}
console.log('packages/cdn: the CDN build copied in.');
