// WCAG 1.4.10 (reflow) for the category page with its search box, which the demo (five
// categories) never shows: at 320 CSS px, the list, a search typed, a search matching nothing
// (the resident's words echoed back, one long word among them) and its error all fit.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { partsPastEdge } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { onPage, pageText } from './testing/pages.js';
import { isInput, pressContinue, tabTo } from './testing/keyboard.js';

const manyServices = new URL('../test-fixtures/many-services', import.meta.url).href;

describe('<civic-report-form> at 320 CSS px: the category page with its search', function () {
  this.timeout(40_000);
  beforeEach(() => sessionStorage.clear());
  afterEach(() => fixtureCleanup());

  it('fits the list, a search, a search that matches nothing and its error into 320 CSS px', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <civic-report-form endpoint=${manyServices} lang="en"></civic-report-form>
    </div>`);
    const el = box.querySelector<CivicReportForm>('civic-report-form')!;
    await onPage(el, 'What do you want to report?');
    expect(partsPastEdge(box), 'the list').to.deep.equal([]);

    await tabTo(isInput('Search for a problem'), 'the search box');
    await sendKeys({ type: 'parks' });
    await el.updateComplete;
    expect(pageText(el)).to.contain('3 problems match');
    expect(partsPastEdge(box), 'a search').to.deep.equal([]);

    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch bins' });
    await el.updateComplete;
    expect(pageText(el)).to.contain('No problems match');
    expect(partsPastEdge(box), 'no match').to.deep.equal([]);

    await pressContinue();
    await onPage(el, 'What do you want to report?');
    expect(pageText(el)).to.contain('There is a problem');
    expect(partsPastEdge(box), 'no match, with its error').to.deep.equal([]);
  });
});
