import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicConsultationHub } from './consultation-hub.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const api = () => `${window.CIVIC_TEST_SERVER}/api/consultations`;
const pattern = '/have-your-say/consultation?consultation={id}';

// ---- what a resident sees and does, by role and label -------------------------------------

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: Element) => el.shadowRoot!;

/** The focused element, looking inside shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A control's accessible name, roughly: its label's text, or its own text. */
function nameOf(el: Element | null): string {
  if (el instanceof HTMLInputElement) return squash([...(el.labels ?? [])].map((l) => l.textContent).join(' '));
  return squash(el?.textContent);
}

/** The native input labelled `label`, inside one of the hub's core fields. */
function input(hub: Element, label: string): HTMLInputElement {
  const own = [...shadow(hub).querySelectorAll('input')].find((i) => nameOf(i) === label);
  if (own) return own;
  for (const field of shadow(hub).querySelectorAll('civic-text-input, civic-checkboxes')) {
    const match = [...shadow(field).querySelectorAll('input')].find((i) => nameOf(i) === label);
    if (match) return match;
  }
  throw new Error(`no control labelled "${label}"`);
}

/** The titles listed under a group's heading (an h2), as links. */
function listed(hub: Element, heading: string): string[] {
  const h2 = [...shadow(hub).querySelectorAll('h2')].find((h) => squash(h.textContent) === heading);
  if (!h2) throw new Error(`no heading "${heading}"`);
  return [...h2.closest('section')!.querySelectorAll('h3 a')].map((a) => squash(a.textContent));
}

const status = (hub: Element) => squash(shadow(hub).querySelector('[role="status"][aria-live]')?.textContent);

/** Waits for the list and for the fields in it to have rendered. */
async function listedIn(el: CivicConsultationHub) {
  await until(() => shadow(el).querySelector('h2#group-open'), 'the list');
  await Promise.all([...shadow(el).querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('civic-text-input')].map((f) => f.updateComplete));
}

async function hub(lang = 'en'): Promise<CivicConsultationHub> {
  const el = await fixture<CivicConsultationHub>(
    html`<civic-consultation-hub lang=${lang} endpoint=${api()} consultation-url=${pattern}></civic-consultation-hub>`,
  );
  await listedIn(el);
  return el;
}

async function type(field: HTMLInputElement, text: string) {
  field.focus();
  await sendKeys({ type: text });
}

// The demo's consultations (packages/server/demo/consultations): the town centre and play
// areas are open, car parks closed awaiting a decision, library hours has its outcome.
const TOWN = 'Larkmead High Street: a safer, greener town centre';
const PLAY = 'Play areas in Fenbury and Thistleby';
const PARKING = 'Car park charges';
const LIBRARY = 'Opening hours at Larkmead Library';

describe('<civic-consultation-hub>', () => {
  it('is accessible while loading, listed, filtered to nothing and after subscribing', async () => {
    const el = await fixture<CivicConsultationHub>(html`<civic-consultation-hub endpoint=${api()} consultation-url=${pattern}></civic-consultation-hub>`);
    expect(squash(shadow(el).textContent)).to.contain('Loading consultations');
    await expect(el).to.be.accessible();
    await listedIn(el);
    await expect(el).to.be.accessible();
    await type(input(el, 'Search consultations'), 'zzzz nothing');
    await until(() => status(el) === '0 consultations found', 'the count');
    expect(squash(shadow(el).textContent)).to.contain('No open consultations match.');
    await expect(el).to.be.accessible();
  });

  it('lists open ones closing soonest first, those awaiting a decision, and outcomes, each linked by the pattern', async () => {
    const el = await hub();
    const open = listed(el, 'Open consultations');
    expect(open.indexOf(PLAY)).to.be.greaterThan(-1);
    expect(open.indexOf(PLAY), 'the play areas close first').to.be.lessThan(open.indexOf(TOWN));
    expect(listed(el, 'Closed: we are considering the responses')).to.include(PARKING);
    expect(listed(el, 'We asked, you said, we did').some((t) => t.startsWith(LIBRARY))).to.equal(true);
    const link = [...shadow(el).querySelectorAll('a')].find((a) => squash(a.textContent) === TOWN)!;
    expect(link.getAttribute('href')).to.equal('/have-your-say/consultation?consultation=town-centre-2026');
  });

  it('searches by words, announcing the count once typing stops', async () => {
    const el = await hub();
    await type(input(el, 'Search consultations'), 'play  FENBURY');
    await until(() => status(el) === '1 consultation found', 'one result announced');
    expect(listed(el, 'Open consultations')).to.deep.equal([PLAY]);
    expect(listed(el, 'We asked, you said, we did')).to.deep.equal([]);
  });

  it('filters by topic and by area, and clears them', async () => {
    const el = await hub();
    input(el, 'Transport and roads').click();
    await until(() => !listed(el, 'Open consultations').includes(PLAY), 'the topic filter');
    expect(listed(el, 'Open consultations')).to.include(TOWN);
    expect(listed(el, 'Closed: we are considering the responses')).to.include(PARKING);
    expect(status(el)).to.match(/consultations? found/);
    input(el, 'Transport and roads').click();
    input(el, 'Thistleby').click();
    await until(() => !listed(el, 'Open consultations').includes(TOWN), 'the area filter');
    // Thistleby's own, and those about the whole council area.
    expect(listed(el, 'Open consultations')).to.include(PLAY);
    expect(listed(el, 'Closed: we are considering the responses')).to.include(PARKING);
    const clear = [...shadow(el).querySelectorAll('button')].find((b) => squash(b.textContent) === 'Clear search and filters')!;
    clear.click();
    await until(() => listed(el, 'Open consultations').includes(TOWN), 'everything again');
    expect(input(el, 'Thistleby').checked).to.equal(false);
  });

  it('speaks Welsh: headings, labels, dates, and the consultations in Welsh', async () => {
    const el = await hub('cy');
    await until(() => shadow(el).querySelector('h2#group-open')?.textContent?.includes('Ymgynghoriadau agored'), 'Welsh headings');
    expect(listed(el, 'Ymgynghoriadau agored')).to.include('Stryd Fawr Larkmead: canol tref mwy diogel a gwyrddach');
    input(el, 'Trafnidiaeth a ffyrdd').click();
    await until(() => status(el).startsWith('Cafwyd'), 'the Welsh count');
    expect(squash(shadow(el).textContent)).to.contain('Yn cau');
    await expect(el).to.be.accessible();
  });

  it('works by keyboard alone: search, tick a topic, reach the results, subscribe', async () => {
    const el = await hub();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(nameOf(focused())).to.match(/^Search consultations/);
    await sendKeys({ type: 'car park' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === '1 consultation found', 'the search on Enter');
    for (let i = 0; i < 40 && nameOf(focused()) !== 'Transport and roads'; i++) await sendKeys({ press: 'Tab' });
    expect(nameOf(focused())).to.equal('Transport and roads');
    await sendKeys({ press: 'Space' });
    await until(() => (focused() as HTMLInputElement).checked, 'the box ticked');
    for (let i = 0; i < 40 && nameOf(focused()) !== PARKING; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.localName).to.equal('a');
    for (let i = 0; i < 40 && !nameOf(focused()).startsWith('Email address'); i++) await sendKeys({ press: 'Tab' });
    expect(squash(shadow(el).querySelector('.chosen')?.textContent)).to.contain('Transport and roads');
    await sendKeys({ type: `hub-${Date.now()}@example.com` });
    const subscribed = oneEvent(el, 'civic-alerts-subscribe');
    await sendKeys({ press: 'Enter' });
    expect((await subscribed).detail).to.deep.equal({ topics: ['transport'], areas: [] });
    await until(() => squash(shadow(el).textContent).includes('Check your email'), 'the confirmation');
    await expect(el).to.be.accessible();
    before.remove();
  });

  it('asks for a well-formed email address before subscribing', async () => {
    const el = await hub();
    await type(input(el, 'Email address'), 'not-an-address');
    await sendKeys({ press: 'Enter' });
    const field = input(el, 'Email address').getRootNode() as ShadowRoot;
    await until(() => field.textContent?.includes('correct format'), 'the error on the field');
    expect(squash(shadow(el).textContent)).not.to.contain('Check your email');
  });

  it('says it could not sign the resident up when the server refuses, keeps the address, and passes axe', async () => {
    // The test runner's own file server: it lists consultations but refuses the sign-up's POST
    // (test-fixtures/no-alerts/README.md).
    const endpoint = new URL('/packages/consultation-hub/test-fixtures/no-alerts/consultations', location.href).href;
    const el = await fixture<CivicConsultationHub>(html`<civic-consultation-hub endpoint=${endpoint} consultation-url=${pattern}></civic-consultation-hub>`);
    await listedIn(el);
    const email = 'hub-refused@example.org';
    await type(input(el, 'Email address'), email);
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => shadow(el).querySelector('.alerts [role=alert]'), 'the "could not sign you up" message');
    expect(squash(alert.textContent)).to.equal('We could not sign you up just now. Try again in a few minutes.');
    // Nothing claims it was sent, and the address is still there to send again.
    expect(squash(shadow(el).textContent)).not.to.contain('Check your email');
    expect(input(el, 'Email address').value).to.equal(email);
    await expect(el).to.be.accessible();
  });

  it('shows a problem the resident can act on when the server cannot be reached', async () => {
    const el = await fixture<CivicConsultationHub>(
      html`<civic-consultation-hub endpoint="http://127.0.0.1:9/api/consultations" consultation-url=${pattern}
        ><p slot="fallback">Call 01632 960000</p></civic-consultation-hub
      >`,
    );
    await until(() => squash(shadow(el).textContent).includes('Sorry, there is a problem'), 'the error', 30_000);
    expect([...shadow(el).querySelectorAll('button')].map((b) => squash(b.textContent))).to.include('Try again');
    await expect(el).to.be.accessible();
  });
});
