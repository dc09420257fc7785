// A resident on the demo council's "Have your say" page asks for emails about new consultations
// on a topic, the confirmation email arrives in the dev mailbox, and its link turns the alerts
// on: the real server, the real mail queue and mailbox, Chromium driven by roles and labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo, type Mail } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

/** The dev mailbox's emails to `to`, once there are `count` of them (the queue sends on its own). */
async function mailTo(to: string, count = 1): Promise<Mail[]> {
  for (let tries = 0; ; tries++) {
    const mail = (await demo.mailbox()).filter((m) => m.to.includes(to));
    if (mail.length >= count) return mail;
    if (tries > 300) throw new Error(`expected ${count} email(s) to ${to}, got ${mail.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('email alerts from the "Have your say" page', () => {
  it('signs up for a topic from the hub, gets the email in the dev mailbox, and its link confirms', async () => {
    const email = `hub-${Date.now().toString(36)}@example.org`;
    const { page, pageErrors } = await demo.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/have-your-say.html`);
    const hub = page.locator('civic-consultation-hub');
    await hub.getByRole('heading', { name: 'Open consultations' }).waitFor();

    // The alert follows the filters: tick a topic, and the form says what it will send.
    await hub.getByRole('group', { name: 'Topics' }).getByLabel('Transport and roads').check();
    const alerts = hub.getByRole('region', { name: 'Get emails about new consultations' });
    await alerts.getByText('Transport and roads').waitFor();
    await alerts.getByLabel('Email address').fill(email);
    await alerts.getByRole('button', { name: 'Subscribe' }).click();
    await alerts.getByRole('status').getByText(`We have sent a link to ${email}.`).waitFor();

    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Confirm you want emails about new consultations');
    expect(mail!.text).toContain('Topics: Transport and roads.');
    const link = /https?:\/\/\S+\/api\/consultations\/alerts\/confirm\?token=[0-9a-f-]{36}/.exec(mail!.text)?.[0];
    expect(link, mail!.text).toBeTruthy();

    // Asking again (a second tab, or someone else typing the address) does not spoil the link.
    await page.reload();
    await hub.getByRole('group', { name: 'Topics' }).getByLabel('Transport and roads').check();
    await alerts.getByLabel('Email address').fill(email);
    await alerts.getByRole('button', { name: 'Subscribe' }).click();
    await alerts.getByRole('status').waitFor();

    // The link from the email: a page with a button (mail scanners follow links; only the button acts).
    const reader = await demo.newPage();
    reader.page.setDefaultTimeout(15_000);
    await reader.page.goto(link!);
    await reader.page.getByRole('heading', { level: 1, name: 'Confirm your email alerts' }).waitFor();
    await reader.page.getByText(`Get an email at ${email} when we open a new consultation.`).waitFor();
    await reader.page.getByRole('button', { name: 'Confirm' }).click();
    await reader.page.getByRole('heading', { level: 1, name: 'Your email alerts are on' }).waitFor();
    expect(pageErrors).toEqual([]);
    expect(reader.pageErrors).toEqual([]);
  }, 120_000);
});
