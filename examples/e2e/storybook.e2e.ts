// Every Storybook story, as built (storybook-static, which `pnpm test` builds before this runs),
// rendered in Chromium against the mock of the demo backend (stories/backend), its play function
// run, then checked with axe-core for WCAG 2.2 A and AA: what the a11y addon shows a designer,
// enforced for every state. A story that throws or never finishes rendering fails here too.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startDemo, type Demo } from './harness.ts';

const built = join(root, 'storybook-static');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.pbf': 'application/x-protobuf' };

let demo: Demo;
let server: Server;
let url: string;

beforeAll(async () => {
  if (!existsSync(join(built, 'index.json'))) {
    throw new Error('storybook-static is missing: build Storybook first (`pnpm manifest && storybook build -o storybook-static`; `pnpm test` does).');
  }
  // A plain static server, as any host serving a built Storybook would be.
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(built, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(built) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

describe('Storybook', () => {
  it('renders every story against the mock backend with no error and no axe violation', async () => {
    const index = JSON.parse(readFileSync(join(built, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    expect(stories.length).toBeGreaterThan(80);

    const { page } = await demo.newPage({ viewport: { width: 1000, height: 900 } });
    const ready = () =>
      page.waitForFunction(
        () => navigator.serviceWorker.controller !== null && (window as unknown as { __STORYBOOK_PREVIEW__?: { storyStoreValue?: unknown } }).__STORYBOOK_PREVIEW__?.storyStoreValue !== undefined,
        undefined,
        { timeout: 30_000 },
      );
    // The first story installs the mock's service worker (msw may reload the page once for it to
    // take control). Then start again on a docs page, so that every story below is a switch.
    await page.goto(`${url}/iframe.html?id=${stories[0]!.id}&viewMode=story`);
    await ready();
    await page.waitForTimeout(2000);
    const docs = Object.values(index.entries).find((e) => e.type === 'docs')!;
    await page.goto(`${url}/iframe.html?id=${docs.id}&viewMode=docs`);
    await ready();
    await page.addScriptTag({ content: axeSource });

    /** Switches to a story through Storybook's own channel, without reloading (as its UI does); settles when it has rendered and its play function has finished. */
    const show = (id: string) =>
      page.evaluate(async (id) => {
        const channel = (window as unknown as { __STORYBOOK_PREVIEW__: { channel: { on(e: string, f: (...a: unknown[]) => void): void; off(e: string, f: (...a: unknown[]) => void): void; emit(e: string, d: unknown): void } } }).__STORYBOOK_PREVIEW__.channel;
        return new Promise<string>((resolve) => {
          const events: Record<string, (...a: unknown[]) => void> = {
            storyRendered: () => done('rendered'),
            storyErrored: (e) => done(`errored: ${JSON.stringify(e).slice(0, 300)}`),
            storyThrewException: (e) => done(`threw: ${String((e as Error)?.message ?? e).slice(0, 300)}`),
            playFunctionThrewException: (e) => done(`play threw: ${String((e as Error)?.message ?? e).slice(0, 300)}`),
          };
          const timer = setTimeout(() => done('did not render within 20 s'), 20_000);
          function done(result: string) {
            clearTimeout(timer);
            for (const [name, f] of Object.entries(events)) channel.off(name, f);
            resolve(result);
          }
          for (const [name, f] of Object.entries(events)) channel.on(name, f);
          channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        });
      }, id);

    const problems: string[] = [];
    for (const story of stories) {
      const outcome = await show(story.id);
      if (outcome !== 'rendered') {
        problems.push(`${story.id}: ${outcome}`);
        continue;
      }
      // Lazy chunks and the mock's answers arrive after the first render.
      await page.waitForTimeout(700);
      const violations = await page.evaluate(async () => {
        type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };
        // The a11y addon runs axe after each render too: wait for its run to finish.
        for (let attempt = 0; ; attempt++) {
          try {
            return (await axe.run(document.getElementById('storybook-root'), options)).violations.map(
              (v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
            );
          } catch (error) {
            if (attempt > 50 || !/already running/.test(String(error))) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      });
      for (const violation of violations) problems.push(`${story.id}: ${violation}`);
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
