#!/usr/bin/env node
// The asset layer (issue #16): what it weighs (gzip) and whether the map stays smooth with
// 10,000 assets in view. Serves the real CDN build (`pnpm exec vite build` first) to headless
// Chromium, shows <civic-location-picker> on a plain background style with 0 (the baseline),
// 1,198 (the demo's street lights) and 10,000 assets, drags the map with the mouse for a few
// seconds and records the frame intervals (requestAnimationFrame) during the drag. Reports the
// mean and 95th percentile frame time as ratios to the baseline measured in the same run, and
// the load average (other work on the machine moves every figure).
//   node bench/asset-layer.mjs [port, default 4490]
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import { load, root } from './lib/harness.mjs';

const port = Number(process.argv[2] ?? 4490);
const cdn = join(root, 'dist/cdn');
if (!existsSync(join(cdn, 'location-picker.js'))) throw new Error('Build the CDN first: pnpm exec vite build');
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// ---- sizes ----
const chunk = readdirSync(join(cdn, 'chunks')).find((f) => /^asset-list-.*\.js$/.test(f));
const demoLights = readFileSync(join(root, 'packages/server/demo/geo/street-lights.geojson'));
const lights = (n) => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `LM-${String(i).padStart(5, '0')}`,
    geometry: { type: 'Point', coordinates: [-1.5148 + ((i % 100) - 50) * 0.0001, 52.2281 + (Math.floor(i / 100) - 50) * 0.00006] },
    properties: { id: `LM-${String(i).padStart(5, '0')}`, road: 'High Street', lamp: 'LED 2500lm', installed: 2000 + (i % 25) },
  })),
});
const tenThousand = Buffer.from(JSON.stringify(lights(10_000)));
console.log(`load average ${load()}`);
console.log('| what | raw | gzip |\n| --- | --- | --- |');
console.log(`| asset list code (chunks/${chunk}, lazy with the map) | ${kB(readFileSync(join(cdn, 'chunks', chunk)).length)} | ${kB(gz(readFileSync(join(cdn, 'chunks', chunk))))} |`);
console.log(`| demo street lights (1,198 features) | ${kB(demoLights.length)} | ${kB(gz(demoLights))} |`);
console.log(`| 10,000 street lights (generated like the demo's) | ${kB(tenThousand.length)} | ${kB(gz(tenThousand))} |`);

// ---- smoothness ----
const style = JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f2f1' } }] });
const page = `<!doctype html><html lang="en"><body style="margin:0"><div id="host" style="width:800px"></div>
<script type="module" src="/cdn/location-picker.js"></script></body></html>`;
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (url.pathname === '/style.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(style);
  if (url.pathname === '/assets-1198.geojson') return res.writeHead(200, { 'content-type': 'application/json' }).end(demoLights);
  if (url.pathname === '/assets-10000.geojson') return res.writeHead(200, { 'content-type': 'application/json' }).end(tenThousand);
  if (url.pathname === '/assets-0.geojson') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"FeatureCollection","features":[]}');
  const file = join(cdn, url.pathname.replace(/^\/cdn\//, ''));
  if (!file.startsWith(cdn) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(port, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });

async function drag(count) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.evaluate(async (n) => {
    await customElements.whenDefined('civic-location-picker');
    const el = document.createElement('civic-location-picker');
    el.setAttribute('label', 'Where is the street light?');
    el.setAttribute('map-style', '/style.json');
    el.setAttribute('center', '52.2281,-1.5148');
    el.setAttribute('zoom', '16');
    el.setAttribute('assets-src', `/assets-${n}.geojson`);
    el.setAttribute('asset-id-property', 'id');
    document.getElementById('host').append(el);
    await el.mapReady;
  }, count);
  const box = await tab.locator('civic-location-picker .map-canvas').boundingBox();
  await tab.evaluate(() => {
    window.frames_ = [];
    let last = performance.now();
    const tick = (t) => {
      window.frames_.push(t - last);
      last = t;
      if (!window.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await tab.mouse.move(x, y);
  await tab.mouse.down();
  for (let i = 0; i < 120; i++) await tab.mouse.move(x + 150 * Math.sin(i / 10), y + 100 * Math.cos(i / 13));
  await tab.mouse.up();
  const frames = (await tab.evaluate(() => ((window.stop_ = true), window.frames_))).slice(2).sort((a, b) => a - b);
  await context.close();
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  return { count, frames: frames.length, mean, p95: frames[Math.floor(frames.length * 0.95)] };
}

// One warm-up (Chromium's first map compiles its shaders), then each count twice, interleaved,
// keeping the better of the two (the other agents' work only ever slows a run down).
await drag(0);
const runs = [];
for (const n of [0, 1198, 10_000]) runs.push(await drag(n));
for (const [i, n] of [0, 1198, 10_000].entries()) {
  const again = await drag(n);
  if (again.mean < runs[i].mean) runs[i] = again;
}
const [base] = runs;
console.log(`\nload average ${load()}`);
console.log('| assets | frames | mean frame | p95 frame | mean / baseline | p95 / baseline |\n| --- | --- | --- | --- | --- | --- |');
for (const r of runs) {
  console.log(`| ${r.count} | ${r.frames} | ${r.mean.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${(r.mean / base.mean).toFixed(2)} | ${(r.p95 / base.p95).toFixed(2)} |`);
}
await browser.close();
server.close();
