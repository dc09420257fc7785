// <civic-report-form> by keyboard against payloads captured from real Open311 servers, served
// by the fixture server (scripts/lib/open311-fixture-server.mjs; packages/core/test-fixtures/
// open311/SOURCES.md says where each came from). Addresses come from the reference server's
// gazetteer; everything Open311 from the profile under test.
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { toNationalGrid } from './osgb.js';
import { heading, onPage, pageText } from './testing/pages.js';
import { chooseRadio, deepActive, isButton, isInput, pressContinue, reportToCheck, summary, tabTo } from './testing/keyboard.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
    CIVIC_FIXTURE_SERVER: string;
  }
}

const fixtures = window.CIVIC_FIXTURE_SERVER;
const KEY = 'civic-fixture-key';
const PHONE = '01632 960000';

interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, string>;
}
const calls = async (profile: string): Promise<Call[]> => (await fetch(`${fixtures}/_log?profile=${profile}`)).json();
const posts = async (profile: string, description: string) =>
  (await calls(profile)).filter((c) => c.method === 'POST' && c.path.startsWith('requests') && c.body.description === description);

function form(profile: string, extra: Record<string, string> = {}) {
  const el = document.createElement('civic-report-form');
  el.setAttribute('endpoint', profile.startsWith('http') ? profile : `${fixtures}/${profile}`);
  el.setAttribute('phone', PHONE);
  el.setAttribute('tracker-url', '/track?ref={id}');
  el.setAttribute('geocoder-url', `${window.CIVIC_TEST_SERVER}/api/addresses`);
  for (const [k, v] of Object.entries(extra)) el.setAttribute(k, v);
  return fixture<CivicReportForm>(el);
}

const reference = (el: CivicReportForm) => el.shadowRoot!.querySelector('.reference')?.textContent?.trim();
const trackerHref = (el: CivicReportForm) => el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="/track"]')?.getAttribute('href');

async function send(el: CivicReportForm) {
  const submitted = oneEvent(el, 'civic-submitted');
  await pressContinue('Send report');
  return (await submitted).detail;
}

beforeEach(() => sessionStorage.clear());

describe('<civic-report-form> against real Open311 servers', function () {
  this.timeout(60_000);

  for (const [profile, code] of [
    ['spec-xml', '293944'],
    ['spec-json', '293944'],
  ] as const) {
    it(`completes a report on the GeoReport v2 spec's own examples (${profile})`, async () => {
      const el = await form(profile, { 'api-key': KEY });
      const description = `Spec ${profile} ${crypto.randomUUID()}`;
      const questions = await reportToCheck(el, 'Cans left out 24x7', description);
      expect(questions).to.deep.equal(['What is the ticket/tag/DL number?']);
      await expect(el).to.be.accessible();
      const detail = await send(el);
      await onPage(el, 'Report sent');
      expect(detail.serviceRequestId).to.equal(code);
      expect(reference(el)).to.equal(code);
      expect(pageText(el)).to.contain('The City will inspect and require the responsible party');
      const [post] = await posts(profile, description);
      expect(post!.body['attribute[WHISHETN]']).to.equal('123');
      expect(post!.body.api_key).to.equal(KEY);
      await expect(el).to.be.accessible();
    });
  }

  it('(1) asks the question an older XML server sends without an <attributes> wrapper, and sends the answer', async () => {
    const el = await form('older-xml');
    const description = `Older ${crypto.randomUUID()}`;
    // 002 has two unwrapped attributes, ordered by <order>.
    const questions = await reportToCheck(el, 'Construction plate shifted', description);
    expect(questions).to.deep.equal(['What is the ticket/tag/DL number?', 'What is the plate number?']);
    const detail = await send(el);
    await onPage(el, 'Report sent');
    expect(detail.serviceRequestId).to.match(/^\d+$/);
    const [post] = await posts('older-xml', description);
    expect([post!.body['attribute[WHISHETN]'], post!.body['attribute[WHISPAWN]']]).to.deep.equal(['123', '42']);
  });

  it('(2)(8)(10) open311-adapter: no automated attribute shown; hidden easting/northing filled; short reference "0" shown and linked', async () => {
    const el = await form('adapter');
    const description = `Adapter ${crypto.randomUUID()}`;
    const questions = await reportToCheck(el, 'Pavement Flooding', description);
    expect(questions).to.deep.equal([]); // every attribute is automated
    const check = pageText(el);
    for (const hidden of ['easting', 'northing', 'Asset information', 'Central Asset ID', 'external system ID', 'Report URL']) {
      expect(check).not.to.contain(hidden);
    }
    const place = el['answers'].place!;
    const detail = await send(el);
    await onPage(el, 'Report sent');
    expect(detail.serviceRequestId).to.equal('0');
    expect(reference(el)).to.equal('0');
    expect(trackerHref(el)).to.equal('/track?ref=0');
    expect(pageText(el)).to.contain('This is a test service');
    const [post] = await posts('adapter', description);
    const grid = toNationalGrid(Number(post!.body.lat), Number(post!.body.long));
    expect(Math.abs(Number(post!.body.lat) - place.lat!)).to.be.below(1e-5);
    expect([post!.body['attribute[easting]'], post!.body['attribute[northing]']]).to.deep.equal([String(grid.easting), String(grid.northing)]);
    // server_set attributes are the server's: none sent.
    for (const code of ['fixmystreet_id', 'report_url', 'title', 'closest_address']) expect(post!.body).not.to.have.property(`attribute[${code}]`);
    await expect(el).to.be.accessible();
  });

  it('(4) token-only server: progress while it polls, never sent twice, then the id', async () => {
    const el = await form('us-city');
    const description = `Token ${crypto.randomUUID()}`;
    await reportToCheck(el, 'Cans left out 24x7', description);
    const submitted = oneEvent(el, 'civic-submitted');
    await pressContinue('Send report');
    await waitUntil(() => pageText(el).includes('Getting your reference number'), 'no progress while polling', { timeout: 8000 });
    const button = [...el.shadowRoot!.querySelectorAll('button')].find(isButton('Sending'))!;
    expect(button.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    // A second press, by keyboard and by pointer, sends nothing more.
    await sendKeys({ press: 'Enter' });
    button.click();
    void el['submit']();
    const { detail } = await submitted;
    await onPage(el, 'Report sent');
    expect(detail.serviceRequestId).to.equal(reference(el));
    expect(detail.token).to.match(/^T\d+-/);
    expect(pageText(el)).to.contain('Your reference number');
    expect(await posts('us-city', description)).to.have.length(1);
  });

  it('(4) token-only server whose id does not come: the token is the reference, and the tracker link uses it', async () => {
    const el = await form('us-city-slow');
    const description = `Slow ${crypto.randomUUID()}`;
    await reportToCheck(el, 'Cans left out 24x7', description);
    const detail = await send(el);
    await onPage(el, 'Report sent');
    expect(detail.serviceRequestId).to.equal(null);
    expect(reference(el)).to.equal(detail.token);
    expect(pageText(el)).to.contain('Your report’s temporary reference');
    expect(trackerHref(el)).to.equal(`/track?ref=${encodeURIComponent(detail.token!)}`);
    expect(await posts('us-city-slow', description)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('(5) a refusal in plain words with the phone number, each linking to the field it names; the server’s text for integrators', async () => {
    const el = await form('refusing');
    await reportToCheck(el, 'Cans left out 24x7', `Refused ${crypto.randomUUID()}`);
    const failed = oneEvent(el, 'civic-error');
    await pressContinue('Send report');
    const { detail } = await failed;
    expect(detail.message).to.contain('service_code: the service code is missing or unknown.');
    await waitUntil(() => summary(el).length === 2, 'the refusal', { timeout: 8000 });
    expect(summary(el)).to.deep.equal([
      `The council’s system did not accept the problem you chose. Choose it again, or choose another. You can also call ${PHONE}.`,
      `The council’s system did not accept where the problem is. Choose the place again. You can also call ${PHONE}.`,
    ]);
    expect(pageText(el)).not.to.contain('service_code');
    await expect(el).to.be.accessible();
    // The second link: to the place, on its own page.
    await tabTo((a) => a.localName === 'a' && text(a).startsWith('The council’s system did not accept where'), 'the location error');
    await sendKeys({ press: 'Enter' });
    await onPage(el, 'Where is the problem?');
    await waitUntil(() => summary(el).length === 1, 'the error on the place page', { timeout: 8000 });
    await tabTo((a) => a.localName === 'a' && text(a).startsWith('The council’s system'), 'the error link');
    await sendKeys({ press: 'Enter' });
    expect(deepActive()!.getAttribute('role')).to.equal('combobox'); // the address search of the picker
    await expect(el).to.be.accessible();
  });

  it('(6) a 403 on a category’s questions is permanent: no "try again", the phone number instead', async () => {
    const el = await form('private-questions');
    await onPage(el, 'What do you want to report?');
    await chooseRadio('Cans left out 24x7');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error', { timeout: 8000 });
    expect(summary(el)).to.deep.equal([`You cannot report this problem online. Choose another problem. You can also call ${PHONE}.`]);
    expect(pageText(el)).not.to.contain('Try again');
    await expect(el).to.be.accessible();
    // The error links to the chosen problem.
    await tabTo((a) => a.localName === 'a' && text(a).startsWith('You cannot report'), 'the error link');
    await sendKeys({ press: 'Enter' });
    expect((deepActive() as HTMLInputElement).checked).to.equal(true);
  });

  it('(9) sends api_key and jurisdiction_id on every call', async () => {
    const el = await form('keyed', { 'api-key': KEY, 'jurisdiction-id': 'city.gov' });
    const description = `Keyed ${crypto.randomUUID()}`;
    await reportToCheck(el, 'Curb or curb ramp defect', description);
    await send(el);
    await onPage(el, 'Report sent');
    // Open311 calls: widget-config.json is the widgets' own document, not Open311.
    const all = (await calls('keyed')).filter((c) => c.path !== 'widget-config.json');
    expect(all.length).to.be.greaterThan(3);
    for (const c of all) {
      const params = c.method === 'POST' ? c.body : c.query;
      expect([c.path, params.api_key, params.jurisdiction_id]).to.deep.equal([c.path, KEY, 'city.gov']);
    }
  });

  it('(10) FixMyStreet: its categories under their groups', async () => {
    const el = await form('fixmystreet', { 'jurisdiction-id': 'fixmystreet.example' });
    await onPage(el, 'What do you want to report?');
    const groups = [...el.shadowRoot!.querySelectorAll('h2')].map(text);
    expect(groups).to.deep.equal(['sanitation & cleaning', 'street']);
    expect(pageText(el)).to.contain('Also under: street');
    await expect(el).to.be.accessible();
    await chooseRadio('Construction plate shifted');
    await pressContinue();
    await onPage(el, 'Tell us more about the problem'); // metadata false: no questions
  });
});

const text = (a: Element) => a.textContent!.replace(/\s+/g, ' ').trim();

describe('<civic-report-form> category search', function () {
  this.timeout(30_000);
  it('(3) says nothing matched, offers to clear the search or show all, and its error links to a field', async () => {
    const el = await form(new URL('../test-fixtures/many-services', import.meta.url).href);
    await onPage(el, 'What do you want to report?');
    await tabTo(isInput('Search for a problem'), 'the search box');
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(pageText(el)).to.contain('No problems match “zzz”.');
    await pressContinue();
    await waitUntil(() => summary(el).length > 0, 'the error', { timeout: 8000 });
    expect(summary(el)).to.deep.equal(['No problems match your search. Try other words, or clear the search to see them all.']);
    await expect(el).to.be.accessible();
    await tabTo((a) => a.localName === 'a' && text(a).startsWith('No problems match'), 'the error link');
    await sendKeys({ press: 'Enter' });
    expect(deepActive()!.id).to.equal('category-search');
    await tabTo(isButton('show all problems'), 'Show all');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]').length).to.be.greaterThan(8);
    expect(deepActive()!.id).to.equal('category-0');
    expect(heading(el)).to.equal('What do you want to report?');
    await expect(el).to.be.accessible();
  });
});
