import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElement } from '@civic-widgets/core';
import { runFormFieldSuite } from '@civic-widgets/core/testing';
import { CivicConsultationRanking } from './ranking.js';

defineElement('civic-consultation-ranking', CivicConsultationRanking);

const options = [
  { value: 'trees', label: 'Street trees' },
  { value: 'seats', label: 'Seating' },
  { value: 'lights', label: 'Better lighting' },
];

function focusedButton(): HTMLButtonElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLButtonElement ? el : null;
}

// A ranking always shows an order, so it has no "required" rule of its own: its error states are
// checked through setCustomValidity and errorMessage.
runFormFieldSuite<string[]>({
  tag: 'civic-consultation-ranking',
  setup: (field) => ((field as CivicConsultationRanking).options = options),
  answer: ['seats', 'trees', 'lights'],
  submitted: ['seats', 'trees', 'lights'],
  required: false,
  change: (field) => field.shadowRoot!.querySelector<HTMLButtonElement>('[data-direction="down"]')!.click(),
});

const labels = (el: CivicConsultationRanking) =>
  [...el.shadowRoot!.querySelectorAll('.item-label')].map((s) => s.textContent!.trim());

describe('<civic-consultation-ranking>', () => {
  it('lists the options in a fieldset with numbered positions and move buttons, and passes axe', async () => {
    const el = await fixture<CivicConsultationRanking>(
      html`<civic-consultation-ranking label="Put these in order" hint="Most important first" .options=${options}></civic-consultation-ranking>`,
    );
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.contain('Put these in order');
    expect(labels(el)).to.deep.equal(['Street trees', 'Seating', 'Better lighting']);
    // The first item cannot go up, the last cannot go down.
    const rows = el.shadowRoot!.querySelectorAll('li');
    expect(rows[0]!.querySelector('[data-direction="up"]')).to.equal(null);
    expect(rows[2]!.querySelector('[data-direction="down"]')).to.equal(null);
    expect(el.order).to.deep.equal(['trees', 'seats', 'lights']);
    await expect(el).to.be.accessible();
  });

  it('moves by keyboard, keeps focus on the moved item, and announces where it went', async () => {
    const el = await fixture<CivicConsultationRanking>(
      html`<civic-consultation-ranking label="Put these in order" name="order" .options=${options}></civic-consultation-ranking>`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-value="lights"] [data-direction="up"]')!.focus();
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await changed;
    expect(el.value).to.deep.equal(['trees', 'lights', 'seats']);
    await el.updateComplete;
    expect(focusedButton()!.closest('li')!.dataset.value).to.equal('lights');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Better lighting', 'Street trees', 'Seating']);
    // At the top its "Move up" is gone: focus goes to its "Move down".
    expect(focusedButton()!.dataset.direction).to.equal('down');
    expect(focusedButton()!.closest('li')!.dataset.value).to.equal('lights');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Better lighting moved to position 1 of 3');
    await expect(el).to.be.accessible();
  });

  it('takes part in a form as the full order', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><civic-consultation-ranking label="Order" name="order" .options=${options}></civic-consultation-ranking></form>`,
    );
    const el = form.querySelector('civic-consultation-ranking')!;
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-value="trees"] [data-direction="down"]')!.click();
    await el.updateComplete;
    expect(new FormData(form).getAll('order')).to.deep.equal(['seats', 'trees', 'lights']);
  });
});
