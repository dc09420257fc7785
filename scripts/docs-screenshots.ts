// Takes the screenshots in docs/screenshots from the real demo: builds nothing (run `vite build`
// or `pnpm start` once first), starts the demo server on a fresh database with the sample reports, walks the main story
// in headless Chromium and saves PNGs. Run: `pnpm exec tsx scripts/docs-screenshots.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, demoReportsPath } from '@civic-widgets/server';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';
import { demoStaticDirs } from '../examples/demo-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/screenshots');
const dataDir = mkdtempSync(join(tmpdir(), 'civic-shots-'));
// As `pnpm start` runs it: the demo council with its sample reports.
const server = await createServer({ demo: true, port: 0, quiet: true, dataDir, staticDirs: demoStaticDirs(root), demoReports: demoReportsPath });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

async function shoot(page: Page, name: string, target?: string) {
  await page.waitForTimeout(600);
  const path = join(out, `${name}.png`);
  if (target === 'viewport') await page.screenshot({ path });
  else if (target) await page.locator(target).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await shoot(page, 'council-home');

  await page.goto(`${server.url}/report-a-pothole.html`);
  const form = page.locator('civic-report-form');
  await form.getByRole('radio', { name: '4cm to 10cm' }).waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, 'report-form-question', 'main');
  await form.getByRole('radio', { name: '4cm to 10cm' }).check();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('radio', { name: 'In the road, where cars drive' }).check();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('radio', { name: 'No' }).check();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByLabel('Tell us more about the problem (optional)').fill('Deep hole next to the bus stop.');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
  await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
  await form.locator('[data-map="ready"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await shoot(page, 'report-form-where', 'main');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByLabel('Full name (optional)').fill('Ada Lovelace');
  await form.getByLabel('Email address (optional)').fill('ada@example.org');
  await form.getByRole('checkbox', { name: 'Send me updates about this report by email' }).check();
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('button', { name: 'Send report' }).waitFor();
  await shoot(page, 'report-form-check', 'main');
  await form.getByRole('button', { name: 'Send report' }).click();
  await form.getByRole('heading', { name: 'Report sent' }).waitFor();
  const reference = (await form.getByRole('strong').first().textContent())!.trim();
  await shoot(page, 'report-form-confirmation', 'main');

  const staff = await context.newPage();
  await staff.goto(`${server.url}/staff/reports/${reference}`);
  await staff.getByLabel('New status').selectOption({ label: 'Action scheduled' });
  await staff.getByLabel('Message to the resident').fill('We will fill this pothole on Thursday morning.');
  await shoot(staff, 'staff-report');
  await staff.getByRole('button', { name: 'Post update' }).click();
  await staff.goto(`${server.url}/staff`);
  await shoot(staff, 'staff-list');

  await page.goto(`${server.url}/track-your-report.html?ref=${reference}`);
  await page.locator('civic-case-tracker').getByText('We will fill this pothole on Thursday morning.').waitFor();
  await shoot(page, 'case-tracker', 'main');

  await page.goto(`${server.url}/have-your-say.html`);
  await page.locator('civic-consultation-hub').getByRole('heading', { name: 'Open consultations' }).waitFor();
  await shoot(page, 'consultation-hub', 'main');
  await page.goto(`${server.url}/consultation.html?consultation=town-centre-2026`);
  await page.locator('civic-consultation').getByRole('button', { name: /Start now/ }).click();
  await page.locator('civic-consultation').getByRole('radio').first().waitFor();
  await shoot(page, 'consultation-question', 'main');
  await page.goto(`${server.url}/consultation-results.html`);
  await page.locator('civic-consultation').getByRole('table').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  await shoot(page, 'consultation-results', 'main');

  await page.goto(`${server.url}/cy/rhoi-gwybod-am-dwll-yn-y-ffordd.html`);
  await page.locator('civic-report-form').getByRole('radio').first().waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, 'report-form-welsh', 'main');

  await page.goto(`${server.url}/theme-example.html`);
  await page.locator('civic-report-form').getByRole('radio').first().waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, 'theme-example');

  await page.goto(`${server.url}/examples/hostile-cms/`);
  await page.locator('#report-form').getByRole('radio').first().waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await shoot(page, 'hostile-cms', 'viewport');
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
