#!/usr/bin/env node
// One throttled load of a demo page (as bench/page-cost.mjs loads it) with its request waterfall:
// when each request started and finished, relative to the navigation, and when the first
// question showed. For finding what is still on a page's path, not for figures.
//
//   node bench/lib/trace-page.mjs /report-a-pothole.html [--port 4160] [--cpu 4] [--latency 400]
//     [--profile [--window 1300,1900]] [--heading]
//
// --profile adds a CPU profile up to the first question: self time by script and function, and
// inclusive time (a function and what it calls); --window keeps only the samples taken between
// two page times (ms from navigation), e.g. from the last file's arrival to the first update.
// Marks the page makes with performance.mark() are listed with their times.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';
import { startPageServer, watchFirstQuestion } from './demo-page.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const paths = process.argv.slice(2).filter((a, i, all) => a.startsWith('/') && !all[i - 1]?.startsWith('--'));
const port = Number(arg('port', 4160));
const cpu = Number(arg('cpu', 4));
const network = { offline: false, latency: Number(arg('latency', 400)), downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };

const { url, stop } = await startPageServer(port);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
try {
  for (const path of paths) {
    for (const warm of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const profile = process.argv.includes('--profile') && !warm;
      if (profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      // `--heading`: a page with no control (published results) is timed by the widget's first h2.
      await page.addInitScript(watchFirstQuestion, process.argv.includes('--heading') ? { selector: 'h2', inWidget: true } : {});
      await page.addInitScript(countUpdates);
      await page.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${url}${path}`, { waitUntil: 'commit', timeout: 180_000 });
      await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 180_000, polling: 250 });
      const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : null;
      // The navigation's start on the profiler's clock, so samples can be placed on the page's timeline.
      if (cpuProfile) {
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        cpuProfile.navigationStart = metrics.find((m) => m.name === 'NavigationStart')?.value;
      }
      await new Promise((r) => setTimeout(r, 1000));
      const seen = await page.evaluate(() => ({
        first: window.__firstQuestion,
        nav: performance.getEntriesByType('navigation').map((e) => ({ name: e.name, start: 0, response: e.responseStart, end: e.responseEnd, dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd })),
        resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, response: e.responseStart, end: e.responseEnd, bytes: e.transferSize, initiator: e.initiatorType })),
        longTasks: window.__long ?? [],
        updates: window.__updates ?? [],
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      }));
      if (!warm) {
        const ms = (t) => (t === undefined ? '     –' : t.toFixed(0).padStart(6));
        const [nav] = seen.nav;
        console.log(`\n${path}: first question at ${ms(seen.first)} ms; DOMContentLoaded ${ms(nav.dcl)}, load ${ms(nav.load)}`);
        console.log(' start  first  done   bytes  initiator  url');
        for (const r of [nav, ...seen.resources].sort((a, b) => a.start - b.start)) {
          console.log(`${ms(r.start)} ${ms(r.response)} ${ms(r.end)} ${String(r.bytes ?? '').padStart(7)}  ${(r.initiator ?? 'navigation').padEnd(10)} ${r.name.replace(url, '')}`);
        }
        if (cpuProfile) printProfile(cpuProfile);
        printUpdates(seen.updates, seen.first);
        // performance.mark() calls the page made (a widget instrumented while investigating).
        for (const [name, at] of seen.marks) console.log(`  mark ${at.toFixed(0).padStart(6)} ${name}`);
        if (seen.longTasks.length) console.log('long tasks (start+duration ms):', seen.longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(' '));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  stop();
}

/**
 * Every custom element's Lit update (render and the `updated` that follows) with when it started
 * and how long it took: the passes a page makes before its first question, and which elements.
 */
function countUpdates() {
  window.__updates = [];
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    const own = ctor.prototype.update;
    if (typeof own === 'function') {
      ctor.prototype.update = function (changed) {
        const start = performance.now();
        try {
          return own.call(this, changed);
        } finally {
          window.__updates.push([name, start, performance.now() - start, [...(changed?.keys?.() ?? [])].map(String).join(',')]);
        }
      };
    }
    return define(name, ctor, options);
  };
}

/** The updates up to the first question: how many per element, and the form's own in order. */
function printUpdates(updates, first) {
  const before = updates.filter(([, start]) => start <= first);
  if (!before.length) return;
  const per = new Map();
  for (const [name, , ms] of before) per.set(name, [(per.get(name)?.[0] ?? 0) + 1, (per.get(name)?.[1] ?? 0) + ms]);
  console.log('Lit updates before the first question (count, throttled ms in update()):');
  for (const [name, [n, ms]] of per) console.log(`  ${String(n).padStart(3)} × ${name.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms`);
  const hosts = new Set(before.map(([name]) => name).filter((n) => /form|hub|tracker|consultation/.test(n)));
  for (const [name, start, ms, changed] of before) {
    if (hosts.has(name)) console.log(`  ${start.toFixed(0).padStart(6)} +${ms.toFixed(0).padStart(4)} ${name} [${changed}]`);
  }
}

/**
 * From a CDP CPU profile up to the first question (times as the page felt them, at the throttled
 * rate): self time per script and per function (top 25), and inclusive time, a function with
 * what it calls (top 45).
 */
function printProfile({ nodes, samples, timeDeltas, startTime, navigationStart }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const script = ({ url: file }) => file.replace(/^.*\/(cdn|assets)\//, '$1/') || '(native)';
  const name = (frame) => `${frame.functionName || '(anonymous)'} ${script(frame)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
  const self = new Map();
  // `--window 1500,1800`: only the samples taken between those page times (ms).
  const window = arg('window', '').split(',').filter(Boolean).map(Number);
  let at = startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    const pageMs = at / 1000 - navigationStart * 1000;
    if (window.length === 2 && (pageMs < window[0] || pageMs > window[1])) continue;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  }
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  const fns = new Map();
  const files = new Map();
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    add(fns, name(callFrame), ms);
    add(files, script(callFrame), ms);
    // A sample counts once for every function on its stack.
    const onStack = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node).callFrame;
      if (frame.url || frame.functionName) onStack.add(name(frame));
    }
    for (const key of onStack) add(inclusive, key, ms);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`CPU self time by script (ms, throttled):\n${top(files, 12)}\nby function:\n${top(fns, 25)}\ninclusive:\n${top(inclusive, 45)}`);
}
