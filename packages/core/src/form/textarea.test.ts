import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CivicTextarea } from './textarea.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';

runFormFieldSuite({
  tag: 'civic-textarea',
  answer: 'A deep pothole outside number 4',
  submitted: ['A deep pothole outside number 4'],
  submittedWhenEmpty: [''],
});

describe('<civic-textarea>', () => {
  it('counts down the characters left, then says how many too many', async () => {
    const el = await fixture<CivicTextarea>(html`<civic-textarea label="Describe the problem" maxlength="10"></civic-textarea>`);
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('You have 10 characters remaining');
    el.focus();
    await sendKeys({ type: 'Twelve chars' });
    await el.updateComplete;
    const count = el.shadowRoot!.querySelector('[part=count]')!;
    expect(count.textContent).to.contain('You have 2 characters too many');
    expect(count.classList.contains('count--error')).to.equal(true);
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Describe the problem must be 10 characters or fewer');
    await expect(el).to.be.accessible();
  });

  it('counts words when there is a word limit', async () => {
    const el = await fixture<CivicTextarea>(html`<civic-textarea label="Your comments" maxwords="3"></civic-textarea>`);
    el.focus();
    await sendKeys({ type: 'one two three four' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=count]')!.textContent).to.contain('You have 1 words too many');
    expect(el.checkValidity()).to.equal(false);
  });

  it('uses the field\'s own message when a required answer is missing', async () => {
    const el = await fixture<CivicTextarea>(
      html`<civic-textarea label="What is the problem?" required required-message="Enter a description of the problem"></civic-textarea>`,
    );
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('Enter a description of the problem');
    await expect(el).to.be.accessible();
  });
});
