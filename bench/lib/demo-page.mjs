// What bench/page-cost.mjs and bench/lib/trace-page.mjs share: the demo on a port of its own, and
// the in-page watch for the first question, so the trace finds exactly what the bench measures.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './harness.mjs';

/** Starts the demo (bench/lib/page-server.ts) on `port` with a fresh data directory; resolves with its URL and a stop(). */
export function startPageServer(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-page-'));
  const tsx = join(root, 'packages', 'server', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(root, 'bench/lib/page-server.ts'), String(port), dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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
 * Runs in the page before anything else (`page.addInitScript`): each frame, look for the first
 * rendered form control in <main>, shadow roots included, and note when it showed in
 * `window.__firstQuestion`.
 */
export function watchFirstQuestion() {
  const controls = 'input:not([type=hidden]), select, textarea, button';
  const rendered = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  };
  const find = (scope) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.matches(controls) && rendered(el)) return el;
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const frame = () => {
    const main = document.querySelector('main');
    if (main && find(main)) window.__firstQuestion = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
