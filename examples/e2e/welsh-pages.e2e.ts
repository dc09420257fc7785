// The Welsh demo pages not walked by welsh-walk.e2e.ts and welsh.e2e.ts, each through its
// widget's whole flow as a Welsh-speaking resident would, from the CDN build: the general report
// form (a category other than pothole, chosen by its Welsh name), the speeding traffic form, the
// consultation hub (search, a topic, a consultation) and the tracker looked up by a reference.
// Every screen is checked for English words outside names, places, addresses and references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDemo, type Demo } from './harness.ts';
import { expectWelsh, residentsWordsNearby } from './welsh-text.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

const address = '3 High Street, Larkmead, LK1 1AA';
const name = 'Ada Lovelace';

/** The report form's place, photos and details pages, then check answers and the confirmation; returns the reference. */
async function placeDetailsAndSend(form: Locator, allow: string[]): Promise<string> {
  const next = () => form.getByRole('button', { name: 'Parhau', exact: true }).click();
  await form.getByRole('heading', { name: /Ble mae.r broblem\?/ }).waitFor();
  await form.getByRole('combobox', { name: 'Cyfeiriad neu god post' }).fill('3 High Street');
  await form.getByRole('option', { name: address }).click();
  await expectWelsh(form, 'the place page', allow);
  await next();

  // Reports already made near the place are offered first; this is a different problem.
  const photos = form.getByRole('heading', { name: 'Ychwanegu lluniau (dewisol)' });
  const already = form.getByText('Oes rhywun eisoes wedi rhoi gwybod amdani?').first();
  await photos.or(already).waitFor();
  if (await already.isVisible()) {
    await expectWelsh(form, 'the reports already made nearby', [...allow, ...(await residentsWordsNearby(demo.url))]);
    await form.getByRole('radio', { name: /^Na/ }).check();
    await next();
    await photos.waitFor();
  }
  await expectWelsh(form, 'the photos page', allow);
  await next();

  await form.getByRole('heading', { name: 'Eich manylion' }).waitFor();
  await form.getByLabel(/^Enw llawn/).fill(name);
  await expectWelsh(form, 'your details', allow);
  await next();

  await form.getByRole('heading', { name: 'Gwiriwch eich atebion cyn anfon eich adroddiad' }).waitFor();
  await expectWelsh(form, 'check your answers', allow);
  await form.getByRole('button', { name: 'Anfon adroddiad' }).click();

  await form.getByRole('heading', { name: /Adroddiad wedi.i anfon/ }).waitFor();
  const reference = (await form.getByRole('strong').first().textContent())!.trim();
  expect(reference).toMatch(/^LDC-\d+$/);
  await expectWelsh(form, 'the confirmation', [...allow, reference]);
  return reference;
}

const errorsOf = (pageErrors: string[]) => pageErrors.filter((e) => !/widget-config/.test(e));

async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
  const { page, pageErrors } = await demo.newPage({ locale: 'cy-GB' });
  await page.goto(`${demo.url}${path}`);
  return { page, pageErrors };
}

/**
 * What staff published in English only: other end-to-end files author consultations on this
 * shared server without Welsh, and the hub rightly shows those as written. The demo's own
 * consultations all have their Welsh, so they are still checked word by word.
 */
async function englishOnly(): Promise<string[]> {
  const list: unknown = await (await fetch(`${demo.url}/api/consultations`)).json();
  const words: string[] = [];
  // A text is a plain string (English only) or { en, cy? }.
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (['title', 'summary', 'label'].includes(key)) words.push(value);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const text = value as { en?: unknown; cy?: unknown };
    if (typeof text.en === 'string' && !text.cy) words.push(text.en);
    for (const [name, inner] of Object.entries(value)) visit(inner, Array.isArray(value) ? key : name);
  };
  visit(list);
  return words;
}

describe('the Welsh demo pages, each widget walked through in Welsh', () => {
  let graffitiReference = '';

  it('reports graffiti from the general Welsh report page, chosen by its Welsh name', async () => {
    const allow = [address, '3 High Street', name];
    const { page, pageErrors } = await open('/cy/rhoi-gwybod-am-broblem.html');
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Parhau', exact: true }).click();

    await form.getByRole('heading', { name: 'Beth ydych chi am ei roi gwybod amdano?' }).waitFor();
    await form.getByRole('radio', { name: /^Graffiti/ }).check();
    await expectWelsh(form, 'the categories', allow);
    await next();

    await form.getByRole('radio', { name: 'Mainc, bin, arwydd neu gysgodfan bws' }).check();
    await expectWelsh(form, 'what the graffiti is on', allow);
    await next();
    await form.getByRole('radio', { name: 'Nac ydy' }).check();
    await expectWelsh(form, 'whether it is offensive', allow);
    await next();
    await form.getByText('Dywedwch fwy wrthym am y broblem').first().waitFor();
    await form.getByRole('textbox').first().fill('Paent ar y gysgodfan bws.');
    await expectWelsh(form, 'the description page', allow);
    await next();

    graffitiReference = await placeDetailsAndSend(form, allow);
    expect(errorsOf(pageErrors)).toEqual([]);
  });

  it('reports speeding traffic from its Welsh page', async () => {
    const allow = [address, '3 High Street', name];
    const { page, pageErrors } = await open('/cy/rhoi-gwybod-am-oryrru.html');
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Parhau', exact: true }).click();

    await form.getByRole('radio', { name: '30mya' }).check();
    await expectWelsh(form, 'the speed limit', allow);
    await next();
    await form.getByRole('radio', { name: 'Mesurau arafu traffig, fel twmpathau cyflymder' }).check();
    await expectWelsh(form, 'what you would like done', allow);
    await next();
    await form.getByRole('textbox').first().fill('Boreau yn ystod yr wythnos tua 8yb.');
    await expectWelsh(form, 'when it happens', allow);
    await next();
    await form.getByText('Dywedwch fwy wrthym am y broblem').first().waitFor();
    await form.getByRole('textbox').first().fill('Ceir yn gyrru’n gyflym heibio’r ysgol.');
    await expectWelsh(form, 'the description page', allow);
    await next();

    await placeDetailsAndSend(form, allow);
    expect(errorsOf(pageErrors)).toEqual([]);
  });

  it('finds the graffiti report on the Welsh tracker by its reference', async () => {
    expect(graffitiReference).toMatch(/^LDC-\d+$/);
    const allow = [address, '3 High Street', graffitiReference, 'LDC-1001', 'Paent ar y gysgodfan bws.'];
    const { page, pageErrors } = await open('/cy/dilyn-eich-adroddiad.html');
    const tracker = page.locator('civic-case-tracker');
    const input = tracker.getByRole('textbox', { name: 'Cyfeirnod yr adroddiad' });
    await input.waitFor();
    await expectWelsh(tracker, 'the lookup', allow);
    await input.fill(graffitiReference);
    await tracker.getByRole('button', { name: 'Dod o hyd i’r adroddiad' }).or(tracker.getByRole('button', { name: "Dod o hyd i'r adroddiad" })).click();
    await tracker.getByRole('heading', { name: new RegExp(`Adroddiad ${graffitiReference}`) }).waitFor();
    await expect(tracker.getByText('Graffiti', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectWelsh(tracker, 'the case', allow);
    expect(errorsOf(pageErrors)).toEqual([]);
  });

  it('searches and filters the Welsh consultation hub, and opens a consultation', async () => {
    const allow = ['Fenbury', 'Thistleby', 'PDF', ...(await englishOnly())];
    const { page, pageErrors } = await open('/cy/dweud-eich-dweud.html');
    const hub = page.locator('civic-consultation-hub');
    const openGroup = hub.getByRole('heading', { name: 'Ymgynghoriadau agored' });
    await openGroup.waitFor();
    await expectWelsh(hub, 'the hub', allow);

    await hub.getByRole('searchbox', { name: 'Chwilio ymgynghoriadau' }).fill('parcio');
    await hub.getByRole('button', { name: 'Chwilio', exact: true }).click();
    await hub.getByText('Cafwyd 1 ymgynghoriad', { exact: true }).first().waitFor();
    await expect(hub.getByRole('link', { name: 'Taliadau meysydd parcio' }).isVisible()).resolves.toBe(true);
    await expectWelsh(hub, 'the hub, searched', allow);
    await hub.getByRole('button', { name: /^Clirio/ }).click();
    await hub.getByRole('link', { name: 'Ardaloedd chwarae yn Fenbury a Thistleby' }).waitFor();

    await hub.getByRole('checkbox', { name: 'Yr amgylchedd' }).check();
    const townCentre = hub.getByRole('link', { name: 'Stryd Fawr Larkmead: canol tref mwy diogel a gwyrddach' });
    await townCentre.waitFor();
    await expect(hub.getByRole('link', { name: 'Taliadau meysydd parcio' }).count()).resolves.toBe(0);
    await expectWelsh(hub, 'the hub, filtered by a topic', allow);

    await townCentre.click();
    await page.waitForURL('**/cy/ymgynghoriad.html?consultation=town-centre-2026');
    const consultation = page.locator('civic-consultation');
    await consultation.getByRole('heading', { name: 'Stryd Fawr Larkmead: canol tref mwy diogel a gwyrddach', level: 1 }).waitFor();
    await consultation.getByRole('button', { name: /^Dechrau nawr/ }).waitFor();
    await expectWelsh(consultation, 'the consultation opened from the hub', [...allow, 'LK1 1AA']);
    expect(errorsOf(pageErrors)).toEqual([]);
  });
});
