// A street light reported without a mouse (issue #16): the resident finds the place by address,
// the picker lists the nearest street lights with their numbers and distances as radios, the
// keyboard chooses one, and its number answers the form's lamp post question on check answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('choosing a street light by keyboard', () => {
  it('lists the nearest lights with distances, and the chosen one is the lamp post number', async () => {
    const { page, pageErrors } = await demo.newPage();
    await page.goto(`${demo.url}/report-a-problem.html`);
    const form = page.locator('civic-report-form');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();

    await form.getByRole('radio', { name: 'Street light not working' }).first().check();
    await next();
    await form.getByRole('textbox', { name: 'What is the number on the lamp post? (optional)' }).waitFor();
    await next();
    await form.getByRole('radio', { name: 'It is off at night' }).check();
    await next();
    // Further optional questions and the description, until the map page.
    const where = form.getByRole('heading', { name: 'Where is the problem?' });
    for (let i = 0; i < 4 && !(await where.isVisible()); i++) await next();
    await where.waitFor();

    await form.getByRole('combobox', { name: 'Address or postcode' }).fill('3 High Street');
    await form.getByRole('option', { name: '3 High Street, Larkmead, LK1 1AA' }).click();
    // The map (and with it the list) loads once it is on screen.
    await form.locator('[data-map]').scrollIntoViewIfNeeded();
    const lights = form.getByRole('group', { name: 'Street lights near the place you chose (optional)' });
    await lights.waitFor({ timeout: 60_000 });
    const first = lights.getByRole('radio', { name: 'LM-00026, 12 metres away' });
    await expect(lights.getByRole('radio', { name: /^LM-\d+, \d+ metres away$/ }).count()).resolves.toBe(5);
    await expect(lights.getByRole('radio', { name: 'I can’t find it on the map' }).count()).resolves.toBe(1);

    // Keyboard only: into the group, then the arrow keys, as in any radio group.
    await first.focus();
    await page.keyboard.press('Space');
    await expect(first.isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = lights.getByRole('radio', { name: 'LM-00027, 36 metres away' });
    await expect.poll(() => second.isChecked()).toBe(true);
    await form.getByText('LM-00027 chosen.').waitFor();

    await next();
    // Photos (optional), contact details (optional), then check answers.
    const check = form.getByRole('heading', { name: 'Check your answers before sending your report' });
    for (let i = 0; i < 4 && !(await check.isVisible()); i++) {
      if (await form.getByRole('radio', { name: 'No, it is a different problem' }).isVisible()) {
        await form.getByRole('radio', { name: 'No, it is a different problem' }).check();
      }
      await next();
    }
    await check.waitFor();
    await expect(form.getByRole('definition').filter({ hasText: /^\s*LM-00027\s*$/ }).count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
