// Every Welsh page of the demo, walked through each widget's whole flow as a Welsh-speaking
// resident would, from the CDN build (dist/cdn, as `vite build` wrote it): every screen is
// checked for English words outside a short allowlist of names, places and addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from './harness.ts';
import { expectWelsh } from './welsh-text.ts';
import { expectNoEnglish } from '../../scripts/lib/english-words.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('the Welsh consultation, from the CDN build', () => {
  it('answers the consultation in Welsh from start to reference', async () => {
    const { page, pageErrors } = await demo.newPage({ locale: 'cy-GB' });
    await page.addInitScript(recordPickerFrames);
    await page.goto(`${demo.url}/cy/ymgynghoriad.html?consultation=town-centre-2026`);
    const consultation = page.locator('civic-consultation');
    await consultation.getByRole('heading', { name: 'Stryd Fawr Larkmead: canol tref mwy diogel a gwyrddach', level: 1 }).waitFor();
    // The widget's own words come from the built bundle's Welsh chunk, not the page's data.
    await consultation.getByRole('button', { name: /^Dechrau nawr/ }).waitFor();
    await expect(consultation.getByText('Yn cau', { exact: true }).isVisible()).resolves.toBe(true);
    await expectWelsh(consultation, 'the overview', ['PDF', 'LK1 1AA']);
    await consultation.getByRole('button', { name: /^Dechrau nawr/ }).click();

    await consultation.getByRole('heading', { name: 'Chi a chanol y dref' }).waitFor();
    await expectWelsh(consultation, 'page 1');
    await consultation.getByRole('radio', { name: 'Unwaith neu ddwywaith yr wythnos' }).check();
    await consultation.getByRole('radio', { name: 'Na', exact: true }).check();
    await consultation.getByRole('button', { name: 'Parhau', exact: true }).click();

    await consultation.getByRole('heading', { name: 'Y cynigion' }).waitFor();
    // The ranking and the map question are fields the question pages register when they load.
    await consultation.getByText('Rhowch y gwelliannau hyn yn nhrefn eu pwysigrwydd i chi').first().waitFor();
    await consultation.getByRole('radio', { name: 'Cytuno', exact: true }).check();
    // The map question's picker is loaded lazily, and its Welsh in a chunk of its own: the
    // consultation waits for both, so no frame ever showed the picker in English.
    await consultation.getByText('Cyfeiriad neu god post', { exact: true }).waitFor();
    await expectWelsh(consultation, 'page 2');
    const frames = await page.evaluate(() => (window as unknown as { pickerFrames: string[] }).pickerFrames);
    expect(frames.length).toBeGreaterThan(0);
    for (const [i, frame] of frames.entries()) expectNoEnglish(frame, `the picker's frame ${i + 1} of ${frames.length}`, ['Larkmead']);
    await consultation.getByRole('button', { name: 'Parhau', exact: true }).click();

    await consultation.getByRole('heading', { name: 'Parhau i gymryd rhan' }).waitFor();
    await consultation.getByRole('radio', { name: 'Ymwelydd' }).check();
    await expectWelsh(consultation, 'page 3');
    await consultation.getByRole('button', { name: 'Parhau', exact: true }).click();

    await consultation.getByRole('heading', { name: 'Gwiriwch eich atebion cyn anfon eich ymateb' }).waitFor();
    await expectWelsh(consultation, 'check your answers');
    await consultation.getByRole('button', { name: 'Anfon ymateb' }).click();

    await consultation.getByRole('heading', { name: 'Ymateb wedi’i anfon' }).or(consultation.getByRole('heading', { name: "Ymateb wedi'i anfon" })).waitFor();
    await expect(consultation.getByRole('strong').textContent()).resolves.toMatch(/^LDC-C-/);
    await expectWelsh(consultation, 'the confirmation');
    expect(pageErrors.filter((e) => !/widget-config/.test(e))).toEqual([]);
  });

  it('reads "we asked, you said, we did" in Welsh', async () => {
    const { page } = await demo.newPage({ locale: 'cy-GB' });
    await page.goto(`${demo.url}/cy/canlyniadau-oriau-llyfrgell.html`);
    const results = page.locator('civic-consultation');
    await results.getByRole('heading', { name: 'Gwnaethom ofyn' }).waitFor();
    await expect(results.getByRole('heading', { name: 'Dywedoch chi' }).isVisible()).resolves.toBe(true);
    await expectWelsh(results, 'the published results', ['Westshire']);
  });
});

describe('the Welsh pages of the demo site', () => {
  const pairs = [
    ['/report-a-problem.html', '/cy/rhoi-gwybod-am-broblem.html'],
    ['/report-a-pothole.html', '/cy/rhoi-gwybod-am-dwll-yn-y-ffordd.html'],
    ['/report-speeding-traffic.html', '/cy/rhoi-gwybod-am-oryrru.html'],
    ['/track-your-report.html', '/cy/dilyn-eich-adroddiad.html'],
    ['/have-your-say.html', '/cy/dweud-eich-dweud.html'],
    ['/consultation-results.html', '/cy/canlyniadau-oriau-llyfrgell.html'],
    ['/', '/cy/'],
  ];

  it('link each English page and its Welsh page both ways, with lang and hreflang', async () => {
    const { page } = await demo.newPage();
    for (const [english, welsh] of pairs) {
      await page.goto(`${demo.url}${english}`);
      const toWelsh = page.getByRole('link', { name: 'Cymraeg' });
      await expect(toWelsh.getAttribute('href'), english).resolves.toBe(welsh);
      await expect(toWelsh.getAttribute('lang'), english).resolves.toBe('cy');
      await expect(toWelsh.getAttribute('hreflang'), english).resolves.toBe('cy');
      await expect(page.locator('link[rel=alternate][hreflang=cy]').getAttribute('href'), english).resolves.toBe(welsh);

      await toWelsh.click();
      await page.waitForURL(`**${welsh}`);
      await expect(page.locator('html').getAttribute('lang'), welsh).resolves.toBe('cy');
      const toEnglish = page.getByRole('link', { name: 'English' });
      await expect(toEnglish.getAttribute('href'), welsh).resolves.toBe(english);
      await expect(toEnglish.getAttribute('hreflang'), welsh).resolves.toBe('en');
      await expect(page.locator('link[rel=alternate][hreflang=en]').getAttribute('href'), welsh).resolves.toBe(english);
    }
  });
});

/**
 * Runs in the page before its scripts: on every animation frame (what the resident could see
 * painted), records the text of each <civic-location-picker>, read through its shadow roots,
 * whenever it changed. `window.pickerFrames` holds them.
 */
function recordPickerFrames() {
  const frames: string[] = [];
  (window as unknown as { pickerFrames: string[] }).pickerFrames = frames;
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || /^(STYLE|SCRIPT)$/.test(node.tagName)) return '';
    const own = ['aria-label', 'placeholder'].map((name) => node.getAttribute(name) ?? '').join(' ');
    const inner = [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(textOf).join(' ');
    return `${own} ${inner}`;
  };
  const pickers = (root: Document | ShadowRoot, found: Element[] = []): Element[] => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'civic-location-picker') found.push(element);
      if (element.shadowRoot) pickers(element.shadowRoot, found);
    }
    return found;
  };
  const sample = () => {
    for (const picker of pickers(document)) {
      const text = textOf(picker).replace(/\s+/g, ' ').trim();
      if (text && text !== frames.at(-1)) frames.push(text);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}
