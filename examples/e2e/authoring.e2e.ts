// Staff author a consultation through the back office's forms (no JSON), with a condition and a
// ranking question, preview it in the real widget, publish it, and a resident answers it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from './harness.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

describe('staff authoring (/staff/consultations)', () => {
  it('creates a consultation with a condition and a ranking question, publishes it, and a resident answers it', async () => {
    const id = `parks-${Date.now().toString(36)}`;
    const { page, pageErrors } = await demo.newPage();
    // A step that cannot happen fails with the step's locator, not the test's timeout.
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/staff/consultations`);
    await page.getByRole('link', { name: 'Create a consultation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a consultation' }).waitFor();

    // Nothing filled in: the GOV.UK error summary, in plain words, linking to each field.
    await page.getByRole('button', { name: 'Save consultation' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.getByRole('link', { name: 'Enter a title', exact: true }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('title');
    await expect(page.getByRole('link', { name: 'Choose the kind of question' }).isVisible()).resolves.toBe(true);

    await page.getByLabel('Short name', { exact: true }).fill(id);
    await page.getByLabel('Title', { exact: true }).fill('Parks and play areas');
    await page.getByLabel('Summary', { exact: true }).fill('Tell us how you use the parks.');
    await page.getByLabel('Opens').fill('2099-01-01');
    await page.getByLabel('Closes').fill('2099-12-31');
    await page.getByLabel('What the council proposes', { exact: true }).fill('Longer opening hours in summer.');
    await page.getByLabel('Why', { exact: true }).fill('Residents asked for them.');
    await page.getByLabel('Who the council wants to hear from', { exact: true }).fill('Everyone who uses the parks.');
    await page.getByLabel('Minutes to answer').fill('5');
    await page.getByLabel('Other ways to respond').fill('Write to Parks, Town Hall, Larkmead.');
    await page.getByLabel('How the council uses the answers', { exact: true }).fill('We use your answers only for this consultation.');
    await page.getByLabel('Title of the first page', { exact: true }).fill('Your visits');
    await page.getByLabel('One choice from a list').check();
    await page.getByLabel('Question', { exact: true }).fill('How often do you visit a park?');
    await page.getByLabel('Short name of the question').fill('visits');
    await page.getByLabel('Residents must answer it').check();
    await page.getByLabel('Choices (for a list, ranking or scale)').fill('Weekly\nRarely');
    await page.getByRole('button', { name: 'Save consultation' }).click();
    await page.getByRole('heading', { name: 'Consultation saved' }).waitFor();

    // A ranking question on a new page, asked only when the first answer is "Weekly".
    await page.getByRole('link', { name: 'Add a question' }).click();
    await page.getByLabel('Page', { exact: true }).selectOption({ label: 'A new page' });
    await page.getByLabel('Title of the new page (only for a new page)').fill('Priorities');
    await page.getByLabel('Put choices in order').check();
    await page.getByLabel('Question', { exact: true }).fill('Put these in order of importance');
    await page.getByLabel('Short name of the question').fill('priorities');
    await page.getByLabel('Choices (for a list, ranking or scale)').fill('Toilets');
    await page.getByLabel('Only ask if').selectOption({ label: 'How often do you visit a park?' });
    await page.getByLabel('The answer is').fill('Weekly');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('link', { name: 'Enter at least 2 choices, one on each line' }).waitFor();
    await page.getByLabel('Choices (for a list, ranking or scale)').fill('Toilets\nCafé\nLighting');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('heading', { name: 'Question added' }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'Put these in order of importance' }).textContent()).resolves.toContain('only if “visits” is “weekly”');

    // The preview is the real widget, loaded from this server under the strict CSP.
    await page.getByRole('link', { name: 'Preview it as residents see it' }).click();
    await page.locator('civic-consultation').getByRole('heading', { name: 'Parks and play areas' }).waitFor();
    await page.goBack();

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('heading', { name: 'Consultation published' }).waitFor();
    await expect(page.getByRole('button', { name: 'Close now' }).isVisible()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);

    // A resident answers on a council page that embeds it.
    const resident = await demo.newPage();
    resident.page.setDefaultTimeout(15_000);
    await resident.page.route(`${demo.url}/parks-consultation.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Parks</title><script type="module" src="/cdn/consultation.js"></script></head>
<body><main><civic-consultation endpoint="/api/consultations" consultation="${id}"></civic-consultation></main></body></html>`,
      }),
    );
    await resident.page.goto(`${demo.url}/parks-consultation.html`);
    const widget = resident.page.locator('civic-consultation');
    await widget.getByRole('button', { name: 'Start now' }).click();
    await widget.getByLabel('Weekly').check();
    await widget.getByRole('button', { name: 'Continue' }).click();
    await widget.getByText('Put these in order of importance').first().waitFor();
    await widget.getByRole('button', { name: /^Move up\s*: Lighting/ }).click();
    await widget.getByRole('button', { name: 'Continue' }).click();
    await widget.getByRole('button', { name: 'Send response' }).click();
    await widget.getByRole('heading', { name: 'Response sent' }).waitFor();
    expect(resident.pageErrors).toEqual([]);

    const csv = await (await fetch(`${demo.url}/staff/consultations/${id}/responses.csv`)).text();
    // The condition was met, so the ranking was asked, and the resident's order was kept.
    expect(csv).toMatch(/,en,Weekly,Toilets > Lighting > Café\r?\n/);
  }, 180_000);

  it('changes, moves (by keyboard) and removes questions, with type settings, a condition on any of two questions, and a topic', async () => {
    const id = `dogs-${Date.now().toString(36)}`;
    const { page, pageErrors } = await demo.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${demo.url}/staff/consultations/new`);
    await page.getByLabel('Short name', { exact: true }).fill(id);
    await page.getByLabel('Title', { exact: true }).fill('Dogs in parks');
    await page.getByLabel('Summary', { exact: true }).fill('Where dogs may run free.');
    await page.getByLabel('Opens').fill('2099-01-01');
    await page.getByLabel('Closes').fill('2099-12-31');
    // A topic other consultations use, ticked, and a new one typed.
    await page.getByRole('group', { name: 'Topics (optional)' }).getByLabel('Parks and open spaces').check();
    await page.getByLabel('New topics (optional)').fill('Dogs');
    await page.getByLabel('What the council proposes', { exact: true }).fill('Off-lead areas.');
    await page.getByLabel('Why', { exact: true }).fill('Residents asked.');
    await page.getByLabel('Who the council wants to hear from', { exact: true }).fill('Everyone.');
    await page.getByLabel('Minutes to answer').fill('3');
    await page.getByLabel('Other ways to respond').fill('Write to Parks, Town Hall, Larkmead.');
    await page.getByLabel('How the council uses the answers', { exact: true }).fill('Only for this consultation.');
    await page.getByLabel('Title of the first page', { exact: true }).fill('You and your dog');
    await page.getByLabel('One choice from a list').check();
    await page.getByLabel('Question', { exact: true }).fill('Do you walk a dog?');
    await page.getByLabel('Short name of the question').fill('walks');
    await page.getByLabel('Choices (for a list, ranking or scale)').fill('Every day\nSometimes\nNever');
    await page.getByLabel('“Other” choice (for one or any number of choices, optional)').fill('Someone else’s dog');
    // Welsh, typed next to the English (optional).
    await page.getByLabel('Title in Welsh').fill('Cŵn mewn parciau');
    await page.getByLabel('Question in Welsh').fill('Ydych chi’n mynd â chi am dro?');
    await page.getByLabel('Choices in Welsh').fill('Bob dydd\nWeithiau\nByth');
    await page.getByRole('button', { name: 'Save consultation' }).click();
    await page.getByRole('heading', { name: 'Consultation saved' }).waitFor();
    await expect(page.getByLabel('Title in Welsh').inputValue()).resolves.toBe('Cŵn mewn parciau');
    await expect(page.getByRole('group', { name: 'Topics (optional)' }).getByLabel('Dogs', { exact: true }).isChecked()).resolves.toBe(true);

    // Any number of choices, at most 2.
    await page.getByRole('link', { name: 'Add a question' }).click();
    await page.getByLabel('Any number of choices from a list').check();
    await page.getByLabel('Question', { exact: true }).fill('Where do you go?');
    await page.getByLabel('Short name of the question').fill('where');
    await page.getByLabel('Choices (for a list, ranking or scale)').fill('Larkmead Park\nThe common\nThe river');
    await page.getByLabel('Most choices a resident can tick (for any number of choices, optional)').fill('2');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('heading', { name: 'Question added' }).waitFor();

    // A longer answer of at most 50 words, asked for either of two answers, or either question.
    await page.getByRole('link', { name: 'Add a question' }).click();
    await page.getByRole('radio', { name: 'A longer answer' }).check();
    await page.getByLabel('Question', { exact: true }).fill('Anything else?');
    await page.getByLabel('Short name of the question').fill('else');
    await page.getByLabel('Most words (for a longer answer, optional)').fill('50');
    await page.getByLabel('Only ask if').selectOption({ label: 'Do you walk a dog?' });
    await page.getByLabel('The answer is', { exact: true }).fill('Every day\nSometimes');
    await page.getByLabel('Second question (optional)').selectOption({ label: 'Where do you go?' });
    await page.getByRole('group', { name: 'When the second question' }).getByLabel('has been answered (any answer)').check();
    await page.getByLabel('any one of them is as above').check();
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByRole('heading', { name: 'Question added' }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'Anything else?' }).textContent()).resolves.toContain('only if “walks” is one of “every-day”, “sometimes” or “where” is answered');

    // Move "Where do you go?" up by keyboard alone: focus its button and press Enter.
    await page.getByRole('button', { name: /^Move up\s*: Where\ do\ you\ go\?$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question moved' }).waitFor();
    const order = async () => page.locator('ol.questions > li p.question > span:first-child').allTextContents();
    await expect(order()).resolves.toEqual(['Where do you go?', 'Do you walk a dog?', 'Anything else?']);
    // "Anything else?" depends on "Do you walk a dog?": moving it above that is refused, in words.
    await page.getByRole('button', { name: /^Move up\s*: Anything\ else\?$/ }).click();
    await page.getByRole('heading', { name: 'The question cannot move' }).waitFor();
    await page.getByRole('link', { name: 'Back to the questions' }).click();

    // Change the first question's wording and its "other" choice.
    await page.getByRole('link', { name: /^Change\s*: Do\ you\ walk\ a\ dog\?$/ }).click();
    await page.getByRole('heading', { name: 'Change a question' }).waitFor();
    await expect(page.getByLabel('Choices (for a list, ranking or scale)').inputValue()).resolves.toBe('Every day\nSometimes\nNever');
    await page.getByLabel('Question', { exact: true }).fill('Do you walk a dog in the parks?');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { name: 'Question changed' }).waitFor();

    // Remove "Where do you go?": refused while "Anything else?" depends on it.
    await page.getByRole('link', { name: /^Remove\s*: Where\ do\ you\ go\?$/ }).click();
    await page.getByText('“Anything else?” is asked depending on the answer to this question. Change its condition first.').first().waitFor();
    await expect(page.getByRole('button', { name: 'Remove question' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: /^Remove\s*: Anything\ else\?$/ }).click();
    await page.getByRole('button', { name: 'Remove question' }).click();
    await page.getByRole('heading', { name: 'Question removed' }).waitFor();
    await expect(order()).resolves.toEqual(['Where do you go?', 'Do you walk a dog in the parks?']);

    // The preview shows the settings as residents get them: the "other" choice.
    await page.getByRole('link', { name: 'Preview it as residents see it' }).click();
    const widget = page.locator('civic-consultation');
    await widget.getByRole('button', { name: 'Start now' }).click();
    await widget.getByLabel('Someone else’s dog').waitFor();
    // Save and return works in the preview too (nothing is kept): the resident's pages, with a code.
    await widget.getByRole('button', { name: 'Save and come back later' }).click();
    await widget.getByRole('heading', { name: 'Your answers have been saved' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('passes axe (WCAG 2.2 A and AA) on every authoring page, with and without errors', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The staff pages allow no script at all (their CSP): axe is run through the debugging protocol.
    const { page } = await demo.newPage();
    page.setDefaultTimeout(15_000);
    const axe = async () => {
      await page.evaluate(axeSource);
      return page.evaluate(async () => {
        type Axe = { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> };
        const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };
        const result = await (window as unknown as { axe: Axe }).axe.run(document, options);
        return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      });
    };
    const base = `${demo.url}/staff/consultations`;
    // The demo's town centre consultation has conditions on "answered" and "any … in", and every type.
    for (const path of ['/new', '/town-centre-2026/edit', '/town-centre-2026/questions/new', '/town-centre-2026/questions/car-park-rating/edit', '/town-centre-2026/questions/unsafe-why/edit', '/town-centre-2026/questions/comments/remove', '/town-centre-2026/questions/unsafe-place/remove']) {
      await page.goto(`${base}${path}`);
      await expect(axe(), path).resolves.toEqual([]);
    }
    // With the error summary and the fields' errors.
    await page.goto(`${base}/new`);
    await page.getByRole('button', { name: 'Save consultation' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect(axe(), 'the create form with errors').resolves.toEqual([]);
    await page.goto(`${base}/town-centre-2026/questions/car-park-rating/edit`);
    await page.getByLabel('Question', { exact: true }).fill('');
    await page.getByLabel('The answer is', { exact: true }).fill('Nowhere');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect(axe(), 'the change form with errors').resolves.toEqual([]);
  }, 180_000);
});
