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
