// Issue #16 item 3, on the demo with the browser's own buttons: Back and Forward move between the
// report form's pages keeping the answers, and Back from its first page leaves for the page the
// resident came from (the council's home page), as on any website.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('the browser’s Back and Forward buttons on the report form', () => {
  it('move between its pages with the answers kept, and Back from the first page leaves the form', async () => {
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/`);
    await page.getByRole('link', { name: 'Report a pothole' }).click();
    await page.waitForURL('**/report-a-pothole.html');
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Continue', exact: true }).click();
    const depth = form.getByRole('radio', { name: '4cm to 10cm' });
    const where = form.getByRole('radio', { name: 'In the road, where cars drive' });
    const third = form.getByRole('radio', { name: 'No', exact: true });

    await depth.check();
    await next();
    await where.check();
    await next();
    await third.waitFor();

    await page.goBack();
    await where.waitFor();
    await expect(where.isChecked()).resolves.toBe(true);
    await page.goBack();
    await depth.waitFor();
    await expect(depth.isChecked()).resolves.toBe(true);
    await page.goForward();
    await where.waitFor();
    await expect(where.isChecked()).resolves.toBe(true);
    await page.goForward();
    await third.waitFor();

    // Back past the first page: the council's home page, not a page of the form again.
    await page.goBack();
    await page.goBack();
    await depth.waitFor();
    await page.goBack();
    await page.waitForURL(`${demo.url}/`);
    await page.getByRole('link', { name: 'Report a pothole' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
