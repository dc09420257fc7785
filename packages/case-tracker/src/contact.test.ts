// Digital by default, never the only way: the phone number and the contact slot stay in view on
// every view of the tracker — the look-up form, a case once shown, a list, an error.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicCaseTracker } from './case-tracker.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const api = () => `${window.CIVIC_TEST_SERVER}/open311/v2`;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function report(): Promise<string> {
  const response = await fetch(`${api()}/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      service_code: 'graffiti',
      lat: '52.22',
      long: '-1.5',
      address_string: '1 High Street, Larkmead',
      description: 'Paint on the bus shelter',
      'attribute[surface]': 'street_furniture',
      'attribute[offensive]': 'no',
    }),
  });
  return ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

function expectPhone(el: CivicCaseTracker) {
  const contact = el.shadowRoot!.querySelector('[part=contact]');
  expect(text(contact)).to.equal('You can also call us about your report on 01632 960000.');
  expect(contact!.querySelector('a')!.getAttribute('href')).to.equal('tel:01632960000');
}

describe('<civic-case-tracker> other ways to get in touch on every view', function () {
  this.timeout(30_000);

  it('on the look-up form and once a case is shown', async () => {
    const id = await report();
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker endpoint=${api()} phone="01632 960000"></civic-case-tracker>`);
    await waitUntil(() => el.shadowRoot!.querySelector('civic-text-input'), 'the look-up form');
    expectPhone(el);
    await expect(el).to.be.accessible();
    el.reference = id;
    await waitUntil(() => el.case, 'the case', { timeout: 8000 });
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('h2'))).to.contain(`Report ${id}`);
    expectPhone(el);
    await expect(el).to.be.accessible();
  });

  it('on a list of reports', async () => {
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker mode="list" endpoint=${api()} lat="52.22" long="-1.5" radius="50" phone="01632 960000"></civic-case-tracker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.results, .body'), 'the list', { timeout: 8000 });
    expectPhone(el);
    await expect(el).to.be.accessible();
  });

  it('when the server cannot be reached, with the contact slot in place of the sentence', async () => {
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker endpoint="http://localhost:9/open311/v2" ref="LDC-1001" phone="01632 960000"
        ><p slot="contact">Call us on 01632 960000 and quote your reference.</p></civic-case-tracker
      >`,
    );
    await oneEvent(el, 'civic-error');
    await el.updateComplete;
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('[part=contact] slot[name=contact]')!;
    expect(text(slot.assignedElements()[0])).to.equal('Call us on 01632 960000 and quote your reference.');
    await expect(el).to.be.accessible();
  });
});
