// WCAG 1.4.10 (reflow): at 320 CSS pixels wide no step of any widget scrolls sideways — the
// report form on every page of a pothole report (with its map and an error), the case tracker
// with a case shown, and the consultation from its start page through every question page to
// check answers. The steps walked are counted, so a flow that stops early fails too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectMapDrawn, startDemo, type Demo } from './harness.ts';

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

/** The elements (light DOM and shadow roots) reaching furthest past the viewport's right edge. */
function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: [number, string][] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const e of root.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.right > document.documentElement.clientWidth + 1) out.push([r.right, `${e.localName}.${[...e.classList].join('.')}[${(e.textContent ?? '').trim().slice(0, 30)}] from ${Math.round(r.left)}`]);
        if (e.shadowRoot) walk(e.shadowRoot);
      }
    };
    walk(document);
    return out.sort((a, b) => a[0] - b[0]).slice(0, 3).map(([x, n]) => `${n} to ${Math.round(x)}px`).join(', ');
  });
}

describe('at 320 CSS pixels wide', () => {
  it('no step of the report form, location picker, case tracker or consultation scrolls horizontally', async () => {
    const { page, pageErrors } = await demo.newPage({ viewport });
    const wide: string[] = [];
    const steps: string[] = [];
    const check = async (step: string) => {
      steps.push(step);
      const extra = await overflow(page);
      if (extra > 0) wide.push(`${step}: ${extra}px too wide (${await widest(page)})`);
    };

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
      for (const group of await consultation.getByRole('group').all()) {
        const radio = group.getByRole('radio').first();
        if ((await radio.count()) && !(await group.getByRole('radio', { checked: true }).count())) await radio.check();
        const box = group.getByRole('checkbox').first();
        if ((await box.count()) && !(await group.getByRole('checkbox', { checked: true }).count())) await box.check();
      }
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
  });
});
