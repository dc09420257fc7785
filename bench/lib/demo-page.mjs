// What bench/page-cost.mjs, bench/lib/ab-page.mjs and bench/lib/trace-page.mjs share: the demo on a
// port of its own, the slow phone, and the in-page watch for the first question, so the trace
// finds exactly what the bench measures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './harness.mjs';

/**
 * Starts the demo (bench/lib/page-server.ts) on `port` with a fresh data directory, its pages and
 * CDN build read from `siteRoot` (default: this checkout); resolves with its URL and a stop().
 */
export function startPageServer(port, siteRoot = root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-page-'));
  const tsx = join(root, 'packages', 'server', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(root, 'bench/lib/page-server.ts'), String(port), dataDir, siteRoot], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening (\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop });
    });
    child.on('exit', (code) => reject(new Error(`the demo server stopped (${code}) before listening`)));
  });
}

/**
 * Runs in the page before anything else (`page.addInitScript`): notes in `window.__firstQuestion`
 * the first frame in which a form control is rendered in <main>, shadow roots included. A page
 * whose first screen has no control (published results) is timed by what it shows instead:
 * `{ selector: 'h2', inWidget: true }` waits for a widget's own heading, not one of the page's.
 *
 * It looks each frame (`requestAnimationFrame`) only once such an element has been added to the
 * page (a MutationObserver on the document and on every shadow root): a watch that looked every
 * frame from the start made the browser draw a frame, and walk the page, every 17 ms while a
 * widget was still loading, work the plain form never paid (its control is in the first frame)
 * and no resident's phone does. bench/README.md has the two watches side by side.
 */
export function watchFirstQuestion({ selector = 'input:not([type=hidden]), select, textarea, button', inWidget = false } = {}) {
  const rendered = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  };
  const find = (scope, inShadow = false) => {
    for (const el of scope.querySelectorAll('*')) {
      if ((inShadow || !inWidget) && el.matches(selector) && rendered(el)) return el;
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot, true);
        if (inner) return inner;
      }
    }
    return null;
  };
  const observers = [];
  const frame = () => {
    const main = document.querySelector('main');
    if (main && find(main)) {
      window.__firstQuestion = performance.now();
      for (const observer of observers) observer.disconnect();
    } else requestAnimationFrame(frame);
  };
  let looking = false;
  const added = (records, inShadow) => {
    if (looking || (inWidget && !inShadow)) return;
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && (node.matches(selector) || node.querySelector(selector))) {
          looking = true;
          requestAnimationFrame(frame);
          return;
        }
      }
    }
  };
  const observe = (root, inShadow) => {
    const observer = new MutationObserver((records) => added(records, inShadow));
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  };
  observe(document, false);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    // Once the question has been seen, nothing more is watched.
    if (window.__firstQuestion === undefined) observe(root, true);
    return root;
  };
}

/** Slow 4G as issue #18 measured it: `latency` ms round trips; 1.6 Mbit/s down, 750 kbit/s up. */
export const slowNetwork = (latency = 400) => ({ offline: false, latency, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 });

/**
 * One load of `url` in a fresh browser context (empty cache) on a phone-sized screen, with the CPU
 * `cpu`× slower and `network` throttled: when its first question showed and its load event ended
 * (ms from navigation).
 */
export async function firstQuestion(browser, url, { cpu = 4, network = slowNetwork(), watch = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.addInitScript(watchFirstQuestion, watch);
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

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
