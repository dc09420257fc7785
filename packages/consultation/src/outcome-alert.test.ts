// "Find out what we decide" on the confirmation page: the respondent asks for the outcome by
// email, against the real reference server. Each state (empty, errors, refused, sent, Welsh) is
// checked with axe, and the form is used by keyboard only.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicConsultation } from './consultation.js';
import type { Step } from './navigation.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const server = window.CIVIC_TEST_SERVER;
const api = `${server}/api/consultations`;
const id = 'town-centre-2026';

/** The element that has focus, looking inside shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const words = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * A consultations endpoint that shows the consultation but takes no sign-up: the test runner's
 * own file server, which refuses a POST (test-fixtures/no-alerts/README.md).
 */
const noAlerts = new URL('/packages/consultation/test-fixtures/no-alerts', location.href).href;

/** The confirmation page, as the resident reaches it after sending (the element's own draft). */
async function confirmation(lang = 'en', endpoint = api) {
  const step: Step = { kind: 'done' };
  sessionStorage.setItem(
    `civic-widgets:draft:consultation:${endpoint}:${id}`,
    JSON.stringify({ v: 1, data: { answers: {}, step, key: crypto.randomUUID(), returnToCheck: false, reference: 'TC-1234' } }),
  );
  const el = await fixture<CivicConsultation>(html`<civic-consultation endpoint=${endpoint} consultation=${id} lang=${lang}></civic-consultation>`);
  const section = await until(() => el.shadowRoot!.querySelector<HTMLElement>('section[aria-labelledby="outcome-heading"]'), 'the outcome form');
  return { el, section };
}

const field = (section: HTMLElement) => section.querySelector('civic-text-input')!;
const fieldError = (section: HTMLElement) => words(field(section).shadowRoot!.querySelector('[part~="error"], .error-message'));

/** Tab until the email box has focus (real keyboard navigation). */
async function tabToEmail() {
  for (let i = 0; i < 60; i++) {
    await sendKeys({ press: 'Tab' });
    const el = focused();
    if (el instanceof HTMLInputElement && el.type === 'email') return el;
  }
  throw new Error('Tab never reached the email box');
}

describe('<civic-consultation> "Find out what we decide"', function () {
  this.timeout(60_000);
  afterEach(() => sessionStorage.clear());

  it('offers the outcome by email under the confirmation, and passes axe', async () => {
    const { el, section } = await confirmation();
    expect(words(section.querySelector('h2'))).to.equal('Find out what we decide');
    expect(words(section)).to.contain('Your email address is kept apart from your answers.');
    expect(field(section).label).to.equal('Email address');
    expect(words(section.querySelector('button[type=submit]'))).to.equal('Email me the outcome');
    await expect(el).to.be.accessible();
  });

  it('says what to fix when the address is missing or not an address, by keyboard, and passes axe', async () => {
    const { el, section } = await confirmation();
    const box = await tabToEmail();
    await sendKeys({ press: 'Enter' });
    await until(() => fieldError(section).includes('Enter your email address'), 'the empty-address error');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    box.focus();
    await sendKeys({ type: 'resident.example.org' });
    await sendKeys({ press: 'Enter' });
    await until(() => fieldError(section).includes('Enter an email address in the correct format, like name@example.com'), 'the format error');
    await expect(el).to.be.accessible();
  });

  it('names the email box when the server refuses the address as too long, and passes axe', async () => {
    const { el, section } = await confirmation();
    // Longer than any email address may be (254 characters): the browser's check lets it through,
    // the server refuses it as an email problem (invalid_email), so the error is the field's.
    const box = await tabToEmail();
    box.focus();
    // The long part is put in at once and the rest typed: 262 keys one by one took most of the
    // test's time on a busy machine.
    box.value = 'a'.repeat(250);
    await sendKeys({ type: '@example.org' });
    await sendKeys({ press: 'Enter' });
    await until(() => fieldError(section), 'the email box to show its error', 30_000);
    expect(fieldError(section)).to.contain('Enter an email address in the correct format, like name@example.com');
    expect(section.querySelector('[role=alert]'), 'not the "try again later" message').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('confirms a link was sent, in a status message, and passes axe', async () => {
    const { el, section } = await confirmation();
    const email = `outcome-${Date.now().toString(36)}@example.org`;
    (await tabToEmail()).focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    const status = await until(() => section.querySelector('[role=status]'), 'the sent message');
    expect(words(status)).to.equal(`We have sent a link to ${email}. Open it to confirm, and we will email you when we publish the outcome.`);
    expect(section.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says it could not sign the respondent up when the server refuses, keeps the address, and passes axe', async () => {
    const { el, section } = await confirmation('en', noAlerts);
    const email = 'outcome-refused@example.org';
    (await tabToEmail()).focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => section.querySelector('[role=alert]'), 'the "could not sign you up" message');
    expect(words(alert)).to.equal('We could not sign you up just now. Try again in a few minutes.');
    // The address is the resident's to send again, not a field error; nothing claims it was sent.
    expect(field(section).value).to.equal(email);
    expect(fieldError(section)).to.equal('');
    expect(section.querySelector('[role=status]')).to.equal(null);
    expect(section.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('in Welsh, and passes axe', async () => {
    const { el, section } = await confirmation('cy');
    await until(() => words(section.querySelector('h2')) === 'Cael gwybod beth rydym yn ei benderfynu', 'the Welsh heading');
    expect(field(section).label).to.equal('Cyfeiriad e-bost');
    expect(words(section.querySelector('button[type=submit]'))).to.equal('Anfon y canlyniad ataf i drwy e-bost');
    await expect(el).to.be.accessible();
  });
});
