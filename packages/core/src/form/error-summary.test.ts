import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { CivicErrorSummary } from './error-summary.js';
import { validateFields } from './error-summary.js';
import type { CivicTextInput } from './text-input.js';

describe('<civic-error-summary>', () => {
  it('renders nothing while there are no errors', async () => {
    const el = await fixture<CivicErrorSummary>(html`<civic-error-summary></civic-error-summary>`);
    expect(el.shadowRoot!.querySelector('.summary')).to.equal(null);
  });

  it('lists the problems, takes focus, and its links move focus to the field', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <civic-error-summary></civic-error-summary>
      <civic-text-input label="Full name" required required-message="Enter your full name"></civic-text-input>
      <civic-text-input label="Email" type="email" value="nope"></civic-text-input>
    </div>`);
    const summary = page.querySelector('civic-error-summary')!;
    const fields = [...page.querySelectorAll('civic-text-input')] as CivicTextInput[];
    summary.errors = validateFields(fields);
    await summary.updateComplete;
    const links = [...summary.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Enter your full name',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(summary.shadowRoot!.activeElement?.classList.contains('summary')).to.equal(true);
    expect(summary.shadowRoot!.textContent).to.contain('There is a problem');
    await expect(page).to.be.accessible();
    links[1].click();
    expect(document.activeElement).to.equal(fields[1]);
    expect(fields[1].shadowRoot!.activeElement?.tagName).to.equal('INPUT');
  });

  it("keeps a tall radio group's question in view when its link is followed (GOV.UK: legend first, focus without scrolling)", async () => {
    const choices = Array.from({ length: 30 }, (_, i) => html`<option value=${`bin-${i}`}>Bin number ${i + 1}</option>`);
    const page = await fixture<HTMLDivElement>(html`<div>
      <civic-error-summary></civic-error-summary>
      <p style="height: 120vh">Other questions on the page.</p>
      <civic-radios label="Which bin was missed?" required required-message="Select which bin was missed">
        <div slot="hint" style="height: 60vh">How to tell the bins apart, with pictures.</div>
        ${choices}
      </civic-radios>
      <p style="height: 120vh">More questions.</p>
    </div>`);
    const summary = page.querySelector('civic-error-summary')!;
    const radios = page.querySelector('civic-radios')!;
    await radios.updateComplete;
    // The group is taller than the window and its long hint puts the first choice more than half a
    // window below the legend: centring the group, or the focused first choice, hides the legend.
    expect(radios.getBoundingClientRect().height).to.be.greaterThan(window.innerHeight);
    summary.errors = validateFields([radios]);
    await summary.updateComplete;
    summary.shadowRoot!.querySelector('a')!.click();
    const legend = radios.shadowRoot!.querySelector('legend')!.getBoundingClientRect();
    expect(legend.top).to.be.at.least(0);
    expect(legend.bottom).to.be.at.most(window.innerHeight);
    expect(document.activeElement).to.equal(radios);
    expect(radios.shadowRoot!.activeElement?.getAttribute('type')).to.equal('radio');
    await expect(page).to.be.accessible();
  });

  it('gathers errors by itself inside a plain form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <civic-error-summary></civic-error-summary>
      <civic-text-input name="name" label="Full name" required required-message="Enter your full name"></civic-text-input>
      <civic-radios name="contact" label="How should we contact you?" required required-message="Select how we should contact you">
        <option value="email">Email</option><option value="phone">Phone</option>
      </civic-radios>
    </form>`);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.requestSubmit();
    await new Promise((r) => setTimeout(r));
    const summary = form.querySelector('civic-error-summary')!;
    await summary.updateComplete;
    expect([...summary.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal([
      'Enter your full name',
      'Select how we should contact you',
    ]);
    await expect(form).to.be.accessible();
  });

  it('keeps errors a widget set from code in its own submit handler', async () => {
    const form = await fixture<HTMLFormElement>(html`<form novalidate>
      <civic-error-summary></civic-error-summary>
      <civic-text-input name="ref" label="Reference"></civic-text-input>
      <button>Find</button>
    </form>`);
    const summary = form.querySelector('civic-error-summary')!;
    const field = form.querySelector('civic-text-input')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      summary.errors = [{ message: 'We could not find a report with that reference', target: field }];
    });
    form.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r));
    await summary.updateComplete;
    expect(summary.shadowRoot!.textContent).to.contain('We could not find a report with that reference');
  });
});
