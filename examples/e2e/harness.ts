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

/**
 * The resident confirms email updates as they would: opens the confirm link in the newest email
 * to `to` that has one (the receipt) and presses Confirm. Updates are emailed only after this.
 */
export async function confirmEmailUpdates(demo: Demo, to: string): Promise<void> {
  const message = (await demo.mailbox()).find((m) => m.to.includes(to) && /\/subscriptions\/confirm\?token=/.test(m.text));
  const link = message && /https?:\/\/\S+\/subscriptions\/confirm\?token=[0-9a-f-]{36}/.exec(message.text)?.[0];
  if (!link) throw new Error(`No email to ${to} has a confirm link`);
  const { page, context } = await demo.newPage();
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'You will get email updates' }).waitFor();
  await context.close();
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
 * Waits until a location picker's map is ready and checks it drew a real map, not a flat fill:
 * leaving out the attribution (bottom right) and the pin (centre), no one colour covers
 * (nearly) all the pixels, as roads, areas and labels do not. Decoded in the page itself, so the
 * test needs no image library. Returns the share of the most common colour.
 */
// A real view measured 0.55 (framed on the district) to 0.94 (zoom 15 in town); an empty one is ~1.
const DOMINANT_MAX = 0.98;

export async function expectMapDrawn(page: Page, picker: ReturnType<Page['locator']>): Promise<number> {
  const map = picker.locator('[data-map]');
  // The map loads when it comes into view.
  await map.scrollIntoViewIfNeeded();
  await picker.locator('[data-map="ready"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(800); // tiles and labels settle after the style loads
  const box = (await map.boundingBox())!;
  const png = (await page.screenshot({ clip: { x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4 } })).toString('base64');
  const dominant = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map<number, number>();
    const { width, height } = bitmap;
    let counted = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const x = (i / 4) % width;
      const y = Math.floor(i / 4 / width);
      const attribution = x > width * 0.55 && y > height - 30;
      const pin = Math.abs(x - width / 2) < 40 && Math.abs(y - height / 2) < 60;
      if (attribution || pin) continue;
      counted++;
      const key = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Math.max(...counts.values()) / counted;
  }, png);
  if (dominant > DOMINANT_MAX) throw new Error(`The map looks blank: one colour covers ${(dominant * 100).toFixed(0)}% of it.`);
  return dominant;
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
