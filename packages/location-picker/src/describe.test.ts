// <civic-location-picker> with no address search: a plain Open311 server has no gazetteer and no
// map, and a gazetteer can fail while a resident uses it. The resident can still say where:
// the address or a description in words, or their location.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CivicLocationPicker } from './index.js';

const server = (window as unknown as { CIVIC_TEST_SERVER: string }).CIVIC_TEST_SERVER;
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
/** The text box by its label, as a resident finds it. */
const box = (el: HTMLElement, label: string) => {
  const found = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.trim() === label);
  return found ? root(el).getElementById(found.htmlFor) as HTMLInputElement : null;
};
const position = (lat: number, lng: number) =>
  ({
    getCurrentPosition: (ok: PositionCallback) =>
      setTimeout(() => ok({ coords: { latitude: lat, longitude: lng, accuracy: 10 }, timestamp: Date.now() } as GeolocationPosition), 10),
  }) as unknown as Geolocation;

describe('<civic-location-picker> without address search', () => {
  it('takes the place in words, sent as address_string alone, and says nothing is wrong', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const form = await fixture<HTMLFormElement>(html`<form>
        <civic-location-picker label="Where is the problem?" name="where" form-value="open311" required .geolocation=${null}></civic-location-picker>
      </form>`);
      const el = form.querySelector('civic-location-picker') as CivicLocationPicker;
      await waitUntil(() => box(el, 'Address, or a description of the place'), 'no text box for the place in words', { timeout: 5000 });
      expect(root(el).querySelector('[role="combobox"]'), 'no address search offered').to.equal(null);
      expect(text(el)).not.to.contain('Search');
      await expect(el).to.be.accessible();

      box(el, 'Address, or a description of the place')!.focus();
      const changed = oneEvent(el, 'civic-location-change');
      await sendKeys({ type: 'The footpath behind the library' });
      await changed;
      expect(el.value).to.deep.equal({ lat: null, lng: null, address: 'The footpath behind the library', area: null });
      const data = new FormData(form);
      expect(data.get('address_string')).to.equal('The footpath behind the library');
      expect(data.has('lat')).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
      expect(errors, 'no configuration error: no geocoder-url is a valid set-up').to.deep.equal([]);
    } finally {
      console.error = original;
    }
  });

  it('"Use my location" adds the point and keeps the words', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" .geolocation=${position(52.2281, -1.5148)}></civic-location-picker>`);
    await waitUntil(() => box(el, 'Address, or a description of the place'), 'no text box', { timeout: 5000 });
    box(el, 'Address, or a description of the place')!.focus();
    await sendKeys({ type: 'By the bus stop' });
    const chosen = oneEvent(el, 'civic-location-change');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Use my location'))!.click();
    await chosen;
    await waitUntil(() => el.value?.lat != null, 'no point from the location');
    expect(el.value).to.include({ lat: 52.2281, lng: -1.5148, address: 'By the bus stop' });
  });

  it('falls back to the place in words when the search fails, keeping what was typed', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" geocoder-url=${`${server}/no-such-gazetteer`}></civic-location-picker>`);
    const search = root(el).querySelector<HTMLInputElement>('input[role="combobox"]')!;
    search.focus();
    await sendKeys({ type: 'Corner of Mill Lane' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => box(el, 'Address, or a description of the place'), 'no fall-back to words', { timeout: 8000 });
    expect(text(el)).to.contain('Address search is not working at the moment. Type the address or describe the place instead.');
    expect(box(el, 'Address, or a description of the place')!.value).to.equal('Corner of Mill Lane');
    expect(el.value).to.deep.equal({ lat: null, lng: null, address: 'Corner of Mill Lane', area: null });
    await expect(el).to.be.accessible();
  });
  it('keeps the resident typing when the search fails mid-word: the words box takes focus and the next keys', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" geocoder-url=${`${server}/no-such-gazetteer`}></civic-location-picker>`);
    root(el).querySelector<HTMLInputElement>('input[role="combobox"]')!.focus();
    // Three letters start a search as you type; it fails while the resident is still typing.
    await sendKeys({ type: 'Cor' });
    await waitUntil(() => box(el, 'Address, or a description of the place'), 'no fall-back to words', { timeout: 8000 });
    await sendKeys({ type: 'ner of Mill Lane' });
    expect(box(el, 'Address, or a description of the place')!.value).to.equal('Corner of Mill Lane');
    expect(el.value).to.deep.equal({ lat: null, lng: null, address: 'Corner of Mill Lane', area: null });
  });
});

// A place with no postal address (a footpath, a park): the search finds nothing, and the resident
// must still be able to finish without the map (WCAG 2.2; the GOV.UK address pattern's "I cannot
// find the address" route).
describe('<civic-location-picker> a place with no address', () => {
  const gazetteer = `${server}/api/addresses`;
  const button = (el: HTMLElement, name: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
  const words = 'Address, or a description of the place';

  it('after a search finds nothing, "Describe where it is instead" (by keyboard) gives the words box, focused, holding the search', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" required .geolocation=${null} geocoder-url=${gazetteer}></civic-location-picker>`);
    // Offered from the start, not only once a search has failed.
    expect(button(el, 'Describe where it is instead'), 'no way to describe the place').to.exist;
    root(el).querySelector<HTMLInputElement>('input[role="combobox"]')!.focus();
    await sendKeys({ type: 'footpath behind the library' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => text(el).includes('No addresses found for “footpath behind the library”. Check the spelling, search for a postcode, or describe where it is instead.'),
      'no "not found" message pointing to the words',
      { timeout: 8000 },
    );
    await expect(el).to.be.accessible();

    // Tab past the Search button to the link, and press it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Describe where it is instead');
    const changed = oneEvent(el, 'civic-location-change');
    await sendKeys({ press: 'Enter' });
    await changed;
    await waitUntil(() => box(el, words) && root(el).activeElement === box(el, words), 'the words box did not take focus');
    expect(root(el).querySelector('[role="combobox"]')).to.equal(null);
    expect(box(el, words)!.value).to.equal('footpath behind the library');
    expect(box(el, words)!.maxLength).to.equal(300);
    expect(el.value).to.deep.equal({ lat: null, lng: null, address: 'footpath behind the library', area: null });
    // Nothing about a failed search: the search works, the resident chose words.
    expect(text(el)).not.to.contain('not working');
    await expect(el).to.be.accessible();

    await sendKeys({ type: ', by the bins' });
    expect(el.value!.address).to.equal('footpath behind the library, by the bins');
    expect(el.checkValidity()).to.equal(true);
  });

  it('goes back to the search with "Search for an address instead", dropping words that held no point', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" required .geolocation=${null} geocoder-url=${gazetteer}></civic-location-picker>`);
    button(el, 'Describe where it is instead')!.click();
    await waitUntil(() => root(el).activeElement === box(el, words), 'the words box did not take focus');
    await sendKeys({ type: 'The park gates' });
    expect(el.value!.address).to.equal('The park gates');
    button(el, 'Search for an address instead')!.click();
    await waitUntil(() => root(el).activeElement?.getAttribute('role') === 'combobox', 'the search box did not take focus');
    expect(el.value).to.equal(null);
    expect(el.checkValidity()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('left empty, the words box is invalid with the field\'s message, linked to the box', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" required required-message="Enter where the problem is" .geolocation=${null} geocoder-url=${gazetteer}></civic-location-picker>`);
    button(el, 'Describe where it is instead')!.click();
    await waitUntil(() => root(el).activeElement === box(el, words), 'the words box did not take focus');
    expect(el.value).to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Enter where the problem is');
    expect(text(el)).to.contain('Enter where the problem is');
    expect(box(el, words)!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a value in words only (a draft coming back) shows in the words box', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the problem?" .geolocation=${null} geocoder-url=${gazetteer}
      .value=${{ lat: null, lng: null, address: 'The footpath behind the library', area: null }}></civic-location-picker>`);
    await waitUntil(() => box(el, words), 'no words box for a value in words');
    expect(box(el, words)!.value).to.equal('The footpath behind the library');
    expect(button(el, 'Search for an address instead')).to.exist;
  });

  it('speaks Welsh', async () => {
    const el = await fixture<CivicLocationPicker>(html`<civic-location-picker lang="cy" label="Ble mae'r broblem?" .geolocation=${null} geocoder-url=${gazetteer}></civic-location-picker>`);
    await waitUntil(() => button(el, 'Disgrifiwch ble mae yn lle hynny'), 'no Welsh words link', { timeout: 5000 });
    button(el, 'Disgrifiwch ble mae yn lle hynny')!.click();
    await waitUntil(() => box(el, "Cyfeiriad, neu ddisgrifiad o'r lle"), 'no Welsh words box');
    expect(button(el, 'Chwiliwch am gyfeiriad yn lle hynny')).to.exist;
    await expect(el).to.be.accessible();
  });
});
