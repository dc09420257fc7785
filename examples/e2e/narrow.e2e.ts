// WCAG 1.4.10 (reflow): at 320 CSS pixels wide no step of any widget scrolls sideways, and no
// part of a widget reaches past the right edge (unless a scroll container of its own holds it).
// Walked as a resident would, by roles and labels, against the demo server every e2e file
// shares: the report form on every page of a pothole report (with its map and an error), a
// street light (the stopper page, the keyboard list of lamp posts), "Has someone already reported
// it?" and "already reported", a place in a neighbouring council; the standalone location picker;
// the case tracker with a case shown and in list mode (recent reports near a place, a second page,
// a case opened from the list); the report sent while offline (saved in the outbox, then sent by
// itself when the connection comes back); the consultation from its start page through every question
// page to check answers, its error pages, save and return and its confirmation; the "Have your
// say" hub (search, a topic, alerts, a closed consultation's "We asked, you said, we did"); and the
// Welsh pages, whose words are longer. The steps walked are counted, so a flow that stops early
// fails too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expectMapDrawn, reportThroughApi, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

const viewport = { width: 320, height: 640 };

/** The page's own width beyond the viewport, in CSS px (0: no horizontal scroll). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The elements (light DOM and shadow roots) reaching furthest past the viewport's right edge,
 * leaving out those inside a box that clips or scrolls them (a table's scroll container, the map)
 * and that box itself fits. `within` limits the search to the widgets (tags starting `civic-`).
 */
function widest(page: Page, within = false): Promise<string> {
  return page.evaluate((within) => {
    const edge = document.documentElement.clientWidth + 1;
    const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
    const held = (e: Element): boolean => {
      for (let a = parentOf(e); a; a = parentOf(a)) {
        if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= edge;
      }
      return false;
    };
    // A block keeps its width when a long word runs out of it: measure its text too.
    const textRight = (e: Element): number => {
      let right = -Infinity;
      if (getComputedStyle(e).overflowX !== 'visible') return right;
      for (const node of e.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        right = Math.max(right, range.getBoundingClientRect().right);
      }
      return right;
    };
    const out: [number, string][] = [];
    const walk = (root: Document | ShadowRoot | Element, inWidget: boolean) => {
      for (const e of root.querySelectorAll('*')) {
        const widget = inWidget || e.localName.startsWith('civic-');
        const r = e.getBoundingClientRect();
        const right = Math.max(r.right, textRight(e));
        if ((!within || widget) && right > edge && !held(e)) {
          out.push([right, `${e.localName}.${[...e.classList].join('.')}[${(e.textContent ?? '').trim().slice(0, 30)}] from ${Math.round(r.left)}`]);
        }
        if (e.shadowRoot) walk(e.shadowRoot, widget);
      }
    };
    walk(document, false);
    return out.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([x, n]) => `${n} to ${Math.round(x)}px`).join(', ');
  }, within);
}

interface Narrow {
  page: Page;
  context: BrowserContext;
  pageErrors: string[];
  /** Steps whose page scrolled sideways or had a part of a widget past the edge. */
  wide: string[];
  steps: string[];
  check(step: string): Promise<void>;
}

async function narrowPage(options: Parameters<Demo['newPage']>[0] = {}): Promise<Narrow> {
  const { page, context, pageErrors } = await demo.newPage({ viewport, ...options });
  const wide: string[] = [];
  const steps: string[] = [];
  const check = async (step: string) => {
    steps.push(step);
    const extra = await overflow(page);
    if (extra > 0) wide.push(`${step}: ${extra}px too wide (${await widest(page)})`);
    else {
      const past = await widest(page, true);
      if (past) wide.push(`${step}: past the right edge: ${past}`);
    }
  };
  return { page, context, pageErrors, wide, steps, check };
}

/** Answers each question group on a consultation page with its first choice, if not answered yet. */
async function answerFirstChoices(consultation: Locator): Promise<void> {
  for (const group of await consultation.getByRole('group').all()) {
    const radio = group.getByRole('radio').first();
    if ((await radio.count()) && !(await group.getByRole('radio', { checked: true }).count())) await radio.check();
    const box = group.getByRole('checkbox').first();
    if ((await box.count()) && !(await group.getByRole('checkbox', { checked: true }).count())) await box.check();
  }
}

// A resident's own words from another channel, with what does not wrap at a space: a long web
// address and a long Welsh place name. Shown on "Has someone already reported it?" and the tracker.
const LONG_WORDS =
  'Deep hole, photos at https://photos.example.org/larkmead/high-street/pothole-outside-number-three-by-the-bus-stop-2026.jpg ' +
  'near the Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch coach stop';
const NEAR_THREE = 'Outside 3 High Street, by the bus stop, Larkmead, LK1 1AA';

describe('at 320 CSS pixels wide', () => {
  it('no step of the report form, location picker, case tracker or consultation scrolls horizontally', async () => {
    const { page, pageErrors, wide, steps, check } = await narrowPage();

    await page.goto(`${demo.url}/report-a-pothole.html`);
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();
    await form.getByRole('radio', { name: '4cm to 10cm' }).waitFor();
    await check('report: first question');
    await next();
    await form.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check('report: first question with an error');
    await form.getByRole('radio', { name: '4cm to 10cm' }).check();
    await next();
    await form.getByRole('radio', { name: 'In the road, where cars drive' }).check();
    await check('report: second question');
    await next();
    await form.getByRole('radio', { name: 'No' }).check();
    await check('report: third question');
    await next();
    await form.getByLabel('Tell us more about the problem (optional)').fill('Deep hole by the bus stop');
    await check('report: description');
    await next();
    await form.getByRole('heading', { name: 'Where is the problem?' }).waitFor();
    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await expectMapDrawn(page, form.locator('civic-location-picker'));
    await check('location picker: map and chosen place');
    await next();
    const photos = form.getByRole('heading', { name: 'Add photos (optional)' });
    const different = form.getByRole('radio', { name: 'No, it is a different problem' });
    await photos.or(different).first().waitFor();
    if (await different.isVisible()) {
      // "Has someone already reported it?" when an open pothole is near.
      await check('report: already reported?');
      await different.check();
      await next();
    }
    await photos.waitFor();
    await check('report: photos');
    await next();
    await form.getByLabel('Full name (optional)').fill('Ada Lovelace');
    await check('report: your details');
    await next();
    await form.getByRole('heading', { name: 'Check your answers before sending your report' }).waitFor();
    await check('report: check answers');
    await form.getByRole('button', { name: 'Send report' }).click();
    await form.getByRole('heading', { name: 'Report sent' }).waitFor();
    await check('report: confirmation');
    const reference = (await form.getByRole('strong').first().textContent())!.trim();

    await page.goto(`${demo.url}/track-your-report.html`);
    const tracker = page.locator('civic-case-tracker');
    await tracker.getByRole('button', { name: 'Find report' }).waitFor();
    await check('tracker: look up');
    await tracker.getByRole('textbox').first().fill(reference);
    await tracker.getByRole('button', { name: 'Find report' }).click();
    await tracker.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    await check('tracker: the case');

    await page.goto(`${demo.url}/consultation.html?consultation=town-centre-2026`);
    const consultation = page.locator('civic-consultation');
    await consultation.getByRole('button', { name: /Start now/ }).waitFor();
    await check('consultation: start');
    await consultation.getByRole('button', { name: /Start now/ }).click();
    const checkPage = consultation.getByRole('heading', { name: /Check your answers/ });
    const problem = consultation.getByRole('heading', { name: 'There is a problem' });
    const title = consultation.getByRole('heading', { level: 1 });
    for (let i = 1; i <= 15 && !(await checkPage.isVisible()); i++) {
      await title.first().waitFor();
      const shown = (await title.first().textContent())!.trim();
      await check(`consultation: ${shown}`);
      // Answer each question with its first choice (text questions are optional here).
      await answerFirstChoices(consultation);
      await consultation.getByRole('button', { name: 'Continue' }).click();
      await expect.poll(async () => (await problem.isVisible()) || (await title.first().textContent())!.trim() !== shown).toBe(true);
      if (await problem.isVisible()) {
        await check(`consultation: ${shown} with an error`);
        break;
      }
    }
    if (await checkPage.isVisible()) await check('consultation: check answers');

    expect(wide).toEqual([]);
    expect(steps).toContain('consultation: check answers');
    expect(steps.length).toBeGreaterThanOrEqual(18);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the consultation: an error on a question page, save and return, a failed send, the confirmation, a wrong resume code, and the pages shown when it cannot load', async () => {
    const { page, context, pageErrors, wide, steps, check } = await narrowPage();
    await page.goto(`${demo.url}/consultation.html?consultation=town-centre-2026`);
    const consultation = page.locator('civic-consultation');
    const continueButton = consultation.getByRole('button', { name: 'Continue', exact: true });
    const problem = consultation.getByRole('heading', { name: 'There is a problem' });
    await consultation.getByRole('button', { name: /Start now/ }).click();
    await consultation.getByRole('heading', { name: 'You and the town centre' }).waitFor();
    await continueButton.click();
    await problem.waitFor();
    await check('consultation: a question page with errors and their summary');
    await answerFirstChoices(consultation);
    await consultation.getByRole('textbox', { name: /What is your postcode/ }).fill('LK1 1AA');
    await continueButton.click();
    await consultation.getByRole('heading', { name: 'The proposals' }).waitFor();

    // Save and come back later: the code, then "Email me the code" (refused, then sent).
    await consultation.getByRole('button', { name: 'Save and come back later' }).click();
    await consultation.getByRole('heading', { name: 'Your answers have been saved' }).waitFor();
    const code = (await consultation.locator('[part="resume-code"]').textContent())!.trim();
    await check('consultation: answers saved, with the resume code');
    const email = consultation.getByRole('textbox', { name: 'Email address' });
    await email.fill('not an email address');
    await consultation.getByRole('button', { name: 'Send me the code' }).click();
    await consultation.getByText('Enter an email address in the correct format, like name@example.com').first().waitFor();
    await check('consultation: the email address refused');
    // A long address, as real ones can be: it must wrap in "We have sent the code … to …".
    const long = `a.resident.with.a.rather.long.name.${Date.now().toString(36)}@larkmead-district-council-residents.example.org`;
    await email.fill(long);
    await consultation.getByRole('button', { name: 'Send me the code' }).click();
    await consultation.getByRole('status').filter({ hasText: `We have sent the code and a link to ${long}.` }).waitFor();
    await check('consultation: the code emailed to a long address');
    // Back another day in a new browser session (before this one sends its response, which ends
    // the saved answers): "Continue where you left off" with a code that is not one, then the
    // real one.
    const later = await narrowPage();
    const again = later.page.locator('civic-consultation');
    await later.page.goto(`${demo.url}/consultation.html?consultation=town-centre-2026`);
    const resume = again.getByRole('textbox', { name: 'Resume code' });
    await resume.fill('2345 6789');
    await again.getByRole('button', { name: 'Continue with my saved answers' }).click();
    await again.getByText('We could not find saved answers with that code.', { exact: false }).first().waitFor();
    await later.check('consultation: a resume code refused');
    await resume.fill(code);
    await again.getByRole('button', { name: 'Continue with my saved answers' }).click();
    await again.getByRole('heading', { name: 'The proposals' }).waitFor();
    await later.check('consultation: resumed at the saved page');
    await consultation.getByRole('button', { name: 'Continue answering' }).click();

    const checkPage = consultation.getByRole('heading', { name: /Check your answers/ });
    const title = consultation.getByRole('heading', { level: 1 });
    for (let i = 1; i <= 15 && !(await checkPage.isVisible()); i++) {
      await title.first().waitFor();
      const shown = (await title.first().textContent())!.trim();
      await answerFirstChoices(consultation);
      await continueButton.click();
      await expect.poll(async () => (await problem.isVisible()) || (await title.first().textContent())!.trim() !== shown).toBe(true);
      if (await problem.isVisible()) throw new Error(`"${shown}" refused its first choices`);
    }
    await checkPage.waitFor();

    // Sending while the connection is down: the check page says so and keeps the answers.
    await context.setOffline(true);
    await consultation.getByRole('button', { name: 'Send response' }).click();
    await consultation.getByText('Your response has not been sent.', { exact: false }).first().waitFor();
    await check('consultation: check answers when sending failed');
    await context.setOffline(false);
    await consultation.getByRole('button', { name: 'Send response' }).click();
    await consultation.getByRole('heading', { name: 'Response sent' }).waitFor();
    await check('consultation: confirmation');

    // The pages shown when the consultation cannot be shown.
    await later.page.goto(`${demo.url}/consultation.html?consultation=no-such-consultation`);
    await again.getByRole('heading', { name: 'We could not find this consultation' }).waitFor();
    await later.check('consultation: not found');
    // The connection failing while the consultation loads (the request is cut off in the browser).
    await later.page.route('**/api/consultations/town-centre-2026**', (route) => route.abort('internetdisconnected'));
    await later.page.goto(`${demo.url}/consultation.html?consultation=town-centre-2026`);
    await again.getByRole('heading', { name: 'Sorry, the consultation could not be loaded' }).waitFor();
    await later.check('consultation: could not be loaded');

    expect([...wide, ...later.wide]).toEqual([]);
    expect(steps.length + later.steps.length).toBe(10);
    expect([...pageErrors, ...later.pageErrors]).toEqual([]);
  }, 240_000);

  it('the "Have your say" hub: the list, a search, a topic, email alerts, and a closed consultation’s "We asked, you said, we did" with its tables', async () => {
    const { page, pageErrors, wide, steps, check } = await narrowPage();
    await page.goto(`${demo.url}/have-your-say.html`);
    const hub = page.locator('civic-consultation-hub');
    await hub.getByRole('heading', { name: 'Open consultations' }).waitFor();
    await check('hub: the list');
    const count = hub.locator('[part="count"]');
    const all = (await count.textContent())!.trim();
    await hub.getByRole('searchbox', { name: 'Search consultations' }).fill('car park');
    await hub.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(async () => (await count.textContent())!.trim()).not.toBe(all);
    await check('hub: searched');
    await hub.getByRole('button', { name: /^Clear/ }).click();
    await hub.getByRole('group', { name: 'Topics' }).getByLabel('Transport and roads').check();
    await check('hub: filtered by a topic');
    const alerts = hub.getByRole('region', { name: 'Get emails about new consultations' });
    await alerts.getByRole('button', { name: 'Subscribe' }).click();
    await alerts.getByText('Enter your email address').first().waitFor();
    await check('hub: the alerts form with an error');
    await hub.getByRole('group', { name: 'Topics' }).getByLabel('Transport and roads').uncheck();

    // A closed consultation with its outcome, opened from the hub.
    const outcomes = hub.getByRole('heading', { name: 'We asked, you said, we did' });
    await outcomes.waitFor();
    await hub.getByRole('link', { name: 'Opening hours at Larkmead Library' }).click();
    const consultation = page.locator('civic-consultation');
    await consultation.getByRole('heading', { name: 'We did' }).waitFor();
    await check('consultation: we asked, you said, we did');
    for (const summary of await consultation.getByText('Show these figures as a table').all()) await summary.click();
    await expect.poll(() => consultation.getByRole('table').count()).toBeGreaterThan(1);
    await check('consultation: the results with every table shown');
    await page.goto(`${demo.url}/consultation-results.html`);
    await consultation.getByRole('heading', { name: 'We did' }).waitFor();
    await check('consultation results page');

    expect(wide).toEqual([]);
    expect(steps).toHaveLength(7);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the report form’s other pages: the stopper, the keyboard list of street lights, "already reported?" with a long description, "already reported", and a place in a neighbouring council', async () => {
    // An open pothole by 3 High Street, reported on another channel with words that do not wrap.
    await reportThroughApi(demo.url, {
      service_code: 'potholes',
      lat: '52.22817',
      long: '-1.51479',
      address_string: NEAR_THREE,
      description: LONG_WORDS,
      // A photo (any image the demo serves), for the tracker to show.
      media_url: `${demo.url}/assets/logo.svg`,
      'attribute[depth]': 'deep',
      'attribute[position]': 'carriageway',
      'attribute[caused_damage]': 'no',
    });
    const { page, pageErrors, wide, steps, check } = await narrowPage();
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Continue', exact: true }).click();

    // A street light with its wires showing stops the form: "Call us now".
    await page.goto(`${demo.url}/report-a-problem.html`);
    await form.getByRole('radio', { name: 'Street light not working' }).first().waitFor();
    await check('report: the categories');
    await form.getByRole('radio', { name: 'Street light not working' }).first().check();
    await next();
    await form.getByRole('textbox', { name: 'What is the number on the lamp post? (optional)' }).waitFor();
    await next();
    await form.getByRole('radio', { name: 'Wires are showing or it has been knocked down' }).check();
    await next();
    await form.getByRole('heading', { name: 'You need to call us about this' }).waitFor();
    await check('report: the stopper (call us now)');
    await form.getByRole('button', { name: 'Change my answer' }).click();
    await form.getByRole('radio', { name: 'It is off at night' }).check();
    await next();
    const where = form.getByRole('heading', { name: 'Where is the problem?' });
    for (let i = 0; i < 4 && !(await where.isVisible()); i++) await next();
    await where.waitFor();
    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await form.locator('[data-map]').scrollIntoViewIfNeeded();
    const lights = form.getByRole('group', { name: 'Street lights near the place you chose (optional)' });
    await lights.waitFor({ timeout: 60_000 });
    await lights.getByRole('radio', { name: /^LM-\d+, \d+ metres away$/ }).first().focus();
    await page.keyboard.press('Space');
    await form.getByText(/LM-\d+ chosen\./).first().waitFor();
    await check('report: the map with the keyboard list of street lights');

    // A pothole by 3 High Street: the open one is offered first.
    await page.goto(`${demo.url}/report-a-pothole.html`);
    await form.getByRole('radio', { name: 'More than 10cm' }).check();
    await next();
    await form.getByRole('radio', { name: 'In the road, where cars drive' }).check();
    await next();
    await form.getByRole('radio', { name: 'No' }).check();
    await next();
    await form.getByLabel('Tell us more about the problem (optional)').waitFor();
    await next();
    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await next();
    const theirs = form.getByRole('radio', { name: NEAR_THREE }).first();
    await theirs.waitFor();
    await check('report: already reported? (a long description)');
    await next();
    await form.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check('report: already reported? with an error');
    await theirs.check();
    await next();
    await form.getByRole('heading', { name: 'This problem has already been reported' }).waitFor();
    await check('report: already reported, follow it');
    await form.getByRole('button', { name: 'Email me when this changes' }).click();
    await form.getByText('Enter your email address').first().waitFor();
    await check('report: already reported, follow it with an error');

    // The case tracker shows that report, long words, photo and all.
    const reference = (await form.getByText(/Its reference is LDC-\d+/).first().textContent())!.match(/LDC-\d+/)![0];
    await page.goto(`${demo.url}/track-your-report.html`);
    const tracker = page.locator('civic-case-tracker');
    await tracker.getByRole('textbox').first().fill(reference);
    await tracker.getByRole('button', { name: 'Find report' }).click();
    await tracker.getByRole('heading', { name: new RegExp(reference) }).waitFor();
    // Its photo (media_url above), loaded: photos load lazily, when scrolled to.
    const photos = tracker.locator('img');
    await photos.first().scrollIntoViewIfNeeded();
    await expect.poll(() => photos.evaluateAll((images) => images.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await check('tracker: a case with long words and a photo');
    await tracker.getByRole('button', { name: 'Look up another report' }).first().click();
    await tracker.getByRole('textbox').first().fill('LDC-999999');
    await tracker.getByRole('button', { name: 'Find report' }).click();
    await tracker.getByText('We cannot find a report with the reference LDC-999999.', { exact: false }).first().waitFor();
    await check('tracker: a reference not found');

    expect(wide).toEqual([]);
    expect(steps).toHaveLength(9);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the standalone location picker: its map, a place found, and a place in a neighbouring council', async () => {
    // "Use my location" in Westshire, the council next door.
    const { page, pageErrors, wide, steps, check } = await narrowPage({ geolocation: { latitude: 52.22, longitude: -1.7 }, permissions: ['geolocation'] });
    await page.goto(`${demo.url}/examples/strict-csp/`);
    const picker = page.locator('#location-picker');
    await expectMapDrawn(page, picker);
    await check('location picker: the map');
    await picker.getByRole('combobox', { name: 'Address or postcode' }).fill('5 High Street');
    await picker.getByRole('option', { name: '5 High Street, Larkmead, LK1 1AA' }).click();
    await picker.getByText('5 High Street, Larkmead, LK1 1AA').first().waitFor();
    await check('location picker: a place found');
    await picker.getByRole('button', { name: 'Use my location' }).click();
    await picker.locator('[part="notice"]').getByText('This location is in Westshire. Report it to Westshire Council.').waitFor();
    await picker.getByRole('link', { name: 'Go to Westshire' }).waitFor();
    await check('location picker: in a neighbouring council, with its link');

    expect(wide).toEqual([]);
    expect(steps).toHaveLength(3);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('the Welsh pages, whose words are longer: the report form’s questions, an error and its map, the consultation, the hub', async () => {
    const { page, pageErrors, wide, steps, check } = await narrowPage({ locale: 'cy-GB' });
    await page.goto(`${demo.url}/cy/rhoi-gwybod-am-dwll-yn-y-ffordd.html`);
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Parhau', exact: true }).click();
    await form.getByRole('radio', { name: '4cm i 10cm' }).waitFor();
    await check('Welsh report: first question');
    await next();
    await form.getByRole('heading', { name: 'Mae yna broblem' }).waitFor();
    await check('Welsh report: first question with an error');
    await form.getByRole('radio', { name: '4cm i 10cm' }).check();
    await next();
    await form.getByRole('radio', { name: 'Yn y ffordd, lle mae ceir yn gyrru' }).check();
    await next();
    await form.getByRole('radio', { name: 'Nac ydy' }).check();
    await next();
    await form.getByRole('textbox').first().waitFor();
    await check('Welsh report: description');
    await next();
    await form.getByRole('heading', { name: /Ble mae.r broblem\?/ }).waitFor();
    await check('Welsh report: where is the problem?');
    await form.getByRole('combobox', { name: 'Cyfeiriad neu god post' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await expectMapDrawn(page, form.locator('civic-location-picker'));
    await check('Welsh report: the map and chosen place');

    await page.goto(`${demo.url}/cy/ymgynghoriad.html?consultation=town-centre-2026`);
    const consultation = page.locator('civic-consultation');
    await consultation.getByRole('button', { name: /^Dechrau nawr/ }).waitFor();
    await check('Welsh consultation: start');
    await consultation.getByRole('button', { name: /^Dechrau nawr/ }).click();
    await consultation.getByRole('heading', { name: 'Chi a chanol y dref' }).waitFor();
    await check('Welsh consultation: first question page');

    await page.goto(`${demo.url}/cy/dweud-eich-dweud.html`);
    const hub = page.locator('civic-consultation-hub');
    await hub.getByRole('heading', { name: 'Ymgynghoriadau agored' }).waitFor();
    await check('Welsh hub');

    expect(wide).toEqual([]);
    expect(steps).toHaveLength(8);
    expect(pageErrors.filter((e) => !/widget-config/.test(e))).toEqual([]);
  }, 180_000);
  it('the report form sent while offline (saved in the outbox, then sent) and the case tracker’s list of recent reports near a place', async () => {
    // Two reports by 3 High Street, so the list has more than one page at two a page.
    for (const description of [LONG_WORDS, 'A second hole by the kerb']) {
      await reportThroughApi(demo.url, {
        service_code: 'potholes',
        lat: '52.22817',
        long: '-1.51479',
        address_string: NEAR_THREE,
        description,
        'attribute[depth]': 'deep',
        'attribute[position]': 'carriageway',
        'attribute[caused_damage]': 'no',
      });
    }
    const { page, context, pageErrors, wide, steps, check } = await narrowPage();
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Continue', exact: true }).click();

    // "Send report" with the connection down: the report is kept on this device.
    await page.goto(`${demo.url}/report-a-pothole.html`);
    await form.getByRole('radio', { name: '4cm to 10cm' }).check();
    await next();
    await form.getByRole('radio', { name: 'In the road, where cars drive' }).check();
    await next();
    await form.getByRole('radio', { name: 'No' }).check();
    await next();
    await form.getByLabel('Tell us more about the problem (optional)').fill('Deep hole by the bus stop');
    await next();
    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    await next();
    const photos = form.getByRole('heading', { name: 'Add photos (optional)' });
    const different = form.getByRole('radio', { name: 'No, it is a different problem' });
    await photos.or(different).first().waitFor();
    if (await different.isVisible()) {
      await different.check();
      await next();
    }
    await photos.waitFor();
    await next();
    await form.getByLabel('Full name (optional)').fill('Ada Lovelace');
    await next();
    await form.getByRole('heading', { name: 'Check your answers before sending your report' }).waitFor();
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Send report' }).click();
    await form.getByRole('heading', { name: 'Your report has not been sent yet' }).waitFor();
    await check('report: not sent yet, saved on this device');
    // The connection back, the outbox sends it by itself (no need for "Try sending it now").
    await context.setOffline(false);
    await form.getByRole('heading', { name: 'Report sent' }).waitFor();
    await form.getByText('Your connection came back, so we sent the report you saved earlier.').waitFor();
    await check('report: the saved report sent');

    // The tracker in list mode (mode="list" near a point, as docs/case-tracker.md shows) on the
    // demo's "Track your report" page: recent reports by 3 High Street, two a page.
    await page.goto(`${demo.url}/track-your-report.html`);
    const tracker = page.locator('civic-case-tracker');
    await tracker.getByRole('button', { name: 'Find report' }).waitFor();
    await tracker.evaluate((el) => {
      for (const [name, value] of Object.entries({ 'page-size': '2', lat: '52.22817', long: '-1.51479', mode: 'list' })) el.setAttribute(name, value);
    });
    const list = tracker.getByRole('heading', { name: 'Recent reports' });
    await list.waitFor();
    await tracker.getByRole('listitem').first().waitFor();
    await check('tracker: recent reports near a place');
    await tracker.getByRole('navigation', { name: 'Pages of reports' }).getByRole('button', { name: 'Next page' }).click();
    await tracker.getByText('Page 2').waitFor();
    await check('tracker: recent reports, page 2');
    await tracker.getByRole('listitem').first().getByRole('button').click();
    await tracker.getByRole('button', { name: 'Back to the list' }).waitFor();
    await check('tracker: a case opened from the list');

    expect(wide).toEqual([]);
    expect(steps).toHaveLength(5);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
