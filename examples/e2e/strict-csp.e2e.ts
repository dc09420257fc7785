// examples/strict-csp is served with a CSP that forbids inline script and style and eval
// (examples/demo-server.ts). Every widget, the maps included, must work with no violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMapDrawn, reportThroughApi, startDemo, type Demo } from './harness.ts';
import { STRICT_CSP } from '../demo-server.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('every widget under a strict Content-Security-Policy', () => {
  it('works, maps included, with no violation reported', async () => {
    const reference = await reportThroughApi(demo.url, {
      service_code: 'street_lights',
      lat: '52.227835',
      long: '-1.514792',
      address_string: '2 High Street, Larkmead',
      'attribute[fault]': 'off',
    });
    const { page, context, pageErrors } = await demo.newPage();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`), true);
    });
    const response = await page.goto(`${demo.url}/examples/strict-csp/`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    expect(STRICT_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);

    // The standalone location picker draws its map (MapLibre, WebGL, a worker) under the policy.
    await expectMapDrawn(page, page.locator('#location-picker'));
    await page.locator('#location-picker').getByRole('combobox', { name: 'Address or postcode' }).fill('5 High Street');
    await page.locator('#location-picker').getByRole('option', { name: '5 High Street, Larkmead, LK1 1AA' }).click();
    await page.locator('#location-picker').getByText('5 High Street, Larkmead, LK1 1AA').first().waitFor();

    // The report form reaches its own map.
    const form = page.locator('#report-form');
    await form.getByRole('radio', { name: 'More than 10cm' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('radio', { name: 'On the pavement' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('heading', { name: 'Where is the problem?' }).waitFor();
    await expectMapDrawn(page, form.locator('civic-location-picker'));

    // The case tracker looks a case up.
    const tracker = page.locator('#case-tracker');
    await tracker.getByRole('textbox').first().fill(reference);
    await tracker.getByRole('button', { name: 'Find report' }).click();
    await tracker.getByRole('heading', { name: new RegExp(reference) }).waitFor();

    // The consultation starts.
    const consultation = page.locator('#consultation');
    await consultation.getByRole('button', { name: /Start now/ }).click();
    await consultation.getByRole('heading', { name: 'You and the town centre' }).waitFor();
    await consultation.getByRole('radio', { name: 'Once or twice a week' }).check();

    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
