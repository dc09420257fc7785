// "Never stuck": where a backend offers no address search and no map (any plain Open311 server),
// or its address search fails while the resident uses it, the "where" page still lets them
// finish: the address or a description in words, sent as Open311's address_string.
// Also: given only `endpoint`, the search, boundary and phone come from the widget configuration.
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Open311Client } from '@civic-widgets/core';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { emptyAnswers } from './flow.js';
import { heading, onPage, pageText } from './testing/pages.js';

const server = (window as unknown as { CIVIC_TEST_SERVER: string }).CIVIC_TEST_SERVER;
const api = `${server}/open311/v2`;
// Static files: services and a definition, no configuration document, no gazetteer, no map.
const plainOpen311 = new URL('../test-fixtures/xml-council', import.meta.url).href;

function form(endpoint: string, attributes: Record<string, string> = {}) {
  const el = document.createElement('civic-report-form');
  el.setAttribute('endpoint', endpoint);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return fixture<CivicReportForm>(el);
}

/** The place-in-words box inside the form's location picker, found by its label. */
function wordsBox(el: CivicReportForm): HTMLInputElement | null {
  const root = el.shadowRoot!.querySelector('civic-location-picker')?.shadowRoot;
  const label = [...(root?.querySelectorAll('label') ?? [])].find((l) => l.textContent!.trim() === 'Address, or a description of the place');
  return label ? (root!.getElementById(label.htmlFor) as HTMLInputElement) : null;
}

function button(el: CivicReportForm, name: string) {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
}

/** A graffiti report saved at "Where is the problem?", as a resident who reloads there left it. */
function draftAtWhere() {
  sessionStorage.setItem(
    `civic-widgets:draft:report:${api}:`,
    JSON.stringify({ v: 1, data: { answers: { ...emptyAnswers(), serviceCode: 'graffiti', attributes: { surface: 'private', offensive: 'no' } }, page: 'where', key: crypto.randomUUID(), returnToCheck: false } }),
  );
}

function picker(el: CivicReportForm) {
  return el.shadowRoot!.querySelector('civic-location-picker')!;
}

/** From "Where" to check answers: photos (when the server takes them) and details left as they are. */
async function continueToCheck(el: CivicReportForm) {
  button(el, 'Continue').click();
  await onPage(el, /Add photos|Your details/);
  if (heading(el).startsWith('Add photos')) button(el, 'Continue').click();
  await onPage(el, 'Your details');
  button(el, 'Continue').click();
  await onPage(el, 'Check your answers');
}

beforeEach(() => sessionStorage.clear());

describe('<civic-report-form> where there is no address search', function () {
  this.timeout(60_000);

  it('on a plain Open311 server, the resident types where it is and the report carries it as address_string', async () => {
    const el = await form(plainOpen311);
    await onPage(el, 'What do you want to report?');
    [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.includes('Abandoned vehicle'))!.click();
    await el.updateComplete;
    button(el, 'Continue').click();
    await onPage(el, 'Tell us more about the problem');
    button(el, 'Continue').click();

    await onPage(el, 'Where is the problem?');
    await waitUntil(() => wordsBox(el), 'no box for the place in words', { timeout: 8000 });
    expect(pageText(el)).to.contain('Type the address, or describe where the problem is.');
    await expect(el).to.be.accessible();
    // Continue with nothing typed: the page says what to do.
    button(el, 'Continue').click();
    await waitUntil(() => pageText(el).includes('Enter where the problem is'), 'no error for an empty place');
    wordsBox(el)!.focus();
    await sendKeys({ type: 'Lay-by on the A423 north of the Fenbury turn' });
    button(el, 'Continue').click();

    await onPage(el, 'Your details');
    button(el, 'Continue').click();
    await onPage(el, 'Check your answers');
    expect(pageText(el)).to.contain('Lay-by on the A423 north of the Fenbury turn');
    const submit = oneEvent(el, 'civic-submit');
    el.addEventListener('civic-submit', (e) => e.preventDefault(), { once: true });
    button(el, 'Send report').click();
    const { detail } = await submit;
    expect(detail.request.addressString).to.equal('Lay-by on the A423 north of the Fenbury turn');
    expect(detail.request).not.to.have.property('lat');
    expect(detail.request).not.to.have.property('long');
  });

  it('given only endpoint, takes the address search, boundary and phone from the server\'s widget configuration', async () => {
    draftAtWhere();
    const el = await form(api, { 'map-style': '' });
    await onPage(el, 'Where is the problem?');
    // The council's number and hours, from the document: the page set no phone.
    await waitUntil(() => pageText(el).includes('01632 960000 (Monday to Friday, 8am to 6pm)'), 'no phone line from the configuration', { timeout: 8000 });
    await waitUntil(() => picker(el).shadowRoot?.querySelector('[role="combobox"]'), 'no address search from the configuration', { timeout: 8000 });
    picker(el).shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!.focus();
    await sendKeys({ type: '5 high st' });
    await waitUntil(() => picker(el).shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'the gazetteer from the configuration did not answer', { timeout: 8000 });
    await expect(el).to.be.accessible();
  });

  it('on a Welsh page, gives the council\'s hours from the widget configuration in Welsh', async () => {
    const el = await form(api, { lang: 'cy', 'map-style': '' });
    await onPage(el, 'Beth ydych chi am ei roi gwybod amdano?');
    await waitUntil(() => pageText(el).includes('01632 960000 (Dydd Llun i ddydd Gwener, 8yb i 6yh)'), 'no Welsh hours from the configuration', { timeout: 8000 });
    expect(pageText(el)).not.to.contain('Monday');
    await expect(el).to.be.accessible();
  });

  it('when the address search fails, the words the resident typed are the place, and the council stores them', async () => {
    draftAtWhere();
    // A gazetteer that is down, and no map: the search is the only route offered.
    const el = await form(api, { 'geocoder-url': 'http://127.0.0.1:9/api/addresses', 'map-style': '' });
    await onPage(el, 'Where is the problem?');
    await waitUntil(() => picker(el).shadowRoot?.querySelector('[role="combobox"]'), 'no address search', { timeout: 8000 });
    picker(el).shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!.focus();
    const words = `Under the railway bridge ${crypto.randomUUID().slice(0, 8)}`;
    await sendKeys({ type: words });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => wordsBox(el), 'no fall-back to the place in words', { timeout: 10000 });
    expect(pageText(el)).to.contain('Address search is not working at the moment');
    await expect(el).to.be.accessible();
    await continueToCheck(el);
    const sent = oneEvent(el, 'civic-submitted');
    button(el, 'Send report').click();
    const { detail } = await sent;
    await onPage(el, 'Report sent');
    const stored = await new Open311Client({ endpoint: api }).request(detail.serviceRequestId!);
    expect(stored!.address).to.equal(words);
    expect(stored!.lat).to.equal(null);
  });
});

// A place with no postal address (a footpath, a park) where the address search works: the search
// finds nothing, and the resident describes the place in words instead, without the map.
describe('<civic-report-form> a place with no address', function () {
  this.timeout(60_000);

  const pickerButton = (el: CivicReportForm, name: string) => [...(picker(el).shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent!.trim() === name);

  it('search finds nothing → "Describe where it is instead" → the words → check answers shows them, and they survive a reload', async () => {
    draftAtWhere();
    const el = await form(api, { 'map-style': '' });
    await onPage(el, 'Where is the problem?');
    await waitUntil(() => picker(el).shadowRoot?.querySelector('[role="combobox"]'), 'no address search', { timeout: 8000 });
    picker(el).shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!.focus();
    await sendKeys({ type: 'footpath behind the library' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pageText(el).includes('No addresses found for “footpath behind the library”'), 'the search found something', { timeout: 8000 });
    await expect(el).to.be.accessible();

    pickerButton(el, 'Describe where it is instead')!.click();
    await waitUntil(() => wordsBox(el) && picker(el).shadowRoot!.activeElement === wordsBox(el), 'the words box did not take focus', { timeout: 5000 });
    // What was searched for is kept as the start of the description.
    expect(wordsBox(el)!.value).to.equal('footpath behind the library');
    await sendKeys({ type: ', by the bike racks' });
    await expect(el).to.be.accessible();
    await continueToCheck(el);
    expect(pageText(el)).to.contain('Where footpath behind the library, by the bike racks');
    await expect(el).to.be.accessible();

    // Reload: the draft brings back the place in words, on check answers and in the words box.
    el.remove();
    const again = await form(api, { 'map-style': '' });
    await onPage(again, 'Check your answers');
    expect(pageText(again)).to.contain('Where footpath behind the library, by the bike racks');
    again.shadowRoot!.querySelector<HTMLButtonElement>('[data-change="where"]')!.click();
    await onPage(again, 'Where is the problem?');
    await waitUntil(() => wordsBox(again), 'no words box for the place in words', { timeout: 8000 });
    expect(wordsBox(again)!.value).to.equal('footpath behind the library, by the bike racks');

    const sent = oneEvent(again, 'civic-submit');
    again.addEventListener('civic-submit', (e) => e.preventDefault(), { once: true });
    button(again, 'Continue').click();
    await onPage(again, 'Check your answers');
    button(again, 'Send report').click();
    const { detail } = await sent;
    expect(detail.request.addressString).to.equal('footpath behind the library, by the bike racks');
    expect(detail.request).not.to.have.property('lat');
  });

  it('left empty, the words box gives a specific error that links to it', async () => {
    draftAtWhere();
    const el = await form(api, { 'map-style': '' });
    await onPage(el, 'Where is the problem?');
    await waitUntil(() => pickerButton(el, 'Describe where it is instead'), 'no way to describe the place', { timeout: 8000 });
    pickerButton(el, 'Describe where it is instead')!.click();
    await waitUntil(() => wordsBox(el) && picker(el).shadowRoot!.activeElement === wordsBox(el), 'the words box did not take focus', { timeout: 5000 });
    button(el, 'Continue').click();
    await waitUntil(() => pageText(el).includes('There is a problem'), 'no error summary');
    // No map on this page: the message does not send the resident to one.
    expect(pageText(el)).to.contain('There is a problem Enter where the problem is Page');
    expect(pageText(el)).to.contain('Error: Enter where the problem is Address, or a description of the place');
    expect(wordsBox(el)!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // The summary's link takes the resident back to the words box.
    el.shadowRoot!.querySelector('civic-error-summary')!.shadowRoot!.querySelector('a')!.click();
    await waitUntil(() => picker(el).shadowRoot!.activeElement === wordsBox(el), 'the summary link did not focus the words box');
  });
});
