// examples/framework: a React 19 app that uses the npm packages (workspace links), built with
// vite like any app. The test builds it, then checks typed events and form participation.
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  await build({ root: join(root, 'examples/framework'), logLevel: 'error', configFile: join(root, 'examples/framework/vite.config.ts') });
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('the widgets in a React 19 app built from the npm packages', () => {
  it('renders them, delivers their typed events to React, and submits the picker with the form', async () => {
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/examples/framework/`);
    await page.getByRole('heading', { level: 1, name: 'Civic Widgets in a React app' }).waitFor();
    await page.locator('civic-report-form').getByRole('radio', { name: '4cm to 10cm' }).waitFor();

    const picker = page.locator('civic-location-picker');
    await picker.getByRole('combobox', { name: 'Address or postcode' }).fill('7 High Street');
    await picker.getByRole('option', { name: '7 High Street, Larkmead, LK1 1AA' }).click();
    // civic-location-change reached React's state through the typed listener.
    await page.getByText('Chosen: 7 High Street, Larkmead, LK1 1AA').waitFor();

    await page.getByRole('button', { name: 'Save event' }).click();
    const data = page.getByRole('definition');
    await data.first().waitFor();
    const entries = await page.locator('dl[aria-label="Submitted form data"] > div').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent])),
    );
    expect(entries.event).toBe('Street party');
    expect(entries['where[address]']).toBe('7 High Street, Larkmead, LK1 1AA');
    expect(Number(entries['where[lat]'])).toBeCloseTo(52.2, 0);
    expect(Number(entries['where[lng]'])).toBeCloseTo(-1.5, 0);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the form from submitting until a place is chosen (the picker is required)', async () => {
    const { page } = await demo.newPage();
    await page.goto(`${demo.url}/examples/framework/`);
    await page.getByRole('button', { name: 'Save event' }).click();
    await page.waitForTimeout(300);
    await expect(page.locator('dl[aria-label="Submitted form data"]').count()).resolves.toBe(0);
    await expect(page.locator('civic-location-picker').evaluate((el) => (el as HTMLElement & { validity: ValidityState }).validity.valid)).resolves.toBe(false);
  });
});
