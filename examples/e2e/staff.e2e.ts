import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmEmailUpdates, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

/** A report as a council's other channels (or the report form) would send it. */
async function report(fields: Record<string, string>) {
  const response = await fetch(`${demo.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const [created] = (await response.json()) as { service_request_id: string }[];
  return created!.service_request_id;
}

describe('the demo back office (/staff)', () => {
  it('lists a new report, posts an update that the resident is emailed about, and escapes what residents typed', async () => {
    const id = await report({
      service_code: 'graffiti',
      lat: '52.228154',
      long: '-1.514804',
      address_string: '2 High Street, Larkmead',
      description: '<script>alert(1)</script> tag on the bus shelter',
      'attribute[surface]': 'street_furniture',
      'attribute[offensive]': 'no',
      email: 'resident@example.org',
      first_name: 'Ada',
      email_updates: 'true',
    });
    await confirmEmailUpdates(demo, 'resident@example.org');
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/staff`);
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("demo: not for real residents' data").isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: id }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Report ${id}`) }).waitFor();
    // Stored text is shown as text: the script tag is visible, not run.
    await expect(page.getByText('<script>alert(1)</script> tag on the bus shelter').isVisible()).resolves.toBe(true);

    // Submitting without a message shows the GOV.UK error pattern.
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter a message to the resident' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('description');

    await page.getByLabel('New status').selectOption({ label: 'Action scheduled' });
    await page.getByLabel('Message to the resident', { exact: true }).fill('We will clean the shelter on Friday.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await page.getByRole('heading', { name: 'Update posted' }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'We will clean the shelter on Friday.' }).count()).resolves.toBe(1);

    // Reloading the confirmation does not post twice.
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: 'We will clean the shelter on Friday.' }).count()).resolves.toBe(1);

    const updates = await (await fetch(`${demo.url}/open311/v2/servicerequestupdates.json?service_request_id=${id}`)).json();
    expect(updates).toMatchObject([{ status: 'action_scheduled', description: 'We will clean the shelter on Friday.' }]);
    const mail = await demo.mailbox();
    const toResident = mail.filter((m) => m.to.includes('resident@example.org'));
    expect(toResident.map((m) => m.subject)).toEqual(
      expect.arrayContaining([`Your report ${id}: Graffiti`, expect.stringContaining(`Update on ${id}`)]),
    );
    expect(pageErrors).toEqual([]);
  });

  it('refuses an update posted from another site', async () => {
    const id = await report({ service_code: 'graffiti', address_string: '2 High Street, Larkmead', 'attribute[surface]': 'wall_or_fence', 'attribute[offensive]': 'no' });
    const response = await fetch(`${demo.url}/staff/reports/${id}/updates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ status: 'fixed', description: 'Nothing to see' }),
    });
    expect(response.status).toBe(403);
    const updates = await (await fetch(`${demo.url}/open311/v2/servicerequestupdates.json?service_request_id=${id}`)).json();
    expect(updates).toEqual([]);
  });
});
