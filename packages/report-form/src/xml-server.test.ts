// <civic-report-form> against an XML-only Open311 server (test fixtures): every category and
// question it offers, the search box, groups, metadata=false (moved from report-form.test.ts).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { heading, onPage, pageText } from './testing/pages.js';
import { chooseRadio, deepActive, isButton, isChoice, isInput, labelOf, pressContinue, summary, tabTo, text } from './testing/keyboard.js';
import { api, councilPage, fenbury, larkmead, makeForm, seedDraft, server, settle, storedReport, unreachable, xmlCouncil } from './testing/report-page.js';

beforeEach(() => sessionStorage.clear());

describe('<civic-report-form> against an XML-only Open311 server', function () {
  this.timeout(40_000);
  it('renders every category and question it offers: string booleans, zero-padded codes, several groups', async () => {
    const el = await makeForm(xmlCouncil);
    await onPage(el, 'What do you want to report?');
    // "Blocked drain" is in Highways and Flooding: listed once, under Highways (Flooding has nothing else).
    expect([...el.shadowRoot!.querySelectorAll('h2')].map(text)).to.deep.equal(['Highways']);
    expect([...el.shadowRoot!.querySelectorAll('input[type=radio]')].map(labelOf)).to.deep.equal(['Blocked drain', 'Abandoned vehicle']);
    expect(pageText(el)).to.contain('A drain or gully that is blocked or smells. Also under: Flooding');
    await chooseRadio('Blocked drain');
    await pressContinue();

    // A nine-option list is a select; the variable=false attribute is shown as information.
    await onPage(el, 'Which road is the drain on?');
    expect(pageText(el)).to.contain('We clear blocked drains on roads, not in private gardens.');
    expect(el.shadowRoot!.querySelector('civic-select')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await tabTo(isInput('Which road'), 'the select');
    await sendKeys({ type: 'High' }); // a closed select chooses by typing, as in any browser
    await pressContinue();
    expect(el['answers'].attributes.where_drain).to.equal('08'); // the zero stays

    await onPage(el, 'What is happening? (optional)');
    expect(el.shadowRoot!.querySelector('civic-checkboxes')).to.not.equal(null);
    await pressContinue();
    await onPage(el, 'When did it start? (optional)');
    expect(el.shadowRoot!.querySelector('civic-date-input')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers a search box when there are many categories', async () => {
    const el = await makeForm(new URL('../test-fixtures/many-services', import.meta.url).href);
    await onPage(el, 'What do you want to report?');
    await tabTo(isInput('Search for a problem'), 'the search box');
    await sendKeys({ type: 'swing' });
    await el.updateComplete;
    const labels = () => [...el.shadowRoot!.querySelectorAll('input[type=radio]')].map(labelOf);
    expect(labels()).to.deep.equal(['Broken play equipment']);
    expect(pageText(el)).to.contain('1 problem matches');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(labels()).to.deep.equal([]);
    expect(pageText(el)).to.contain('No problems match');
  });

  it('lists a category in two groups once, and the search finds it once, also by its second group', async () => {
    const el = await makeForm(new URL('../test-fixtures/many-services', import.meta.url).href);
    await onPage(el, 'What do you want to report?');
    const labels = () => [...el.shadowRoot!.querySelectorAll('input[type=radio]')].map(labelOf);
    expect(labels().filter((l) => l === 'Overgrown hedge')).to.have.length(1);
    expect(new Set(labels()).size).to.equal(10);
    expect(pageText(el)).to.contain('Also under: Parks');
    await tabTo(isInput('Search for a problem'), 'the search box');
    await sendKeys({ type: 'parks' });
    await el.updateComplete;
    expect(labels()).to.deep.equal(['Overgrown hedge', 'Broken bench', 'Broken play equipment']);
    expect(pageText(el)).to.contain('3 problems match');
    await expect(el).to.be.accessible();
    await chooseRadio('Overgrown hedge');
    await pressContinue();
    await onPage(el, 'Tell us more about the problem');
    expect(el['answers'].serviceCode).to.equal('05');
  });

  it('a category with metadata=false goes straight to the description', async () => {
    const el = await makeForm(xmlCouncil);
    await onPage(el, 'What do you want to report?');
    await chooseRadio('Abandoned vehicle');
    await pressContinue();
    await onPage(el, 'Tell us more about the problem');
  });
});
