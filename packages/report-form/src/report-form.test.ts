// <civic-report-form> in real Chromium against the real reference server (window.CIVIC_TEST_SERVER):
// the resident's whole route by keyboard, every validation message, the outbox, parish routing,
// and axe on every page (photos and the XML-only server: photos.test.ts, xml-server.test.ts).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Open311Client } from '@civic-widgets/core';
import { emptyAnswers } from './flow.js';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { heading, onPage, pageText, shown } from './testing/pages.js';
import { chooseRadio, deepActive, isButton, isChoice, isInput, labelOf, pressContinue, summary, tabTo, text } from './testing/keyboard.js';
import { api, councilPage, fenbury, larkmead, makeForm, seedDraft, server, settle, storedReport, unreachable, xmlCouncil } from './testing/report-page.js';

beforeEach(() => sessionStorage.clear());

/**
 * The seeded draft's report, sent from the check page while the council's server cannot be
 * reached: the form shows that it waits in the outbox.
 */
async function sendWhileUnreachable(): Promise<CivicReportForm> {
  const el = await makeForm();
  await onPage(el, 'Check your answers');
  // The connection drops: the council's server cannot be reached.
  el.endpoint = unreachable;
  await el.updateComplete;
  await pressContinue('Send report');
  await onPage(el, 'Your report has not been sent yet');
  return el;
}

/**
 * The visit before: the seeded draft's report waits in the outbox (sendWhileUnreachable); then
 * the tab is gone (the draft with it, the outbox not).
 */
async function leaveWaitingOnThisDevice(): Promise<void> {
  (await sendWhileUnreachable()).remove();
  sessionStorage.clear();
}

describe('<civic-report-form>', function () {
  // Whole journeys through a real server, by keyboard: longer than the default 10 s on a busy machine.
  this.timeout(40_000);
  it('says what to fix and shows the phone number when "endpoint" is missing', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    const el = await fixture<CivicReportForm>(html`<civic-report-form phone="01632 960000"><a href="/old-form">Use the old form</a></civic-report-form>`);
    console.error = original;
    expect(errors.join()).to.contain('civic-report-form: "endpoint" is required');
    expect(pageText(el)).to.contain('01632 960000');
    await expect(el).to.be.accessible();
  });

  it('lists the categories under their groups, with the emergency notice after choosing one', async () => {
    const el = await makeForm();
    await onPage(el, 'What do you want to report?');
    const groups = [...el.shadowRoot!.querySelectorAll('h2')].map(text);
    expect(groups).to.include.members(['Roads and pavements', 'Bins, rubbish and recycling']);
    // "Street light not working" is in two groups: one radio, under its first group, and its
    // hint names the other ("Street lights" has nothing else, so it has no heading of its own).
    const lights = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => labelOf(r) === 'Street light not working');
    expect(lights).to.have.length(1);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].map(labelOf);
    expect(new Set(radios).size).to.equal(radios.length);
    const hint = el.shadowRoot!.getElementById(lights[0]!.getAttribute('aria-describedby')!)!;
    expect(text(hint)).to.equal('A street light that is off, on in daytime, flashing or damaged. Also under: Street lights');
    expect(groups).not.to.include('Street lights');
    expect(pageText(el)).to.contain('You can also report a problem by phone: 01632 960000');
    await expect(el).to.be.accessible();
  });

  it('the whole report by keyboard only: a reference the server has, a receipt and a tracker link', async () => {
    const el = await makeForm();
    await onPage(el, 'What do you want to report?');
    await chooseRadio('Pothole');
    await pressContinue();

    await onPage(el, 'How deep is it?');
    expect(deepActive()!.localName).to.equal('h1'); // focus moved to the new page's heading
    expect(pageText(el)).to.contain('If someone is in danger, call 999');
    expect(pageText(el)).to.contain('Page 2 of');
    await expect(el).to.be.accessible();
    await chooseRadio('4cm to 10cm');
    await pressContinue();

    await onPage(el, 'Where on the road is it?');
    expect(pageText(el)).not.to.contain('If someone is in danger');
    await chooseRadio('In a cycle lane');
    await pressContinue();

    await onPage(el, 'Has it caused an injury or damaged a vehicle? (optional)');
    await chooseRadio('Yes');
    await pressContinue();

    // Shown only because the answer was Yes (the server's show_when extension).
    await onPage(el, 'Tell us what happened');
    await expect(el).to.be.accessible();
    await tabTo(isInput('Tell us what happened'), 'the damage textarea');
    await sendKeys({ type: 'My front tyre burst.' });
    await pressContinue();

    await onPage(el, 'Tell us more about the problem (optional)');
    await expect(el).to.be.accessible();
    const description = `Keyboard test ${crypto.randomUUID()}`;
    await tabTo(isInput('Tell us more'), 'the description');
    await sendKeys({ type: description });
    await pressContinue();

    await onPage(el, 'Where is the problem?');
    await expect(el).to.be.accessible();
    await tabTo((a) => a.getAttribute('role') === 'combobox', 'the address search');
    await sendKeys({ type: '5 high st' });
    const picker = el.shadowRoot!.querySelector('civic-location-picker')!;
    await waitUntil(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'no address suggestions', { timeout: 8000 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el['answers'].place !== null, 'the place was not chosen', { timeout: 8000 });
    expect(el['answers'].place!.address).to.contain('5 High Street');
    await pressContinue();

    await onPage(el, /Add photos|Has someone already reported it/);
    if (heading(el).startsWith('Has someone')) {
      await chooseRadio('No, it is a different problem');
      await pressContinue();
      await onPage(el, 'Add photos');
    }
    await expect(el).to.be.accessible();
    await pressContinue();

    await onPage(el, 'Your details');
    await expect(el).to.be.accessible();
    await tabTo(isInput('Full name'), 'Full name');
    await sendKeys({ type: 'Sam Jones' });
    await tabTo(isInput('Email address'), 'Email address');
    await sendKeys({ type: 'sam@example.com' });
    await tabTo(isChoice('Send me updates'), 'the updates checkbox');
    await sendKeys({ press: 'Space' });
    await pressContinue();

    await onPage(el, 'Check your answers before sending your report');
    await expect(el).to.be.accessible();
    const check = pageText(el);
    for (const expected of ['Pothole', '4cm to 10cm', 'In a cycle lane', 'My front tyre burst.', description, '5 High Street', 'Sam Jones', 'sam@example.com']) {
      expect(check).to.contain(expected);
    }
    const submitted = oneEvent(el, 'civic-submitted');
    await pressContinue('Send report');
    const { detail } = await submitted;

    await onPage(el, 'Report sent');
    await expect(el).to.be.accessible();
    expect(detail.serviceRequestId).to.match(/^LDC-\d+$/);
    const done = pageText(el);
    expect(done).to.contain(detail.serviceRequestId!);
    expect(done).to.contain('We have sent a receipt to sam@example.com');
    // Updates were asked for: they start only once the link in that receipt is followed.
    expect(done).to.contain('To get updates about your report, open the link in it to confirm your email address.');
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="/track"]')!.getAttribute('href')).to.equal(`/track?ref=${detail.serviceRequestId}`);

    const stored = await storedReport(detail.serviceRequestId!);
    expect(stored!.serviceCode).to.equal('potholes');
    expect(stored!.description).to.equal(description);
    expect(stored!.address).to.contain('5 High Street');
    // The draft is gone once the council has the report.
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('civic-widgets:draft:') && sessionStorage.getItem(k)!.includes(description))).to.have.length(0);
  });

  it('with service-code, asks for the category\'s questions alongside the categories, not after them', async () => {
    // The real fetch, watched: the order in which requests start and answers arrive.
    const events: string[] = [];
    const realFetch = window.fetch;
    const name = (input: RequestInfo | URL) => new URL(String(input instanceof Request ? input.url : input)).pathname.split('/v2/')[1] ?? '';
    window.fetch = (input, init) => {
      const what = name(input);
      events.push(`start ${what}`);
      return realFetch(input, init).then((r) => (events.push(`answer ${what}`), r));
    };
    try {
      const el = await makeForm(api, { 'service-code': 'street_lights' });
      await onPage(el, 'What is the number on the lamp post? (optional)');
    } finally {
      window.fetch = realFetch;
    }
    const at = (event: string) => events.indexOf(event);
    expect(at('start services/street_lights.json'), events.join(', ')).to.be.greaterThan(-1);
    expect(at('start services/street_lights.json'), events.join(', ')).to.be.below(at('answer services.json'));
    // Asked once: the first question uses the answer already on its way.
    expect(events.filter((e) => e === 'start services/street_lights.json')).to.have.length(1);
  });

  it('on page load with service-code, focus and scroll stay on the council\'s own heading; Continue and Back move focus', async () => {
    const el = await councilPage(api, { 'service-code': 'street_lights' });
    await onPage(el, 'What is the number on the lamp post? (optional)');
    await settle(el);
    expect(document.activeElement!.localName).to.equal('body'); // not the form (its heading)
    expect(window.scrollY).to.equal(0);
    await expect(el).to.be.accessible();

    // Moving between pages does move focus to the new page's heading.
    await pressContinue();
    await onPage(el, 'What is wrong with it?');
    await settle(el);
    expect(deepActive()!.localName).to.equal('h1');
    expect(text(deepActive()!)).to.equal('What is wrong with it?');
    await tabTo((a) => a.localName === 'a' && text(a) === 'Back', 'Back');
    await sendKeys({ press: 'Enter' });
    await onPage(el, 'What is the number on the lamp post? (optional)');
    await settle(el);
    expect(deepActive()!.localName).to.equal('h1');
    expect(text(deepActive()!)).to.equal('What is the number on the lamp post? (optional)');
  });

  it('restoring a draft after a reload leaves focus and scroll alone', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'wall_or_fence' } }, 'question:offensive');
    const el = await councilPage();
    await onPage(el, 'Is it offensive or racist?');
    await settle(el);
    expect(document.activeElement!.localName).to.equal('body'); // not the form (its heading)
    expect(window.scrollY).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('error summary links take focus to the field in error: the first checkbox, the first radio, the address search', async () => {
    /** Continue with nothing answered, then follow the summary's link by keyboard. */
    async function followSummaryLink(message: string) {
      await pressContinue();
      await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
      expect(summary(el)).to.deep.equal([message]);
      await tabTo((a) => a.localName === 'a' && text(a) === message, `the "${message}" link`);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      return deepActive()!;
    }
    const el = await makeForm();
    await onPage(el, 'What do you want to report?');
    await chooseRadio('Fly-tipping');
    await pressContinue();
    await onPage(el, 'What has been dumped?');
    await settle(el);
    expect(deepActive()!.localName).to.equal('h1'); // the page changed: focus on its heading

    const checkbox = await followSummaryLink('Select at least one option');
    expect(isChoice('Household bags')(checkbox)).to.equal(true);
    await sendKeys({ press: 'Space' }); // and the resident can answer straight away
    expect(el['answers'].attributes.waste_types).to.deep.equal(['bags']);
    await pressContinue();

    await onPage(el, 'How much is there?');
    await settle(el);
    const radio = await followSummaryLink('Select an option');
    expect(isChoice('A single item or bag')(radio)).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(el['answers'].attributes.amount).to.equal('single');
    await pressContinue();

    await onPage(el, 'Did you see who dumped it?');
    await chooseRadio('No');
    await pressContinue();
    await onPage(el, 'Tell us more about the problem (optional)');
    await pressContinue();
    await onPage(el, 'Where is the problem?');
    await settle(el);
    const search = await followSummaryLink('Enter where the problem is, or choose a point on the map');
    expect(search.getAttribute('role')).to.equal('combobox');
    await expect(el).to.be.accessible();
  });

  it('shows every validation message, with the error summary, and keeps answers on Back', async () => {
    const el = await makeForm();
    await onPage(el, 'What do you want to report?');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Select the problem you want to report']);
    expect(pageText(el)).to.contain('Error: Select the problem you want to report');
    await expect(el).to.be.accessible();

    await chooseRadio('Fly-tipping');
    await pressContinue();
    await onPage(el, 'What has been dumped?');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Select at least one option']);
    await expect(el).to.be.accessible();
    await tabTo(isChoice('Tyres'), 'Tyres');
    await sendKeys({ press: 'Space' });
    await pressContinue();

    await onPage(el, 'How much is there?');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Select an option']);
    // Back keeps what was chosen.
    await tabTo((a) => a.localName === 'a' && text(a) === 'Back', 'Back');
    await sendKeys({ press: 'Enter' });
    await onPage(el, 'What has been dumped?');
    expect(el['answers'].attributes.waste_types).to.deep.equal(['tyres']);
  });

  it('validates the place, the details and the conditional question', async () => {
    seedDraft({ serviceCode: 'potholes', attributes: { depth: 'deep', position: 'edge', caused_damage: 'yes' } }, 'question:damage_details');
    const el = await makeForm();
    await onPage(el, 'Tell us what happened');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Enter an answer']);

    el['go']('where');
    await onPage(el, 'Where is the problem?');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Enter where the problem is, or choose a point on the map']);
    await expect(el).to.be.accessible();

    el['go']('about');
    await onPage(el, 'Your details');
    await tabTo(isInput('Email address'), 'Email address');
    await sendKeys({ type: 'not an email' });
    await tabTo(isInput('Phone number'), 'Phone number');
    await sendKeys({ type: '12' });
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal([
      'Enter an email address in the correct format, like name@example.com',
      'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    ]);
    await expect(el).to.be.accessible();

    el['set']({ email: '', phone: '', updates: true });
    await el.updateComplete;
    await pressContinue();
    await waitUntil(() => summary(el).join().includes('so we can send you updates'), 'the updates message', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Enter your email address, so we can send you updates']);
  });

  it('links the privacy notice from "Your details"', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'about');
    const el = await makeForm();
    await onPage(el, 'Your details');
    const link = [...el.shadowRoot!.querySelectorAll('a')].find((a) => text(a).includes('privacy notice'))!;
    expect(link.getAttribute('href')).to.equal('/privacy');
    expect(pageText(el)).to.contain('will not publish them');
  });

  it('lets the page stop the send by cancelling civic-submit', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'check');
    const el = await makeForm();
    await onPage(el, 'Check your answers');
    let detail: { idempotencyKey: string; request: { serviceCode: string } } | undefined;
    el.addEventListener('civic-submit', (e) => {
      detail = e.detail;
      e.preventDefault();
    });
    await pressContinue('Send report');
    await waitUntil(() => detail, 'civic-submit', { timeout: 8000 });
    expect(detail!.request.serviceCode).to.equal('graffiti');
    expect(detail!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 200));
    expect(heading(el)).to.contain('Check your answers');
  });

  it('requires the contact details a council asks for (contact-required)', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'about');
    const el = await makeForm(api, { 'contact-required': 'name phone' });
    await onPage(el, 'Your details');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Enter your full name', 'Enter your phone number']);
    expect(pageText(el)).not.to.contain('Full name (optional)');
  });

  it('answers survive a reload: the same page, the same answers', async () => {
    const el = await makeForm();
    await onPage(el, 'What do you want to report?');
    await chooseRadio('Graffiti');
    await pressContinue();
    await onPage(el, 'What is the graffiti on?');
    await chooseRadio('A wall or fence');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 400)); // the draft is saved after a short pause
    el.remove();

    const again = await makeForm();
    await onPage(again, 'What is the graffiti on?');
    expect(again['answers'].serviceCode).to.equal('graffiti');
    expect(again['answers'].attributes.surface).to.equal('wall_or_fence');
  });

  it('speeding traffic in a parish: routed to the parish, with the clerk on the confirmation', async () => {
    seedDraft({ serviceCode: 'speeding_traffic', attributes: { speed_limit: '30', wanted: 'speedwatch' }, place: fenbury, name: 'Ali Khan' }, 'check');
    const el = await makeForm();
    await onPage(el, 'Check your answers before sending your report');
    expect(pageText(el)).to.contain('A Community Speedwatch or a speed warning sign');
    await pressContinue('Send report');
    await onPage(el, 'Report sent');
    const done = pageText(el);
    expect(done).to.contain('Fenbury Parish Council');
    expect(done).to.contain('Margaret Oakes');
    expect(done).to.contain('clerk@fenbury-pc.example.org');
    expect(done).not.to.contain('We have sent a receipt'); // no email given
    await expect(el).to.be.accessible();
  });

  it('goes to the district when the answers say so, even in a parish', async () => {
    seedDraft({ serviceCode: 'speeding_traffic', attributes: { speed_limit: '50_plus', wanted: 'calming' }, place: fenbury }, 'check');
    const el = await makeForm();
    await onPage(el, 'Check your answers');
    await pressContinue('Send report');
    await onPage(el, 'Report sent');
    expect(pageText(el)).to.contain('traffic management team');
    expect(pageText(el)).not.to.contain('Margaret Oakes');
  });

  it('Change on the check page goes to the question and comes back to the check page', async () => {
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead }, 'check');
    const el = await makeForm();
    await onPage(el, 'Check your answers');
    await tabTo((a) => a.localName === 'button' && text(a).startsWith('Change Is it offensive'), 'Change offensive');
    await sendKeys({ press: 'Enter' });
    await onPage(el, 'Is it offensive or racist?');
    await chooseRadio('Yes');
    await pressContinue();
    await onPage(el, 'Check your answers');
    expect(el['answers'].attributes.offensive).to.equal('yes');
  });

  it('asks "Has someone already reported it?" for an open report nearby, and follows it instead of a duplicate', async () => {
    // An open fly-tipping report at this very place, made through the real API.
    const existing = await new Open311Client({ endpoint: api }).createRequest({
      serviceCode: 'fly_tipping',
      lat: larkmead.lat,
      long: larkmead.lng,
      addressString: larkmead.address,
      description: 'Mattress by the bus stop',
      attributes: { waste_types: ['furniture'], amount: 'single' },
    });
    seedDraft({ serviceCode: 'fly_tipping', attributes: { waste_types: ['furniture'], amount: 'single' }, place: larkmead }, 'where');
    const el = await makeForm();
    await onPage(el, 'Where is the problem?');
    await pressContinue();
    await onPage(el, 'Has someone already reported it?');
    expect(pageText(el)).to.contain('Mattress by the bus stop');
    await expect(el).to.be.accessible();
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['Select a report, or say it is a different problem']);
    await chooseRadio(larkmead.address);
    await pressContinue();
    await onPage(el, 'This problem has already been reported');
    expect(pageText(el)).to.contain(existing.serviceRequestId!);
    expect(el.shadowRoot!.querySelector('a[href^="/track"]')!.getAttribute('href')).to.equal(`/track?ref=${existing.serviceRequestId}`);
    await expect(el).to.be.accessible();
  });

  it('offline: the report waits in the outbox, is sent when the connection returns, and is stored once', async () => {
    const description = `Outbox test ${crypto.randomUUID()}`;
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'street_furniture', offensive: 'no' }, place: larkmead, description }, 'check');
    const el = await sendWhileUnreachable();
    expect(pageText(el)).to.contain('Your report is saved on this device');
    await expect(el).to.be.accessible();

    // Trying again while still offline keeps it waiting.
    await pressContinue('Try sending it now');
    await new Promise((r) => setTimeout(r, 300));
    expect(heading(el)).to.equal('Your report has not been sent yet');

    // The connection comes back.
    el.endpoint = api;
    const submitted = oneEvent(el, 'civic-submitted');
    window.dispatchEvent(new Event('online'));
    const { detail } = await submitted;
    expect(detail.queued).to.equal(true);
    await onPage(el, 'Report sent');
    expect(pageText(el)).to.contain('we sent the report you saved earlier');

    const all = await new Open311Client({ endpoint: api }).requests({ serviceCode: 'graffiti', pageSize: 200 });
    expect(all.filter((r) => r.description === description)).to.have.length(1);
  });

  it('"waiting" with nothing left in the outbox (sent from another tab) offers to send again: same key, same reference', async () => {
    const description = `Sent elsewhere ${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    const answers = { ...emptyAnswers(), serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead, description };
    // Another tab sent this report with its key; this tab's draft still says "waiting".
    const created = await new Open311Client({ endpoint: api }).createRequest(
      { serviceCode: 'graffiti', lat: larkmead.lat, long: larkmead.lng, addressString: larkmead.address, description, attributes: answers.attributes },
      { idempotencyKey: key },
    );
    sessionStorage.setItem(`civic-widgets:draft:report:${api}:`, JSON.stringify({ v: 1, data: { answers, page: 'queued', key, returnToCheck: false } }));
    const el = await makeForm();
    await onPage(el, 'Check your answers');
    const submitted = oneEvent(el, 'civic-submitted');
    await pressContinue('Send report');
    const { detail } = await submitted;
    expect(detail.serviceRequestId).to.equal(created.serviceRequestId);
  });

  it('a report refused by the server (a 4xx) says why and keeps the answers', async () => {
    // A point far outside the council's area: the server refuses it and says where to go.
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: { lat: 51.5, lng: -0.12, address: 'Westminster', area: null } }, 'check');
    const el = await makeForm();
    await onPage(el, 'Check your answers');
    const failed = oneEvent(el, 'civic-error');
    await pressContinue('Send report');
    const { detail } = await failed;
    expect(detail.operation).to.equal('submit');
    await waitUntil(() => summary(el).length > 0, 'the error summary', { timeout: 8000 });
    expect(summary(el)[0]).to.match(/\S/);
    expect(heading(el)).to.contain('Check your answers');
    expect(el['answers'].serviceCode).to.equal('graffiti');
    await expect(el).to.be.accessible();
  });

  it('a waiting report the server refuses on a later visit comes back to be corrected', async () => {
    const outside = { lat: 51.5, lng: -0.12, address: 'Westminster', area: null };
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: outside, name: 'Refused Later' }, 'check');
    await leaveWaitingOnThisDevice();

    const later = await makeForm();
    await onPage(later, 'Check your answers');
    await waitUntil(() => summary(later).length > 0, 'the refusal', { timeout: 8000 });
    expect(later['answers'].name).to.equal('Refused Later');
    expect(pageText(later)).to.contain('Westminster');
    await expect(later).to.be.accessible();
  });

  it('a report an earlier visit saved is sent on the next visit once its first page is drawn: the confirmation shows, focus stays on the council\'s page', async () => {
    const description = `Sent on a later visit ${crypto.randomUUID()}`;
    seedDraft({ serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' }, place: larkmead, description }, 'check');
    await leaveWaitingOnThisDevice();

    // What the new visit's form showed when the report left: the report waits for the first page.
    const realFetch = window.fetch;
    const shownWhenSent: string[] = [];
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const form = document.querySelector('civic-report-form');
      if (init?.method === 'POST' && /\/requests\.json$/.test(new URL(url).pathname) && form) shownWhenSent.push(heading(form));
      return realFetch(input, init);
    };
    try {
      const later = await councilPage();
      await onPage(later, 'Report sent');
      expect(pageText(later)).to.contain('we sent the report you saved earlier');
      expect(shownWhenSent).to.deep.equal(['What do you want to report?']);
      await settle(later);
      expect(document.activeElement!.localName).to.equal('body'); // not the form (its heading)
      await expect(later).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
    const all = await new Open311Client({ endpoint: api }).requests({ serviceCode: 'graffiti', pageSize: 200 });
    expect(all.filter((r) => r.description === description)).to.have.length(1);
  });

  it('preselects a category with service-code: no category page', async () => {
    const el = await makeForm(api, { 'service-code': 'street_lights' });
    await onPage(el, 'What is the number on the lamp post? (optional)');
    expect(pageText(el)).to.contain('If wires are showing');
    expect(el.shadowRoot!.querySelector('a.back')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what to fix when service-code is not one of the server\'s services, and shows them all', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const el = await makeForm(api, { 'service-code': 'no_such_thing' });
      await onPage(el, 'What do you want to report?');
      expect(errors.join()).to.contain('"service-code" is "no_such_thing"');
    } finally {
      console.error = original;
    }
  });

  it('speaks Welsh', async () => {
    document.documentElement.lang = 'cy';
    try {
      const el = await makeForm();
      await waitUntil(() => heading(el) === 'Beth ydych chi am ei roi gwybod amdano?', '', { timeout: 8000 }).catch(() => { throw new Error(`saw ${shown(el)}`); });
      expect(pageText(el)).to.contain('Parhau');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('on a Welsh page, lists the categories and asks their questions in Welsh, from the server', async () => {
    document.documentElement.lang = 'cy';
    try {
      const el = await makeForm();
      await onPage(el, 'Beth ydych chi am ei roi gwybod amdano?');
      await waitUntil(() => pageText(el).includes('Twll yn y ffordd'), 'Welsh categories', { timeout: 8000 });
      const groups = [...el.shadowRoot!.querySelectorAll('h2')].map(text);
      expect(groups).to.include.members(['Ffyrdd a phalmentydd', 'Biniau, sbwriel ac ailgylchu']);
      const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].map(labelOf);
      expect(radios).to.include.members(['Twll yn y ffordd', 'Golau stryd ddim yn gweithio', 'Tipio anghyfreithlon', 'Traffig yn goryrru']);
      expect(pageText(el)).not.to.contain('Pothole');
      await expect(el).to.be.accessible();

      await chooseRadio('Twll yn y ffordd');
      await pressContinue('Parhau');
      await onPage(el, "Pa mor ddwfn yw'r twll?");
      const page = pageText(el);
      expect(page).to.contain('Os oes rhywun mewn perygl, ffoniwch 999.');
      expect(page).to.contain('Mae eich amcangyfrif gorau yn iawn.');
      expect(page).to.contain('Llai na 4cm (tua dyfnder bocs matsys)');
      expect(page).to.contain('Twll yn y ffordd'); // the category in the step caption
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('in Welsh, the confirmation tells the resident what happens next in Welsh', async () => {
    document.documentElement.lang = 'cy';
    try {
      seedDraft({ serviceCode: 'potholes', attributes: { depth: 'deep', position: 'carriageway' }, place: larkmead }, 'check');
      const el = await makeForm();
      await onPage(el, /^Gwiriwch eich atebion/);
      expect(pageText(el)).to.contain('Mwy na 10cm');
      await pressContinue('Anfon adroddiad');
      await onPage(el, "Adroddiad wedi'i anfon");
      expect(pageText(el)).to.contain('Bydd ein tîm priffyrdd yn ei archwilio o fewn 5 diwrnod gwaith.');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('shows a state to act on when the server cannot be reached at all', async () => {
    const el = await makeForm(unreachable);
    await waitUntil(() => heading(el).startsWith('Sorry'), '', { timeout: 20000 }).catch(() => { throw new Error(`saw ${shown(el)}`); });
    expect(pageText(el)).to.contain('01632 960000');
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.contain('Try again');
    await expect(el).to.be.accessible();
  });
});
