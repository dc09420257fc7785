import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CivicTextInput } from './text-input.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';

runFormFieldSuite({ tag: 'civic-text-input', answer: 'LK1 2AB', submitted: ['LK1 2AB'], submittedWhenEmpty: [''] });

describe('<civic-text-input>', () => {
  it('labels the input, shows the hint and says "(optional)" when not required', async () => {
    const el = await fixture<CivicTextInput>(
      html`<civic-text-input label="Postcode" hint="For example, LK1 2AB"></civic-text-input>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.labels![0].textContent).to.contain('Postcode');
    expect(input.labels![0].textContent).to.contain('(optional)');
    expect(input.getAttribute('aria-describedby')).to.contain('hint');
    await expect(el).to.be.accessible();
  });

  it('takes what the resident types', async () => {
    const el = await fixture<CivicTextInput>(html`<civic-text-input label="Street" required></civic-text-input>`);
    el.focus();
    await sendKeys({ type: 'High Street' });
    expect(el.value).to.equal('High Street');
    expect(el.checkValidity()).to.equal(true);
  });

  it('explains a badly formed email address in GOV.UK words', async () => {
    const el = await fixture<CivicTextInput>(html`<civic-text-input label="Email address" type="email"></civic-text-input>`);
    el.focus();
    await sendKeys({ type: 'name.example.com' });
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('rejects a number out of range with the field name in the message', async () => {
    const el = await fixture<CivicTextInput>(
      html`<civic-text-input label="Depth in centimetres" type="number" min="1" max="100"></civic-text-input>`,
    );
    el.focus();
    await sendKeys({ type: '250' });
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Depth in centimetres must be 100 or less');
    // A number is typed as text (GOV.UK) so the browser does not mangle it.
    expect(el.shadowRoot!.querySelector('input')!.type).to.equal('text');
  });

  it('says how long an answer may be instead of cutting it off', async () => {
    const el = await fixture<CivicTextInput>(html`<civic-text-input label="Reference" maxlength="5"></civic-text-input>`);
    el.focus();
    await sendKeys({ type: '1234567' });
    expect(el.value).to.equal('1234567');
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Reference must be 5 characters or fewer');
  });

  it('renders its label as the page heading on a question page', async () => {
    const el = await fixture<CivicTextInput>(html`<civic-text-input label="What is your name?" page-heading required></civic-text-input>`);
    const heading = el.shadowRoot!.querySelector('h1')!;
    expect(heading.textContent).to.contain('What is your name?');
    expect(heading.querySelector('label')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('<civic-text-input> in a form', () => {
  it('submits the form once when the resident presses Enter, as a native text box does', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><civic-text-input name="ref" label="Reference"></civic-text-input></form>`);
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits++;
    });
    form.querySelector('civic-text-input')!.focus();
    await sendKeys({ type: 'LK-1' });
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
  });
});
