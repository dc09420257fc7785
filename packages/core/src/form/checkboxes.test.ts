import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CivicCheckboxes } from './checkboxes.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';

const children = '<option value="glass">Glass</option><option value="tyres">Tyres</option><option value="bags">Bags</option>';
runFormFieldSuite({ tag: 'civic-checkboxes', children, answer: ['glass', 'bags'], submitted: ['glass', 'bags'] });

describe('<civic-checkboxes>', () => {
  async function wasteTypes() {
    const el = await fixture<CivicCheckboxes>(html`<civic-checkboxes label="What has been dumped?" required></civic-checkboxes>`);
    el.options = [
      { value: 'glass', label: 'Glass' },
      { value: 'tyres', label: 'Tyres' },
      { value: 'none', label: 'None of these', dividerBefore: true, exclusive: true },
    ];
    await el.updateComplete;
    return el;
  }

  it('collects several answers chosen with the keyboard', async () => {
    const el = await wasteTypes();
    el.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(el.value).to.deep.equal(['glass', 'tyres']);
    await expect(el).to.be.accessible();
  });

  it('clears the others when "None of these" is chosen, and the other way round', async () => {
    const el = await wasteTypes();
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
    boxes[0].click();
    boxes[2].click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['none']);
    expect(boxes[0].checked).to.equal(false);
    boxes[1].click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['tyres']);
    expect(el.shadowRoot!.querySelector('.divider')!.textContent).to.equal('or');
  });

  it('asks for at least one answer', async () => {
    const el = await wasteTypes();
    el.reportValidity();
    await el.updateComplete;
    expect(el.visibleError).to.equal('Select at least one option');
    await expect(el).to.be.accessible();
  });
});
