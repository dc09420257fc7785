import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CivicRadios } from './radios.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';
import { partsPastEdge } from '../testing/reflow.js';

const children = '<option value="yes">Yes</option><option value="no">No</option>';
runFormFieldSuite({ tag: 'civic-radios', children, answer: 'no', submitted: ['no'] });

describe('<civic-radios>', () => {
  it('groups the choices under a legend and reads options written in HTML', async () => {
    const el = await fixture<CivicRadios>(html`<civic-radios label="Is the road blocked?" hint="Tell us if cars cannot pass" required>
      <option value="yes">Yes</option>
      <option value="no">No</option>
    </civic-radios>`);
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.contain('Is the road blocked?');
    const radios = el.shadowRoot!.querySelectorAll('input[type=radio]');
    expect(radios.length).to.equal(2);
    expect((radios[0] as HTMLInputElement).labels![0].textContent).to.equal('Yes');
    await expect(el).to.be.accessible();
  });

  it('is chosen with the keyboard and fires change', async () => {
    const el = await fixture<CivicRadios>(html`<civic-radios label="How deep is it?" required></civic-radios>`);
    el.options = [
      { value: 'shallow', label: 'Less than 5cm' },
      { value: 'deep', label: '5cm or more', hint: 'Deep enough to damage a tyre' },
    ];
    await el.updateComplete;
    el.focus();
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Space' });
    await changed;
    expect(el.value).to.equal('shallow');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('deep');
    await expect(el).to.be.accessible();
  });

  it('says "Select an option" unless told something more specific', async () => {
    const el = await fixture<CivicRadios>(html`<civic-radios label="Pick one" required>${''}</civic-radios>`);
    el.options = [{ value: 'a', label: 'A' }];
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Select an option');
    await expect(el).to.be.accessible();
  });

  it('fits 320 CSS px with a long web address and a long Welsh word in its label, hint and choices (WCAG 1.4.10)', async () => {
    const url = 'https://photos.example.org/larkmead/high-street/pothole-outside-number-three-by-the-bus-stop-2026.jpg';
    const word = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <civic-radios label=${`Is it ${word}?`} hint=${`See ${url}`} required></civic-radios>
    </div>`);
    const el = box.querySelector<CivicRadios>('civic-radios')!;
    el.options = [
      { value: 'LDC-1', label: `Outside ${word} coach stop`, hint: `About 60 metres from the place you chose. Deep hole, photos at ${url}` },
      { value: 'new', label: 'No, it is a different problem' },
    ];
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Select an option');
    expect(partsPastEdge(box)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
