// The theme example restyles the widgets to another council's brand with only the public
// styling API: --civic-* custom properties and ::part(). It must take effect, and its
// stylesheet must not reach for anything else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('the theme example (examples/council-site/theme-example.html)', () => {
  it('styles the widgets through --civic-* properties and ::part() only', () => {
    const css = readFileSync(join(root, 'examples/council-site/assets/theme-example.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({ selector: selector!.trim(), body: body! }));
    const widgetRules = rules.filter((r) => /civic-/.test(r.selector));
    expect(widgetRules.length).toBeGreaterThan(3);
    for (const rule of widgetRules) {
      for (const selector of rule.selector.split(',').map((s) => s.trim())) {
        // A widget tag alone (to set tokens) or a widget tag with ::part(): nothing inside.
        expect(selector).toMatch(/^civic-[a-z-]+(::part\([a-z-]+\))?$/);
        if (!selector.includes('::part')) {
          for (const declaration of rule.body.split(';').map((d) => d.trim()).filter(Boolean)) expect(declaration).toMatch(/^--civic-/);
        }
      }
    }
    expect(css).not.toMatch(/!important/);
  });

  it('takes effect: the brand colour on the form buttons, the part styles on the tracker', async () => {
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/theme-example.html`);
    const button = page.locator('civic-report-form').getByRole('button', { name: 'Continue' });
    await button.waitFor();
    await expect(button.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(75, 15, 107)');
    const find = page.locator('civic-case-tracker').getByRole('button', { name: 'Find report' });
    await expect(find.evaluate((b) => getComputedStyle(b).borderTopLeftRadius)).resolves.toBe('999px');
    // The same widget on the Larkmead site keeps its own look.
    await page.goto(`${demo.url}/report-a-pothole.html`);
    const plain = page.locator('civic-report-form').getByRole('button', { name: 'Continue' });
    await plain.waitFor();
    await expect(plain.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.not.toBe('rgb(75, 15, 107)');
    expect(pageErrors).toEqual([]);
  });
});
