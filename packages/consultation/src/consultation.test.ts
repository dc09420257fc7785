import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '@civic-widgets/core/testing';
import { formatDateTime, type Consultation } from '@civic-widgets/core';
import './define.js';
import type { CivicConsultation } from './consultation.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const server = window.CIVIC_TEST_SERVER;
const api = `${server}/api/consultations`;
const STAFF_KEY = 'sk_larkmead_demo_staff_0001';

// ---- helpers: what a resident sees and does ------------------------------------------------

/** The element that has focus, looking inside shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A focused control's name, roughly as a screen reader would say it. */
function nameOf(el: Element | null): string {
  if (!el) return '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return [...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  }
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Presses Tab until the focused control's name matches (real keyboard navigation). */
async function tabTo(name: string | RegExp, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = focused();
    const text = nameOf(el);
    if (typeof name === 'string' ? text === name : name.test(text)) return el!;
  }
  throw new Error(`Tab never reached "${name}" (last: "${nameOf(focused())}")`);
}

const root = (el: CivicConsultation) => el.shadowRoot!;
const heading = (el: CivicConsultation) => root(el).querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const progress = (el: CivicConsultation) => root(el).querySelector('.caption')?.textContent?.trim() ?? '';
const atHeading = (el: CivicConsultation, text: string) => until(() => heading(el) === text && el, `the page "${text}"`);

/** The messages in the error summary, in order. */
function summary(el: CivicConsultation): string[] {
  const box = root(el).querySelector('civic-error-summary');
  return [...(box?.shadowRoot?.querySelectorAll('li a') ?? [])].map((a) => a.textContent!.trim());
}

/** Radios: Tab reaches the group's first choice; arrow keys move to (and choose) the others. */
async function choose(first: string, downs = 0) {
  await tabTo(first);
  if (downs === 0) await press('Space');
  for (let i = 0; i < downs; i++) await press('ArrowDown');
}

async function press(key: string) {
  await sendKeys({ press: key });
}

async function type(text: string) {
  await sendKeys({ type: text });
}

async function openFixture(id = 'town-centre-2026', extra = '') {
  const el = await fixture<CivicConsultation>(
    html`<civic-consultation
      endpoint=${api}
      consultation=${id}
      lang=${extra || 'en'}
      geocoder-url=${`${server}/api/addresses`}
    ></civic-consultation>`,
  );
  await until(() => root(el).querySelector('h1'), 'the consultation to load');
  return el;
}

/** A fresh page: what the resident kept in this tab is gone, as after closing the browser. */
function forgetThisTab() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('civic-widgets:draft:')) sessionStorage.removeItem(key);
}

async function responsesCsv(): Promise<string> {
  const res = await fetch(`${api}/town-centre-2026/responses.csv`, { headers: { Authorization: `Bearer ${STAFF_KEY}` } });
  expect(res.status).to.equal(200);
  return res.text();
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

// ---- tests ------------------------------------------------------------------------------------

describe('<civic-consultation>', function () {
  // Real Chromium against a real server on a shared machine: generous, never a speed assertion.
  this.timeout(60_000);
  // The reference server's first queries warm its embedded database; don't bill that to a test.
  before(async function () {
    this.timeout(60_000);
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${api}/town-centre-2026`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  beforeEach(() => forgetThisTab());
  afterEach(() => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname);
  });

  it('shows the overview: proposal, reasons, who can answer, closing date, time, other ways, privacy', async () => {
    const el = await openFixture();
    expect(heading(el)).to.equal('Larkmead High Street: a safer, greener town centre');
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('What we propose');
    expect(text).to.contain('Traffic on the High Street would run one way only');
    expect(text).to.contain('Who can answer');
    expect(text).to.contain('About 10 minutes');
    expect(text).to.match(/Closes\s*\d{1,2} [A-Z][a-z]+ 20\d\d/);
    expect(text).to.contain('Other ways to respond');
    expect(text).to.contain('Call 01632 960000');
    expect(root(el).querySelector('a[href="tel:+441632960000"]')).to.exist;
    expect(text).to.contain('How we use your answers');
    expect(root(el).querySelector('a[href="https://larkmead.example.gov.uk/privacy/consultations"]')).to.exist;
    expect(root(el).querySelector('.button--start')!.textContent!.trim()).to.equal('Start now');
    await expect(el).to.be.accessible();
  });

  it('speaks Welsh when the page does: the definition’s Welsh text and the closing date', async () => {
    const el = await openFixture('town-centre-2026', 'cy');
    await until(() => heading(el).startsWith('Stryd Fawr'), 'the Welsh title');
    await until(() => root(el).textContent!.includes('Dechrau nawr'), 'the Welsh start button');
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Ffyrdd eraill o ymateb');
    expect(text).to.contain('Tua 10 munud');
    // The closing date goes through core's formatDateTime in the resident's language.
    const definition = (await fetch(`${api}/town-centre-2026`).then((r) => r.json())) as Consultation;
    expect(text).to.contain(formatDateTime(definition.closes));
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('.button--start')!.click();
    await atHeading(el, 'Chi a chanol y dref');
    await until(() => progress(el) === 'Tudalen 1 o 3', 'the Welsh progress');
    const yesNo = root(el).querySelector('[data-q="drives"]')!;
    await until(() => yesNo.shadowRoot!.textContent!.includes('Ie'), 'Ie / Na');
    expect([...yesNo.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent)).to.deep.equal(['Ie', 'Na']);
    await expect(el).to.be.accessible();
  });

  it('is completed by keyboard alone; the driving answer adds the parking page; the response is stored once', async function () {
    this.timeout(90_000);
    const el = await openFixture();
    const pages: string[] = [];
    el.addEventListener('civic-consultation-page-change', (e) => pages.push(e.detail.page));

    await tabTo('Start now');
    await press('Enter');
    await atHeading(el, 'You and the town centre');
    expect(progress(el)).to.equal('Page 1 of 3');
    await expect(el).to.be.accessible();

    await choose('Every day', 1); // Once or twice a week
    await choose('Yes');
    // Driving reveals the parking page, so the count changes at once.
    await until(() => progress(el) === 'Page 1 of 4', 'the page count to grow');
    await tabTo('Cycle');
    await press('Space');
    await tabTo('Another way');
    await press('Space');
    await tabTo('Please specify');
    await type('Mobility scooter');
    await tabTo('What is your postcode? (optional)');
    await type('LK1 2AB');
    await tabTo('Continue');
    await press('Enter');

    await atHeading(el, 'The proposals');
    expect(progress(el)).to.equal('Page 2 of 4');
    await expect(el).to.be.accessible();
    await choose('Strongly agree', 1); // Agree
    // Ranking: move "Street trees" to the top with the keyboard.
    await tabTo(/^Move up: Street trees/);
    await press('Enter');
    await until(() => /^Move down: Street trees/.test(nameOf(focused())), 'focus to stay on the moved item');
    const ranking = root(el).querySelector('civic-consultation-ranking')!;
    await until(
      () => ranking.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('Street trees moved to position 1 of 5'),
      'the move to be announced',
    );
    await tabTo(/comments|anything else/i);
    await type('More benches please');
    await tabTo('Continue');
    await press('Enter');

    await atHeading(el, 'Parking');
    expect(progress(el)).to.equal('Page 3 of 4');
    await expect(el).to.be.accessible();
    await choose('Market Square car park');
    // The rating appears because the answer is a car park.
    await until(() => root(el).querySelector('[data-q="car-park-rating"]'), 'the car park rating');
    await choose('1 – Very hard', 1); // 2
    await tabTo('Continue');
    await press('Enter');

    await atHeading(el, 'Staying involved');
    expect(progress(el)).to.equal('Page 4 of 4');
    await tabTo('Day');
    await type('27');
    await tabTo('Month');
    await type('3');
    await tabTo('Year');
    await type('2027');
    await choose('A resident of Larkmead district');
    await tabTo('Continue');
    await press('Enter');

    await atHeading(el, 'Check your answers before sending your response');
    const check = root(el).textContent!.replace(/\s+/g, ' ');
    expect(check).to.contain('Once or twice a week');
    expect(check).to.contain('Another way: Mobility scooter');
    expect(check).to.contain('27 March 2027');
    expect(check).to.contain('Market Square car park');
    const order = [...root(el).querySelectorAll('.answer-list--numbered li')].map((li) => li.textContent!.trim());
    expect(order).to.deep.equal(['Street trees', 'Wider pavements', 'Seating', 'Covered cycle parking', 'Better lighting']);
    await expect(el).to.be.accessible();

    // Change an answer, and come back to check answers.
    await tabTo(/^Change your answer to: How often do you visit/);
    await press('Enter');
    await atHeading(el, 'You and the town centre');
    await tabTo('Once or twice a week');
    await press('ArrowUp'); // Every day
    await tabTo('Continue');
    await press('Enter');
    await atHeading(el, 'Check your answers before sending your response');
    expect(root(el).textContent).to.contain('Every day');

    await tabTo('Send response');
    const submitted = oneEvent(el, 'civic-consultation-submitted');
    await press('Enter');
    const { detail } = await submitted;
    await atHeading(el, 'Response sent');
    expect(root(el).querySelector('.reference')!.textContent).to.equal(detail.reference);
    expect(detail.reference).to.match(/^LDC-C-/);
    await expect(el).to.be.accessible();
    expect(pages).to.deep.equal([
      'about-you',
      'proposals',
      'parking',
      'next-steps',
      'check',
      'about-you',
      'check',
      'confirmation',
    ]);

    const csv = await responsesCsv();
    expect(occurrences(csv, detail.reference)).to.equal(1);
    const row = csv.split('\r\n').find((line) => line.startsWith(detail.reference))!;
    expect(row).to.contain('Street trees > Wider pavements');
    expect(row).to.contain('Mobility scooter');
    expect(row).to.contain('2027-03-27');
    expect(row.split(',')[2], 'the language answered in').to.equal('en');

    // A reload shows the confirmation again, never a second form to send.
    fixtureCleanup();
    const again = await openFixture();
    await atHeading(again, 'Response sent');
    expect(root(again).querySelector('.reference')!.textContent).to.equal(detail.reference);
  });

  it('checks each page before moving on, with the error summary; answers survive a reload', async function () {
    this.timeout(60_000);
    let el = await openFixture();
    root(el).querySelector<HTMLButtonElement>('.button--start')!.click();
    await atHeading(el, 'You and the town centre');
    const continueButton = () => root(el).querySelector<HTMLButtonElement>('form.questions button[type=submit]')!;

    continueButton().click();
    await until(() => summary(el).length, 'the error summary');
    expect(summary(el)).to.deep.equal([
      'Select an answer for: How often do you visit Larkmead town centre?',
      'Select an answer for: Do you ever drive into the town centre?',
    ]);
    await expect(el).to.be.accessible();

    // "Other" needs its text.
    const radios = root(el).querySelectorAll<HTMLElement & { value: string }>('civic-radios');
    radios[0]!.shadowRoot!.querySelector<HTMLInputElement>('input[value="daily"]')!.click();
    radios[1]!.shadowRoot!.querySelector<HTMLInputElement>('input[value="no"]')!.click();
    root(el).querySelector('civic-checkboxes')!.shadowRoot!.querySelector<HTMLInputElement>('input[value="other"]')!.click();
    await until(() => root(el).querySelector('[data-part="other"]'), '"Please specify"');
    continueButton().click();
    await until(() => summary(el).length === 1, 'one error');
    expect(summary(el)).to.deep.equal(['Enter your other answer']);
    // The link takes the resident to the box.
    root(el).querySelector('civic-error-summary')!.shadowRoot!.querySelector<HTMLAnchorElement>('li a')!.click();
    expect(focused()).to.equal(root(el).querySelector('[data-part="other"]')!.shadowRoot!.querySelector('input'));
    await type('Scooter');
    continueButton().click();

    await atHeading(el, 'The proposals');
    expect(progress(el)).to.equal('Page 2 of 3');

    // A reload (the same tab) comes back to this page with the answers so far.
    await new Promise((r) => setTimeout(r, 400)); // the draft is saved after typing pauses
    fixtureCleanup();
    el = await openFixture();
    await atHeading(el, 'The proposals');
    root(el).querySelector<HTMLButtonElement>('.back-link')!.click();
    await atHeading(el, 'You and the town centre');
    expect(root(el).querySelector<HTMLElement & { value: string }>('[data-q="visit-frequency"]')!.value).to.equal('daily');
    expect(root(el).querySelector<HTMLElement & { value: string }>('[data-part="other"]')!.value).to.equal('Scooter');
    continueButton().click();
    await atHeading(el, 'The proposals');
    // The word limit: over 100 words is refused.
    continueButton().click();
    await until(() => summary(el).length, 'the error summary');
    expect(summary(el)).to.deep.equal(['Select an answer for: How much do you agree or disagree with making the High Street one-way?']);
    root(el).querySelector('civic-radios')!.shadowRoot!.querySelector<HTMLInputElement>('input[value="agree"]')!.click();
    const comments = root(el).querySelector('civic-textarea')!;
    comments.shadowRoot!.querySelector('textarea')!.focus();
    // Pasting: typing 301 words key by key takes longer than the test runner waits for one command.
    document.execCommand('insertText', false, 'word '.repeat(301).trim());
    continueButton().click();
    await until(() => summary(el)[0]?.includes('300 words or fewer'), 'the word limit error');
    expect(summary(el)).to.have.length(1);
    await expect(el).to.be.accessible();
    comments.shadowRoot!.querySelector('textarea')!.select();
    await press('Backspace');
    continueButton().click();

    await atHeading(el, 'Staying involved');
    // A date outside the range asked for.
    const date = root(el).querySelector('civic-date-input')!;
    date.shadowRoot!.querySelector<HTMLInputElement>('[data-part="day"]')!.focus();
    await type('1');
    await press('Tab');
    await type('1');
    await press('Tab');
    await type('2030');
    continueButton().click();
    await until(() => summary(el).length === 2, 'two errors');
    expect(summary(el)[0]).to.match(/^The date must be the same as or before 31 December 2028$/);
    expect(summary(el)[1]).to.equal('Select an answer for: Are you responding as…');
    await expect(el).to.be.accessible();

    // Back goes to the previous page shown (parking is skipped: this resident does not drive).
    root(el).querySelector<HTMLButtonElement>('.back-link')!.click();
    await atHeading(el, 'The proposals');
  });

  it('saves and returns: a code, then on a fresh page the code brings the answers back; submitted once', async function () {
    this.timeout(90_000);
    const el = await openFixture();
    root(el).querySelector<HTMLButtonElement>('.button--start')!.click();
    await atHeading(el, 'You and the town centre');
    await choose('Every day', 3); // Less often
    await choose('Yes', 1); // No
    await tabTo('Continue');
    await press('Enter');
    await atHeading(el, 'The proposals');
    await choose('Strongly agree', 4); // Strongly disagree
    await tabTo('Save and come back later');
    await press('Enter');
    await atHeading(el, 'Your answers have been saved');
    const shown = root(el).querySelector('.resume-code')!.textContent!.trim();
    expect(shown).to.match(/^[2-9A-Z]{4} [2-9A-Z]{4}$/);
    await expect(el).to.be.accessible();

    // Email the code to myself.
    await tabTo('Email address');
    await type('resident@example.org');
    await tabTo('Send me the code');
    await press('Enter');
    await until(() => root(el).textContent!.includes('We have sent the code and a link to resident@example.org'), 'the email to be sent');
    // Focus goes to that confirmation, never back to the page's body (WCAG 2.4.3).
    await until(() => focused()?.hasAttribute('data-emailed'), 'focus on the confirmation');
    expect(nameOf(focused())).to.equal('We have sent the code and a link to resident@example.org.');
    // The email really went out, with the code and a link back to this page.
    const code = shown.replace(' ', '');
    let mail: { to: string; text: string } | undefined;
    for (let i = 0; i < 50 && !mail; i++) {
      const box = (await fetch(`${server}/dev/mailbox.json`).then((r) => r.json())) as { to: string; text: string }[];
      mail = box.find((m) => m.to === 'resident@example.org' && m.text.includes(code));
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    expect(mail, 'the email with the resume code').to.exist;
    expect(mail!.text).to.contain(`resume=${code}`);

    // Another day, another browser tab.
    fixtureCleanup();
    forgetThisTab();
    const fresh = await openFixture();
    expect(heading(fresh)).to.equal('Larkmead High Street: a safer, greener town centre');
    await tabTo('Resume code');
    await type('XXXX');
    await tabTo('Continue with my saved answers');
    await press('Enter');
    const resumeField = () => root(fresh).querySelector<HTMLElement & { visibleError: string }>('[data-resume]')!;
    await until(() => resumeField().visibleError.startsWith('Enter the resume code exactly as it was given to you'), 'the format error');
    await expect(fresh).to.be.accessible();
    const input = root(fresh).querySelector('[data-resume]')!.shadowRoot!.querySelector('input')!;
    input.select();
    await type(shown.toLowerCase().replace(' ', '-'));
    await tabTo('Continue with my saved answers');
    await press('Enter');
    await atHeading(fresh, 'The proposals');
    const scale = root(fresh).querySelector<HTMLElement & { value: string }>('[data-q="one-way"]')!;
    expect(scale.value).to.equal('strongly-disagree');
    await tabTo('Continue');
    await press('Enter');
    await atHeading(fresh, 'Staying involved');
    await choose('A resident of Larkmead district', 2); // A visitor
    await tabTo('Continue');
    await press('Enter');
    await atHeading(fresh, 'Check your answers before sending your response');
    expect(root(fresh).textContent).to.contain('Less often');
    await tabTo('Send response');
    const submitted = oneEvent(fresh, 'civic-consultation-submitted');
    await press('Enter');
    const { detail } = await submitted;
    const csv = await responsesCsv();
    expect(occurrences(csv, detail.reference)).to.equal(1);

    // The saved copy was deleted with the submission: the code no longer works.
    const gone = await fetch(`${api}/town-centre-2026/drafts/${shown.replace(' ', '')}`);
    expect(gone.status).to.equal(404);
  });

  it('resumes from the link in the email (?resume=CODE)', async () => {
    const saved = await fetch(`${api}/town-centre-2026/drafts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { 'visit-frequency': 'weekly', drives: 'yes' }, page: 'parking' }),
    }).then((r) => r.json());
    history.replaceState(null, '', `${location.pathname}?resume=${saved.resumeCode}`);
    const el = await fixture<CivicConsultation>(html`<civic-consultation endpoint=${api} consultation="town-centre-2026"></civic-consultation>`);
    await atHeading(el, 'Parking');
    expect(progress(el)).to.equal('Page 3 of 4');
  });

  it('says when a resume code is not known', async () => {
    const el = await openFixture();
    root(el).querySelector('[data-resume]')!.shadowRoot!.querySelector('input')!.focus();
    await type('2345 6789');
    await press('Enter');
    const field = root(el).querySelector<HTMLElement & { visibleError: string }>('[data-resume]')!;
    await until(() => field.visibleError.startsWith('We could not find saved answers with that code'), 'the not-found message');
    expect(field.shadowRoot!.querySelector('.error-message')!.textContent).to.contain('We could not find saved answers');
    await expect(el).to.be.accessible();
  });

  it('reports back: "we asked, you said, we did" with a bar chart and a table of the same figures', async () => {
    const el = await openFixture('library-hours-2026');
    expect(heading(el)).to.equal('Opening hours at Larkmead Library');
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('We asked');
    expect(text).to.contain('You said');
    expect(text).to.contain('We did');
    expect(text).to.match(/We received \d+ responses/);
    const charts = root(el).querySelectorAll('.chart');
    expect(charts.length).to.be.greaterThan(0);
    expect(charts[0]!.getAttribute('aria-hidden')).to.equal('true');
    const bars = [...charts[0]!.querySelectorAll<HTMLElement>('.chart-bar')];
    expect(bars.every((b) => /^\d+(\.\d+)?%$/.test(b.style.width))).to.equal(true);
    expect(bars.some((b) => parseFloat(b.style.width) > 0)).to.equal(true);
    const table = root(el).querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.match(/responses from \d+ people/);
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
    expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
    // The bar and the table say the same.
    const firstRow = table.querySelector('tbody tr')!;
    expect(charts[0]!.querySelector('.chart-value')!.textContent).to.contain(firstRow.querySelectorAll('td')[1]!.textContent!.trim());
    expect(root(el).querySelector('blockquote')).to.exist;
    expect(root(el).querySelector('.decision a')).to.exist;
    root(el).querySelectorAll('details').forEach((d) => (d.open = true));
    await expect(el).to.be.accessible();
  });

  it('shows a way forward when the backend cannot be reached, and emits civic-error', async () => {
    const el = await fixture<CivicConsultation>(html`<civic-consultation
      endpoint="http://localhost:9/api/consultations"
      consultation="town-centre-2026"
      ><p slot="fallback">Call 01632 960000 to respond by phone.</p></civic-consultation
    >`);
    const { detail } = await oneEvent(el, 'civic-error');
    expect(detail.operation).to.equal('load-consultation');
    await until(() => root(el).querySelector('[role=alert]'), 'the error message');
    expect(root(el).textContent).to.contain('Sorry, the consultation could not be loaded');
    expect(root(el).querySelector('button')!.textContent!.trim()).to.equal('Try again');
    expect(root(el).querySelector('slot[name=fallback]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('tells a resident who came without a consultation in the address that it cannot be found', async () => {
    const el = await fixture<CivicConsultation>(html`<civic-consultation endpoint=${api}><p slot="fallback">Phone us</p></civic-consultation>`);
    await until(() => root(el).querySelector('[role=alert]'), 'the message');
    expect(root(el).textContent).to.contain('We could not find this consultation');
    expect(root(el).querySelector('slot[name=fallback]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('tells a webmaster what is missing', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      await fixture(html`<civic-consultation consultation="x"><p slot="fallback">Phone us</p></civic-consultation>`);
    } finally {
      console.error = original;
    }
    expect(errors).to.include('civic-consultation: "endpoint" is required');
  });

  it('shows a closed consultation without a form', async () => {
    const definition = (await fetch(`${api}/town-centre-2026`).then((r) => r.json())) as Consultation;
    const el = await fixture<CivicConsultation>(html`<civic-consultation
      .definition=${{ ...definition, status: 'closed', closes: '2026-10-01T23:59:00.000Z' }}
      endpoint=${api}
    ></civic-consultation>`);
    await until(() => root(el).querySelector('h1'), 'the overview');
    expect(root(el).textContent).to.contain('This consultation closed on');
    expect(root(el).querySelector('.button--start')).to.equal(null);
    expect(root(el).textContent).to.contain('Other ways to respond');
    await expect(el).to.be.accessible();
  });
});
