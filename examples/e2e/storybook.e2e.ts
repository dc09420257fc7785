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
    type Preview = {
      storyStoreValue?: unknown;
      currentRender?: { id: string; phase?: string };
      channel: { emit(event: string, data: unknown): void };
    };
    const ready = async () => {
      await page.waitForFunction(
        () => navigator.serviceWorker.controller !== null && (window as unknown as { __STORYBOOK_PREVIEW__?: Preview }).__STORYBOOK_PREVIEW__?.storyStoreValue !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      await page.addScriptTag({ content: axeSource });
    };
    await page.goto(`${url}/iframe.html?id=${Object.values(index.entries).find((e) => e.type === 'docs')!.id}&viewMode=docs`);
    await ready();

    /**
     * Switches to a story through Storybook's own channel, without reloading (as its UI does),
     * and waits until it has rendered and its play function has finished. msw reloads the page
     * once when its service worker takes control: whatever page is then showing, ask again.
     */
    const show = async (id: string): Promise<string> => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const phase = await page
          .evaluate((id) => {
            const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: Preview; civicAsked?: string }).__STORYBOOK_PREVIEW__;
            const asked = window as unknown as { civicAsked?: string };
            if (!preview?.storyStoreValue) return null;
            if (preview.currentRender?.id !== id) {
              if (asked.civicAsked !== id) preview.channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
              asked.civicAsked = id;
              return null;
            }
            // 'finished' comes after the play function and the afterEach hooks.
            const done = ['finished', 'errored', 'aborted'].includes(preview.currentRender.phase ?? '');
            return done ? preview.currentRender.phase! : null;
          }, id)
          .catch((error: unknown) => {
            if (/Execution context was destroyed|navigat/i.test(String(error))) return null;
            throw error;
          });
        if (phase) return phase === 'finished' ? 'rendered' : `ended ${phase}`;
        await page.waitForTimeout(100);
      }
      return 'did not render within 20 s';
    };

    const problems: string[] = [];
    for (const story of stories) {
      const outcome = await show(story.id);
      if (outcome !== 'rendered') {
        problems.push(`${story.id}: ${outcome}`);
        continue;
      }
      // Lazy chunks and the mock's answers arrive after the first render.
      await page.waitForTimeout(700);
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
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
