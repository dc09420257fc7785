// A Welsh-speaking resident's whole walk, from the CDN build on the demo: report a pothole on the
// Welsh page, confirm email updates from the Welsh receipt, the officer answers in both languages
// on /staff, and the Welsh tracker and the Welsh update email carry the Welsh message and the
// team's Welsh name. Every screen and email is checked for English words outside names and places.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from './harness.ts';
import { expectWelsh, residentsWordsNearby } from './welsh-text.ts';
import { expectNoEnglish } from '../../scripts/lib/english-words.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('report a pothole in Welsh, follow it in Welsh, get told in Welsh', () => {
  it('goes from the Welsh page to the back office and back to the resident, in Welsh all the way', async () => {
    const email = `twll-${Date.now()}@example.org`;
    const address = '3 High Street, Larkmead, LK1 1AA';
    const allow = [address, '3 High Street', 'Ada Lovelace', email];
    const { page, pageErrors } = await demo.newPage({ locale: 'cy-GB' });
    await page.goto(`${demo.url}/cy/rhoi-gwybod-am-dwll-yn-y-ffordd.html`);
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Parhau', exact: true }).click();

    await form.getByRole('radio', { name: '4cm i 10cm' }).check();
    await expectWelsh(form, 'the first question', allow);
    await next();
    await form.getByRole('radio', { name: 'Yn y ffordd, lle mae ceir yn gyrru' }).check();
    await next();
    await form.getByRole('radio', { name: 'Nac ydy' }).check();
    await next();
    await form.getByRole('textbox').first().fill('Twll dwfn wrth yr arhosfan bysiau.');
    await expectWelsh(form, 'the description page', allow);
    await next();

    await form.getByRole('heading', { name: /Ble mae.r broblem\?/ }).waitFor();
    await form.getByRole('combobox', { name: 'Cyfeiriad neu god post' }).fill('3 High Street');
    await form.getByRole('option', { name: address }).click();
    await expectWelsh(form, 'the place page', allow);
    await next();
    // Other end-to-end files share this server and report potholes on High Street too: when one is
    // still open nearby, the form first asks (in Welsh) whether this is the same problem.
    const photos = form.getByRole('heading', { name: 'Ychwanegu lluniau (dewisol)' });
    const already = form.getByText('Oes rhywun eisoes wedi rhoi gwybod amdani?').first();
    await photos.or(already).first().waitFor();
    if (await already.isVisible()) {
      await expectWelsh(form, 'the reports already made nearby', [...allow, ...(await residentsWordsNearby(demo.url))]);
      await form.getByRole('radio', { name: /^Na/ }).check();
      await next();
      await photos.waitFor();
    }
    await expectWelsh(form, 'the photos page', allow);
    await next();

    await form.getByLabel('Enw llawn (dewisol)').fill('Ada Lovelace');
    await form.getByLabel('Cyfeiriad e-bost (dewisol)').fill(email);
    await form.getByRole('checkbox', { name: 'Anfonwch ddiweddariadau am yr adroddiad hwn ataf drwy e-bost' }).check();
    await expectWelsh(form, 'your details', allow);
    await next();

    await form.getByRole('heading', { name: 'Gwiriwch eich atebion cyn anfon eich adroddiad' }).waitFor();
    await expectWelsh(form, 'check your answers', allow);
    await form.getByRole('button', { name: 'Anfon adroddiad' }).click();

    await form.getByRole('heading', { name: /Adroddiad wedi.i anfon/ }).waitFor();
    const reference = (await form.getByRole('strong').first().textContent())!.trim();
    expect(reference).toMatch(/^LDC-\d+$/);
    await expectWelsh(form, 'the confirmation', allow);

    // The Welsh receipt's confirm link opens a Welsh page; its button turns the updates on.
    const receipt = await mailTo(email, (m) => m.subject === `Eich adroddiad ${reference}: Twll yn y ffordd`);
    expect(receipt.text).toContain('Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.');
    expectNoEnglish(`${receipt.subject}\n${receipt.text}`, 'the receipt', [...allow, 'Larkmead']);
    const confirmLink = /https?:\/\/\S+\/subscriptions\/confirm\?token=\S+/.exec(receipt.text)![0];
    const confirmTab = (await demo.newPage({ locale: 'cy-GB' })).page;
    await confirmTab.goto(confirmLink);
    await expect(confirmTab.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await expect(confirmTab.getByRole('link', { name: 'English' }).getAttribute('hreflang')).resolves.toBe('en');
    await confirmTab.getByRole('button', { name: 'Cadarnhau' }).click();
    await confirmTab.getByRole('heading', { name: 'Byddwch yn cael diweddariadau drwy e-bost' }).waitFor();
    expectNoEnglish(await confirmTab.locator('main').innerText(), 'the confirmed page', [...allow, 'Larkmead']);

    // The officer sees the resident wrote in Welsh and answers in both languages.
    const officer = (await demo.newPage()).page;
    await officer.goto(`${demo.url}/staff`);
    await officer.getByRole('link', { name: reference, exact: true }).click();
    await expect(officer.getByText('The resident wrote in Welsh.').isVisible()).resolves.toBe(true);
    await officer.getByLabel('New status').selectOption({ label: 'Action scheduled' });
    await officer.getByLabel('Message to the resident', { exact: true }).fill('We will fill this pothole on Thursday morning.');
    await officer.getByLabel('Message to the resident in Welsh (optional)').fill('Byddwn yn llenwi’r twll hwn fore dydd Iau.');
    await officer.getByRole('button', { name: 'Post update' }).click();
    await officer.getByRole('heading', { name: 'Update posted' }).waitFor();

    // The confirmation links to the Welsh tracker, which reads the case in Welsh: the Welsh
    // message (in the timeline, and not the English as the case's latest note) and the team.
    await form.getByRole('link', { name: 'Gwirio hynt eich adroddiad' }).click();
    await page.waitForURL(`**/cy/dilyn-eich-adroddiad.html?ref=${reference}`);
    const tracker = page.locator('civic-case-tracker');
    await tracker.getByRole('heading', { name: new RegExp(`Adroddiad ${reference}`) }).waitFor();
    await tracker.getByRole('listitem').filter({ hasText: 'Byddwn yn llenwi’r twll hwn fore dydd Iau.' }).waitFor();
    await expect(tracker.getByText('Cyngor Dosbarth Larkmead: Tîm priffyrdd', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(tracker.getByText('Twll yn y ffordd').first().isVisible()).resolves.toBe(true);
    await expect(tracker.getByText('We will fill this pothole on Thursday morning.').count()).resolves.toBe(0);
    await expectWelsh(tracker, 'the case', [...allow, 'Twll dwfn wrth yr arhosfan bysiau.']);

    // The update email is Welsh, and its case link opens the case in Welsh.
    const update = await mailTo(email, (m) => m.subject.startsWith(`Diweddariad am ${reference}`));
    expect(update.text).toContain('Byddwn yn llenwi’r twll hwn fore dydd Iau.');
    expectNoEnglish(`${update.subject}\n${update.text}`, update.subject, [...allow, 'Larkmead']);
    expect(pageErrors.filter((e) => !/widget-config/.test(e))).toEqual([]);
  });
});

/** The email to `to` that `matches`, waiting for the mail queue's worker to send it. */
async function mailTo(to: string, matches: (m: { subject: string; text: string }) => boolean) {
  for (let attempt = 0; ; attempt++) {
    const found = (await demo.mailbox()).find((m) => m.to.includes(to) && matches(m));
    if (found) return found;
    if (attempt > 200) throw new Error(`No matching email to ${to}: ${(await demo.mailbox()).filter((m) => m.to.includes(to)).map((m) => m.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
