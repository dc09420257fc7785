// The webmasters' guide prints script tags with `integrity` and an import map pinning every file
// they import (docs/webmasters.md, written by scripts/docs-sri.mjs). Pasted as printed into a
// page with a Content-Security-Policy allowing the import map by the printed hash, they must run
// the widget from the CDN build — and a browser must refuse it when any file was changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startDemo, type Demo } from './harness.ts';

const guide = readFileSync(join(root, 'docs/webmasters.md'), 'utf8');
const sri = guide.slice(guide.indexOf('<!-- sri:start'), guide.indexOf('<!-- sri:end -->'));
const htmlBlocks = [...sri.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
const scriptTags = htmlBlocks.find((b) => b.includes('integrity="'))!;
const importMap = htmlBlocks.find((b) => b.includes('type="importmap"'))!;
const cspHash = /script-src 'self' \S+ ('sha256-[^']+')/.exec(sri)?.[1];
const reportFormTag = scriptTags.split('\n<script').find((tag) => tag.includes('report-form.js'))!.replace(/^(?!<script)/, '<script');
const cdnBase = /src="(https:\/\/[^"]+)\/report-form\.js"/.exec(reportFormTag)?.[1];

const page = `<!doctype html><html lang="en"><head><title>Report a problem</title>
${importMap}${reportFormTag}
</head><body><main><h1>Report a problem</h1><civic-report-form endpoint="https://council.example/open311/v2"></civic-report-form></main></body></html>`;
// As the guide says: the CDN's folder (a trailing slash matches the files in it) and the map's hash.
const csp = `default-src 'none'; script-src ${cdnBase}/ ${cspHash}; connect-src https://council.example`;

/**
 * Says plainly when the build on disk is not the one the guide's hashes describe (run on its own
 * after a code change, without `pnpm test`'s build): otherwise every test below fails on an
 * integrity error that reads like a broken snippet.
 */
function expectBuildMatchesGuide() {
  const printed = /integrity="(sha384-[^"]+)"/.exec(reportFormTag)?.[1];
  const built = `sha384-${createHash('sha384').update(readFileSync(join(root, 'dist/cdn/report-form.js'))).digest('base64')}`;
  if (printed !== built) {
    throw new Error(
      'dist/cdn/report-form.js is not the file docs/webmasters.md hashes: run `pnpm exec vite build` (pnpm test builds first), and `pnpm docs:sri` if widget code changed since the guide was written.',
    );
  }
}

let demo: Demo;
beforeAll(async () => {
  expectBuildMatchesGuide();
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

/** Opens the pasted snippet on a council page, the CDN answering from dist/cdn with `tampered` changed. */
async function open(tampered?: string) {
  const { page: tab, context } = await demo.newPage();
  const violations: string[] = [];
  tab.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await context.route('https://council.example/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': csp }, body: page })
      : route.fulfill({ status: 503, body: '' }),
  );
  const integrityErrors: string[] = [];
  tab.on('console', (message) => {
    if (/integrity/i.test(message.text())) integrityErrors.push(message.text());
  });
  await context.route(`${cdnBase}/**`, (route) => {
    const file = route.request().url().slice(cdnBase!.length + 1);
    let body = readFileSync(join(root, 'dist/cdn', file), 'utf8');
    if (file === tampered) body += '\n// changed on the CDN';
    return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' }, body });
  });
  await tab.goto('https://council.example/report');
  return { tab, violations, integrityErrors };
}

const defined = (tab: Awaited<ReturnType<typeof open>>['tab']) =>
  tab.evaluate(() => customElements.whenDefined('civic-report-form').then(() => true)).catch(() => false);

describe('the SRI snippets in the webmasters’ guide', () => {
  it('are printed: script tags, an import map with every imported file, and its CSP hash', () => {
    expect(reportFormTag).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    expect(importMap).toContain(`"${cdnBase}/core.js": "sha384-`);
    expect(cspHash).toBeDefined();
  });

  it('run the widget, with the import map allowed by its printed hash', async () => {
    const { tab, violations } = await open();
    expect(await Promise.race([defined(tab), new Promise((r) => setTimeout(() => r('timed out'), 10_000))])).toBe(true);
    await tab.waitForFunction(() => (document.querySelector('civic-report-form')?.shadowRoot?.childElementCount ?? 0) > 0);
    expect(violations).toEqual([]);
  });

  // The entry itself, and the shared chunk it imports (chunks/core-….js, lit and core; since issue
  // #20's size work core.js is the fields' entry, which the report form fetches to draw a question).
  const sharedCore = () => {
    const manifest: Record<string, { name?: string; file: string; isEntry?: boolean }> = JSON.parse(readFileSync(join(root, 'dist/cdn/manifest.json'), 'utf8'));
    return Object.values(manifest).find((chunk) => chunk.name === 'core' && !chunk.isEntry)!.file;
  };
  for (const [name, fileOf] of [['report-form.js', () => 'report-form.js'], ['the shared core chunk', sharedCore]] as const) {
    it(`stop the widget when ${name} was changed on the CDN`, async () => {
      const file = fileOf();
      const { tab, integrityErrors } = await open(file);
      await tab.waitForTimeout(1500);
      expect(await tab.evaluate(() => customElements.get('civic-report-form') === undefined)).toBe(true);
      expect(integrityErrors.join('\n')).toContain(file);
    });
  }
});
