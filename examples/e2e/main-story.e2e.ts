// The demo's main story, as a resident and a council officer would live it: report a pothole on
// the council site, get a reference, the officer posts an update on the staff page, the
// resident's tracker shows it with both photos, and the dev mailbox holds the receipt and the
// update email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmEmailUpdates, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('report a pothole, follow it, get told', () => {
  it('goes from the council website to the back office and back to the resident', async () => {
    const email = `pothole-${Date.now()}@example.org`;
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/report-a-pothole.html`);
    const form = page.locator('civic-report-form');

    await form.getByRole('radio', { name: '4cm to 10cm' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('radio', { name: 'In the road, where cars drive' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('radio', { name: 'No' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await form.getByLabel('Tell us more about the problem (optional)').fill('Deep hole next to the bus stop, cyclists swerve round it.');
    await form.getByRole('button', { name: 'Continue' }).click();

    // Where: the address search is a complete route, no map needed.
    await form.getByRole('heading', { name: 'Where is the problem?' }).waitFor();
    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await form.getByRole('button', { name: 'Continue' }).click();
    // Other end-to-end files share this server and report potholes on High Street too: when one is
    // still open nearby, the form first asks whether this is the same problem.
    const photos = form.getByRole('heading', { name: 'Add photos (optional)' });
    const different = form.getByRole('radio', { name: 'No, it is a different problem' });
    await photos.or(different).first().waitFor();
    if (await different.isVisible()) {
      await different.check();
      await form.getByRole('button', { name: 'Continue' }).click();
    }
    await photos.waitFor();
    // Two photos (the file chooser is the system's: hand the input the files as it would).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await form.getByLabel('Choose photos').setInputFiles([
      { name: 'hole.png', mimeType: 'image/png', buffer: png },
      { name: 'kerb.png', mimeType: 'image/png', buffer: png },
    ]);
    await form.getByRole('img', { name: 'Photo 2: kerb.png' }).waitFor();
    await form.getByRole('button', { name: 'Continue' }).click();

    await form.getByLabel('Full name (optional)').fill('Ada Lovelace');
    await form.getByLabel('Email address (optional)').fill(email);
    await form.getByRole('checkbox', { name: 'Send me updates about this report by email' }).check();
    await form.getByRole('button', { name: 'Continue' }).click();

    await form.getByRole('heading', { name: 'Check your answers before sending your report' }).waitFor();
    await expect(form.getByRole('definition').filter({ hasText: '3 High Street, Larkmead, LK1 1AA' }).count()).resolves.toBe(1);
    await form.getByRole('button', { name: 'Send report' }).click();

    await form.getByRole('heading', { name: 'Report sent' }).waitFor();
    const reference = (await form.getByRole('strong').first().textContent())!.trim();
    expect(reference).toMatch(/^LDC-\d+$/);
    await expect(form.getByText(`We have sent a receipt to ${email}.`).isVisible()).resolves.toBe(true);
    // The resident confirms the updates by the link in the receipt (nobody else can sign them up).
    await confirmEmailUpdates(demo, email);

    // The officer sees it in the back office and posts an update.
    const officer = (await demo.newPage()).page;
    await officer.goto(`${demo.url}/staff`);
    await officer.getByRole('link', { name: reference, exact: true }).click();
    await expect(officer.getByText('Deep hole next to the bus stop, cyclists swerve round it.').isVisible()).resolves.toBe(true);
    await expect(officer.getByText('Highways team').first().isVisible()).resolves.toBe(true);
    await officer.getByLabel('New status').selectOption({ label: 'Action scheduled' });
    await officer.getByLabel('Message to the resident', { exact: true }).fill('We will fill this pothole on Thursday morning.');
    await officer.getByRole('button', { name: 'Post update' }).click();
    await officer.getByRole('heading', { name: 'Update posted' }).waitFor();

    // The resident follows the link from the confirmation to the tracker, which shows the update.
    await form.getByRole('link', { name: 'Check the progress of your report' }).click();
    await page.waitForURL(`**/track-your-report.html?ref=${reference}`);
    const tracker = page.locator('civic-case-tracker');
    await tracker.getByRole('heading', { name: new RegExp(`Report ${reference}`) }).waitFor();
    await tracker.getByText('We will fill this pothole on Thursday morning.').waitFor();
    await expect(tracker.getByText('Action scheduled').first().isVisible()).resolves.toBe(true);
    // Both photos, as thumbnails linked to the full size.
    for (const n of [1, 2]) {
      const link = tracker.getByRole('link', { name: `Photo ${n} of 2 sent with the report` });
      await link.getByRole('img').waitFor();
      expect(await link.getAttribute('href')).toMatch(/\/open311\/v2\/media\/[0-9a-f]{32}\.jpg$/);
    }

    // Both emails are in the dev mailbox.
    const mail = (await demo.mailbox()).filter((m) => m.to.includes(email));
    const receipt = mail.find((m) => m.subject === `Your report ${reference}: Pothole`);
    const update = mail.find((m) => m.subject.startsWith(`Update on ${reference}`));
    expect(receipt?.text).toContain('Our highways team will inspect it within 5 working days.');
    expect(update?.text).toContain('We will fill this pothole on Thursday morning.');
    expect(update?.text).toContain('Action scheduled');
    expect(pageErrors).toEqual([]);
    // A long walk (a report with two photos, the back office, the tracker): minutes on a busy machine.
  }, 180_000);
});
