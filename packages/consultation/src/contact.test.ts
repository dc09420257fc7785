// Digital by default, never the only way: the phone number (as the council writes it) and the
// contact slot on every page of the consultation — overview, questions, errors, check answers,
// confirmation — and when it cannot be loaded.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicConsultation } from './consultation.js';
import type { Step } from './navigation.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const api = `${window.CIVIC_TEST_SERVER}/api/consultations`;
const id = 'town-centre-2026';

/** `until`, saying what the consultations on the page showed instead. */
const untilSeen = <T>(check: () => T | undefined | null | false, what: string) =>
  until(check, () => `${what}; saw ${[...document.querySelectorAll('civic-consultation')].map((c) => c.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 100)).join(' | ')}`);

const heading = (el: CivicConsultation) => el.shadowRoot!.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The resident left the consultation on `step` in this tab (the element's own draft). */
function seed(step: Step, extra: Record<string, unknown> = {}) {
  sessionStorage.setItem(
    `civic-widgets:draft:consultation:${api}:${id}`,
    JSON.stringify({ v: 1, data: { answers: {}, step, key: crypto.randomUUID(), returnToCheck: false, ...extra } }),
  );
}

async function open(title: string) {
  const el = await fixture<CivicConsultation>(html`<civic-consultation endpoint=${api} consultation=${id}></civic-consultation>`);
  await untilSeen(() => heading(el).startsWith(title) && el, `the page "${title}"`);
  return el;
}

/** The phone link in the contact box under the page. */
function phoneLink(el: CivicConsultation): HTMLAnchorElement | null {
  return el.shadowRoot!.querySelector<HTMLAnchorElement>('[part=contact] a[href^="tel:"]');
}

function expectPhone(el: CivicConsultation) {
  const link = phoneLink(el);
  expect(link, 'the phone number under the page').to.exist;
  expect(link!.textContent).to.equal('01632 960000');
  expect(link!.getAttribute('href')).to.equal('tel:+441632960000');
  expect(link!.closest('p')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
    'Need help, or want to answer another way? Call us on 01632 960000.',
  );
}

describe('<civic-consultation> other ways to respond on every page', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('on the overview, and "Other ways to respond" shows the number as written', async () => {
    const el = await open('Larkmead High Street');
    expectPhone(el);
    const ways = el.shadowRoot!.querySelector('.other-ways')!;
    expect([...ways.querySelectorAll('a')].map((a) => a.textContent)).to.include('01632 960000');
    expect(ways.textContent).not.to.contain('+441632960000');
    await expect(el).to.be.accessible();
  });

  it('on a question page, also with errors shown', async () => {
    seed({ kind: 'page', id: 'about-you' });
    const el = await open('You and the town centre');
    expectPhone(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.questions [type=submit]')!.click();
    await untilSeen(() => el.shadowRoot!.querySelector('civic-error-summary')?.shadowRoot?.querySelector('li'), 'the error summary');
    expectPhone(el);
    await expect(el).to.be.accessible();
  });

  it('on check answers and on the confirmation', async () => {
    seed({ kind: 'check' });
    const check = await open('Check your answers');
    expectPhone(check);
    await expect(check).to.be.accessible();
    // Taken off the page first: it saves its draft as it goes (and on a timer before that), so
    // left in place it could write "check answers" back over the confirmation seeded below.
    check.remove();
    sessionStorage.clear();
    seed({ kind: 'done' }, { reference: 'TC-1234' });
    const done = await open('Response sent');
    expectPhone(done);
    await expect(done).to.be.accessible();
  });

  it('when the consultation cannot be loaded: the number from the phone attribute', async () => {
    const el = await fixture<CivicConsultation>(
      html`<civic-consultation endpoint="http://localhost:9/api/consultations" consultation=${id} phone="01632 960000"></civic-consultation>`,
    );
    await untilSeen(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error message');
    expect(phoneLink(el)!.textContent).to.equal('01632 960000');
    expect(phoneLink(el)!.getAttribute('href')).to.equal('tel:01632960000');
    await expect(el).to.be.accessible();
  });

  it('the contact slot replaces the sentence', async () => {
    const slotted = await fixture<CivicConsultation>(
      html`<civic-consultation endpoint=${api} consultation=${id}><p slot="contact">Text us on 07700 900000.</p></civic-consultation>`,
    );
    await untilSeen(() => heading(slotted).startsWith('Larkmead High Street'), 'the overview');
    const slot = slotted.shadowRoot!.querySelector<HTMLSlotElement>('[part=contact] slot[name=contact]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Text us on 07700 900000.');
  });

  it('a phone way whose words do not give the number: the UK number as people write it, dialling the address as given', async () => {
    const other = `phone-${Date.now().toString(36)}`;
    const put = await fetch(`${api}/${other}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', Authorization: 'Bearer sk_larkmead_demo_staff_0001' },
      body: JSON.stringify({
        id: other,
        title: 'Bus stops',
        summary: 'Where should the new bus stops go?',
        opens: '2026-01-01T00:00:00.000Z',
        closes: '2099-01-01T00:00:00.000Z',
        overview: {
          proposal: 'New stops.',
          reasons: 'More buses.',
          audience: 'Everyone.',
          estimatedMinutes: 2,
          otherWays: [{ kind: 'phone', label: 'By phone', detail: 'Call the consultation line, Monday to Friday.', href: 'tel:+441632960000' }],
          privacy: 'We keep answers for a year.',
        },
        pages: [{ id: 'p1', title: 'Stops', questions: [{ id: 'agree', type: 'yes_no', label: 'Do you agree?' }] }],
      }),
    });
    expect(put.status, `PUT ${other}`).to.equal(201);
    const el = await fixture<CivicConsultation>(html`<civic-consultation endpoint=${api} consultation=${other}></civic-consultation>`);
    await untilSeen(() => heading(el).startsWith('Bus stops') && el, 'the overview');
    const way = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.other-ways a[href^="tel:"]')];
    expect(way.map((a) => a.textContent)).to.deep.equal(['01632 960000']);
    expect(way[0]!.getAttribute('href')).to.equal('tel:+441632960000');
    expect(phoneLink(el)!.textContent).to.equal('01632 960000');
    expect(phoneLink(el)!.getAttribute('href')).to.equal('tel:+441632960000');
    expect(el.shadowRoot!.textContent).not.to.contain('+441632960000');
    await expect(el).to.be.accessible();
  });
});
