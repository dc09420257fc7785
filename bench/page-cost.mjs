#!/usr/bin/env node
// What a resident on a slow phone waits for: each widget page's first question, against a plain
// HTML form page with the same questions (examples/plain-form), measured in the same run.
//
//   pnpm exec vite build && node bench/page-cost.mjs [--runs 7] [--port 4150] [--cpu 4] [--latency 400] [--pages pothole,hub]
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
import { firstQuestion, median, slowNetwork, startPageServer } from './lib/demo-page.mjs';
import { root } from './lib/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 7));
const port = Number(arg('port', 4150));
const cpu = Number(arg('cpu', 4));
const network = slowNetwork(Number(arg('latency', 400)));
const allPages = [
  ['plain form (baseline)', '/examples/plain-form/report-a-pothole.html'],
  ['report-a-pothole', '/report-a-pothole.html'],
  ['report-a-pothole (Welsh)', '/cy/rhoi-gwybod-am-dwll-yn-y-ffordd.html'],
  ['report-a-problem', '/report-a-problem.html'],
  ['track-your-report (reference box)', '/track-your-report.html'],
  ['have-your-say (hub)', '/have-your-say.html'],
  ['consultation (start page)', '/consultation.html?consultation=town-centre-2026'],
  // Published results have no control: their first screen is the first heading the widget draws ("We asked").
  ['consultation results (first heading)', '/consultation-results.html', { selector: 'h2', inWidget: true }],
];
// `--pages pothole,hub`: only the pages whose names contain one of these (and the baseline),
// for trying a change on the page it is meant for.
const only = arg('pages', '').split(',').filter(Boolean);
const pages = allPages.filter(([name], i) => i === 0 || !only.length || only.some((o) => name.includes(o)));

if (!existsSync(join(root, 'dist/cdn/report-form.js'))) {
  console.error('dist/cdn is missing: run `pnpm exec vite build` first.');
  process.exit(1);
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const measure = (browser, url, watch) => firstQuestion(browser, url, { cpu, network, watch });

const loadBefore = load();
const server = await startPageServer(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
const results = new Map(pages.map(([name]) => [name, { first: [], load: [] }]));
try {
  // One warm-up load so the server's first answers (PGlite, templates) are not counted.
  await measure(browser, `${server.url}${pages[1][1]}`, pages[1][2]);
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < pages.length; i++) {
      const [name, path, watch] = pages[(i + run) % pages.length];
      const { first, load: loaded } = await measure(browser, `${server.url}${path}`, watch);
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
