// The end-to-end harness: a headless Chromium (playwright-core) against the demo that
// global-setup.ts started once for the run, exactly as `pnpm start` serves it.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Mail {
  to: string;
  from: string;
  subject: string;
  text: string;
}

export interface Demo {
  url: string;
  browser: Browser;
  /** A fresh browser context (own storage) and page; uncaught errors and console errors collect in `pageErrors`. */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; context: BrowserContext; pageErrors: string[] }>;
  /** Every email the demo has sent (the dev mailbox). */
  mailbox(): Promise<Mail[]>;
  close(): Promise<void>;
}

/** True once the CDN bundle has an entry for the widget (its package has landed). */
export const cdnBuilt = (name: string) => existsSync(join(root, 'dist/cdn', `${name}.js`));

export async function startDemo(): Promise<Demo> {
  const url = inject('civicDemoUrl');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
  return {
    url,
    browser,
    async newPage(options) {
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...options });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        // A failed request is logged as a console error too; tests check responses themselves.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
      });
      return { page, context, pageErrors };
    },
    async mailbox() {
      const response = await fetch(`${url}/dev/mailbox.json`);
      return (await response.json()) as Mail[];
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Waits until a location picker's map is ready and checks it drew a real map: a screenshot of
 * it holds many colours (roads, areas, labels), not one flat fill. Decoded in the page itself,
 * so the test needs no image library.
 */
export async function expectMapDrawn(page: Page, picker: ReturnType<Page['locator']>): Promise<number> {
  const map = picker.locator('[data-map]');
  // The map loads when it comes into view.
  await map.scrollIntoViewIfNeeded();
  await picker.locator('[data-map="ready"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500); // tiles and labels settle after the style loads
  const png = (await map.screenshot()).toString('base64');
  const colours = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return seen.size;
  }, png);
  if (colours < 20) throw new Error(`The map drew only ${colours} colours: it looks blank.`);
  return colours;
}

/** Reports a new case through the Open311 API, as another channel would; returns its reference. */
export async function reportThroughApi(url: string, fields: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  if (response.status !== 201) throw new Error(`POST requests answered ${response.status}: ${await response.text()}`);
  const [created] = (await response.json()) as { service_request_id: string }[];
  return created!.service_request_id;
}
