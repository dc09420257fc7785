// examples/hostile-cms: the widgets under an old CMS theme's global CSS (`* {… !important}`, a
// 62.5% root font size, content-box sizing, a novelty font, styled form controls) and its
// jQuery. They must look the same as on examples/hostile-cms/plain.html (same markup, no theme)
// and work the same.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMapDrawn, reportThroughApi, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

const widgets = ['report-form', 'location-picker', 'case-tracker', 'consultation'];

interface Part {
  path: string;
  box: [number, number, number, number];
  style: Record<string, string>;
}

/**
 * What a resident sees of each widget: every element in its shadow roots (nested ones too) that
 * renders a box, with its box relative to the widget and the styles that make it look as it
 * does. Timing-dependent details (the map canvas, transitions) are left out.
 */
async function snapshot(page: Page, id: string): Promise<Part[]> {
  return page.evaluate((id) => {
    const host = document.getElementById(id)!;
    const origin = host.getBoundingClientRect();
    const props = ['font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'text-transform', 'text-align', 'color', 'background-color', 'border-top-width', 'border-top-color', 'padding-top', 'padding-left', 'box-sizing', 'display'];
    const parts: { path: string; box: [number, number, number, number]; style: Record<string, string> }[] = [];
    const walk = (root: ShadowRoot, prefix: string) => {
      root.querySelectorAll('*').forEach((el, index) => {
        if (el.closest('[data-map]') && !el.matches('[data-map]')) return;
        if (['STYLE', 'SCRIPT', 'SLOT', 'TEMPLATE'].includes(el.tagName)) return;
        const rect = el.getBoundingClientRect();
        const path = `${prefix}/${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}#${index}`;
        if (rect.width && rect.height) {
          const computed = getComputedStyle(el);
          parts.push({
            path,
            box: [rect.x - origin.x, rect.y - origin.y, rect.width, rect.height].map((n) => Math.round(n)) as [number, number, number, number],
            style: Object.fromEntries(props.map((p) => [p, computed.getPropertyValue(p)])),
          });
        }
        if (el.shadowRoot) walk(el.shadowRoot, path);
      });
    };
    walk(host.shadowRoot!, id);
    return parts;
  }, id);
}

async function open(path: string) {
  const { page, pageErrors } = await demo.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${demo.url}${path}`);
  for (const id of widgets) await page.locator(`#${id}`).locator('h1, h2, input').first().waitFor();
  await expectMapDrawn(page, page.locator('#location-picker'));
  return { page, pageErrors };
}

describe('the widgets on a hostile CMS page', () => {
  it('look the same as on a plain page: same boxes, fonts and colours for every part', async () => {
    const plain = await open('/examples/hostile-cms/plain.html');
    const hostile = await open('/examples/hostile-cms/');
    // The theme really is hostile: it changes the page's own text.
    const pageFont = (page: Page) => page.locator('.column > h1').evaluate((h) => getComputedStyle(h).fontFamily + getComputedStyle(h).textTransform);
    expect(await pageFont(hostile.page)).not.toBe(await pageFont(plain.page));
    await expect(hostile.page.evaluate(() => (window as unknown as { cmsReady: boolean }).cmsReady)).resolves.toBe(true);

    const differences: string[] = [];
    for (const id of widgets) {
      const [a, b] = [await snapshot(plain.page, id), await snapshot(hostile.page, id)];
      expect(a.length, id).toBeGreaterThan(5);
      expect(b.map((p) => p.path), id).toEqual(a.map((p) => p.path));
      for (const [i, part] of a.entries()) {
        const other = b[i]!;
        for (const [name, value] of Object.entries(part.style)) {
          if (other.style[name] !== value) differences.push(`${part.path} ${name}: ${value} → ${other.style[name]}`);
        }
        if (other.box.some((n, k) => Math.abs(n - part.box[k]!) > 1)) differences.push(`${part.path} box: ${part.box} → ${other.box}`);
      }
    }
    expect(differences).toEqual([]);
    expect(plain.pageErrors).toEqual([]);
    expect(hostile.pageErrors).toEqual([]);
  });

  it('work the same with the CMS jQuery: Enter, in-page links and submit handlers do not get in the way', async () => {
    const reference = await reportThroughApi(demo.url, {
      service_code: 'graffiti',
      address_string: '4 High Street, Larkmead',
      'attribute[surface]': 'wall_or_fence',
      'attribute[offensive]': 'no',
    });
    const focusAfterErrorLink = async (path: string) => {
      const { page } = await demo.newPage();
      await page.goto(`${demo.url}${path}`);
      const form = page.locator('#report-form');
      await form.getByRole('button', { name: 'Continue' }).click();
      await form.getByRole('alert').getByRole('link').first().click();
      return page.evaluate(() => {
        let el: Element | null = document.activeElement;
        const chain = [el?.localName];
        while (el?.shadowRoot?.activeElement) {
          el = el.shadowRoot.activeElement;
          chain.push(el.localName);
        }
        return chain.join(' > ');
      });
    };
    // The error summary's in-page links move focus as on the plain page, despite the theme's
    // smooth-scroll handler on every a[href^="#"].
    const expected = await focusAfterErrorLink('/examples/hostile-cms/plain.html');
    expect(expected).toMatch(/^civic-report-form > /);
    expect(await focusAfterErrorLink('/examples/hostile-cms/')).toBe(expected);

    const { page, pageErrors } = await open('/examples/hostile-cms/');
    // Enter in the tracker's input submits it, although the theme swallows Enter in inputs.
    const tracker = page.locator('#case-tracker');
    await tracker.getByRole('textbox').first().fill(reference);
    await tracker.getByRole('textbox').first().press('Enter');
    await tracker.getByRole('heading', { name: new RegExp(reference) }).waitFor();

    // Address search in the picker, by keyboard.
    const picker = page.locator('#location-picker');
    await picker.getByRole('combobox', { name: 'Address or postcode' }).fill('6 High Street');
    await picker.getByRole('option', { name: '6 High Street, Larkmead, LK1 1AA' }).waitFor();
    await picker.getByRole('combobox', { name: 'Address or postcode' }).press('ArrowDown');
    await picker.getByRole('combobox', { name: 'Address or postcode' }).press('Enter');
    await picker.getByText('6 High Street, Larkmead, LK1 1AA').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
