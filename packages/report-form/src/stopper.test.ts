// An answer can stop the form (GOV.UK interruption page, FixMyStreet's "disable form"): a street
// light with its wires showing must be phoned in. Nothing is sent, and the answer can be changed.
import { expect, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { heading, onPage, pageText } from './testing/pages.js';
import { button, choice, larkmead, makeForm, seedDraft } from './testing/form.js';

describe('<civic-report-form> answers that stop the form', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('street light "wires showing": call us now, nothing sent; changing the answer carries on', async () => {
    seedDraft({ serviceCode: 'street_lights', attributes: { asset_id: '' } }, 'question:fault');
    const el = await makeForm();
    const sent: Event[] = [];
    el.addEventListener('civic-submit', (e) => sent.push(e));
    await onPage(el, 'What is wrong with it?');
    choice(el, 'Wires are showing or it has been knocked down').click();
    await el.updateComplete;
    button(el, 'Continue').click();

    await onPage(el, 'You need to call us about this');
    expect(pageText(el)).to.contain('This is dangerous. Call us now on 01632 960000, day or night');
    const call = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent!.replace(/\s+/g, ' ').trim() === 'Call 01632 960000')!;
    expect(call.getAttribute('href')).to.equal('tel:01632960000');
    expect(pageText(el)).to.contain('We have not sent anything.');
    await expect(el).to.be.accessible();

    // Even from check answers (a draft brought back), the report is not sent.
    el['set']({ place: larkmead });
    el['go']('check');
    await onPage(el, 'Check your answers');
    button(el, 'Send report').click();
    await onPage(el, 'You need to call us about this');
    expect(sent, 'civic-submit').to.have.length(0);

    button(el, 'Change my answer').click();
    await onPage(el, 'What is wrong with it?');
    expect(choice(el, 'Wires are showing').checked, 'the answer is still there to change').to.equal(true);
    choice(el, 'It is off at night').click();
    await el.updateComplete;
    button(el, 'Continue').click();
    await waitUntil(() => heading(el).startsWith('How many lights in a row are off?'), 'the next question').catch(() => {
      throw new Error(`saw "${heading(el)}" ${JSON.stringify(el['answers'].attributes)} ${el['page']} ${pageText(el).slice(0, 400)}`);
    });
  });
});
