import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CivicDateInput } from './date-input.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';

runFormFieldSuite({ tag: 'civic-date-input', answer: '2026-03-09', submitted: ['2026-03-09'] });

describe('<civic-date-input>', () => {
  async function typeDate(el: CivicDateInput, day: string, month: string, year: string) {
    el.focus();
    if (day) await sendKeys({ type: day });
    await sendKeys({ press: 'Tab' });
    if (month) await sendKeys({ type: month });
    await sendKeys({ press: 'Tab' });
    if (year) await sendKeys({ type: year });
    el.reportValidity();
    await el.updateComplete;
  }

  it('reads a date typed into three labelled boxes', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When did you notice it?" required></civic-date-input>`);
    await typeDate(el, '9', '3', '2026');
    expect(el.value).to.equal('2026-03-09');
    expect(el.visibleError).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says which part is missing and marks only that box', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When?"></civic-date-input>`);
    await typeDate(el, '9', '', '2026');
    expect(el.visibleError).to.equal('Date must include a month');
    const invalid = [...el.shadowRoot!.querySelectorAll('input[aria-invalid=true]')].map((i) => (i as HTMLElement).dataset.part);
    expect(invalid).to.deep.equal(['month']);
    await expect(el).to.be.accessible();
  });

  it('rejects a date that does not exist', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When?"></civic-date-input>`);
    await typeDate(el, '30', '2', '2026');
    expect(el.visibleError).to.equal('Date must be a real date');
    expect(el.value).to.equal('');
  });

  it('marks every box at once when letters are typed in all three', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When?"></civic-date-input>`);
    await typeDate(el, 'ab', 'cd', 'ef');
    expect(el.visibleError).to.equal('Date must be a real date');
    const invalid = [...el.shadowRoot!.querySelectorAll('input[aria-invalid=true]')].map((i) => (i as HTMLElement).dataset.part);
    expect(invalid).to.deep.equal(['day', 'month', 'year']);
    await expect(el).to.be.accessible();
  });

  it('rejects a future date when asked', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When?" not-future></civic-date-input>`);
    await typeDate(el, '1', '1', '2999');
    expect(el.visibleError).to.equal('Date must be today or in the past');
  });

  it('accepts a month written as a word', async () => {
    const el = await fixture<CivicDateInput>(html`<civic-date-input label="When?"></civic-date-input>`);
    await typeDate(el, '5', 'Nov', '2025');
    expect(el.value).to.equal('2025-11-05');
  });
});
