import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { CivicSelect } from './select.js';
import { runFormFieldSuite } from '../testing/form-field-suite.js';

const children = '<option value="a">Ashby Parva</option><option value="h">Hollins Green</option>';
runFormFieldSuite({ tag: 'civic-select', children, answer: 'h', submitted: ['h'] });

describe('<civic-select>', () => {
  it('offers an empty first choice and the options', async () => {
    const el = await fixture<CivicSelect>(html`<civic-select label="Parish" placeholder="Choose a parish">
      <option value="a">Ashby Parva</option>
      <option value="h">Hollins Green</option>
    </civic-select>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Choose a parish', 'Ashby Parva', 'Hollins Green']);
    select.value = 'h';
    select.dispatchEvent(new Event('change'));
    expect(el.value).to.equal('h');
    await expect(el).to.be.accessible();
  });
});
