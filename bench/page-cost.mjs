#!/usr/bin/env node
// What a resident on a slow phone waits for: each widget page's first question, against a plain
// HTML form page with the same questions (examples/plain-form), measured in the same run.
//
//   pnpm exec vite build && node bench/page-cost.mjs [--runs 7] [--port 4150] [--cpu 4] [--latency 400]
//
// Debian's Chromium (CHROME_PATH overrides) with the network and CPU throttled through the
// DevTools protocol (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), a fresh
// browser context (empty cache) for every load, pages taken in turn within each run so the
// machine's load falls on all of them alike. "First question" is the first frame in which a form
// control (input, select, textarea or button) is rendered in the page's <main>, shadow roots
// included: the widget's first question (or the consultation's "Start now"), the plain form's
// first radio. Reports medians and each
// page's ratio to the plain form's median, with the load average; never a pass or a fail.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/lib/chromium.mjs';
import { startPageServer, watchFirstQuestion } from './lib/demo-page.mjs';
import { root } from './lib/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 7));
const port = Number(arg('port', 4150));
const cpu = Number(arg('cpu', 4));
// Slow 4G as the issue measured it: 400 ms round trips; 1.6 Mbit/s down, 750 kbit/s up.
const network = { offline: false, latency: Number(arg('latency', 400)), downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const pages = [
  ['plain form (baseline)', '/examples/plain-form/report-a-pothole.html'],
  ['report-a-pothole', '/report-a-pothole.html'],
  ['report-a-problem', '/report-a-problem.html'],
  ['track-your-report (reference box)', '/track-your-report.html'],
  ['have-your-say (hub)', '/have-your-say.html'],
  ['consultation (start page)', '/consultation.html?consultation=town-centre-2026'],
];

if (!existsSync(join(root, 'dist/cdn/report-form.js'))) {
  console.error('dist/cdn is missing: run `pnpm exec vite build` first.');
  process.exit(1);
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.addInitScript(watchFirstQuestion);
    await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
    await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 180_000, polling: 250 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { first: window.__firstQuestion, load: nav?.loadEventEnd || null };
    });
  } finally {
    await context.close();
  }
}

const loadBefore = load();
const server = await startPageServer(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const results = new Map(pages.map(([name]) => [name, { first: [], load: [] }]));
try {
  // One warm-up load so the server's first answers (PGlite, templates) are not counted.
  await measure(browser, `${server.url}${pages[1][1]}`);
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < pages.length; i++) {
      const [name, path] = pages[(i + run) % pages.length];
      const { first, load: loaded } = await measure(browser, `${server.url}${path}`);
      results.get(name).first.push(first);
      if (loaded) results.get(name).load.push(loaded);
      process.stderr.write('.');
    }
  }
} finally {
  await browser.close();
  server.stop();
}
process.stderr.write('\n');

const baseline = median(results.get(pages[0][0]).first);
console.log(`Chromium ${browser.version()}, CPU ${cpu}× slower, ${network.latency} ms round trips, ${(network.downloadThroughput * 8) / 1e6} Mbit/s down, ${runs} runs, medians`);
console.log(`load average (1/5/15 min): ${loadBefore} before, ${load()} after\n`);
console.log('| page | first question visible | × plain form | load event |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name] of pages) {
  const r = results.get(name);
  const first = median(r.first);
  console.log(`| ${name} | ${(first / 1000).toFixed(2)} s | ${(first / baseline).toFixed(2)} | ${r.load.length ? `${(median(r.load) / 1000).toFixed(2)} s` : '–'} |`);
}
