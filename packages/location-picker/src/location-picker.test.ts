import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import type { CivicLocationPicker, MapAssets } from './index.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const server = window.CIVIC_TEST_SERVER;
const gazetteer = `${server}/api/addresses`;
const boundary = `${server}/api/area`;
const style = `${server}/basemap/style.json`;
// @web/test-runner cannot import `?url`/`?inline`, so the test hands MapLibre's worker and CSS
// over as a bundler would: the files as the dev server serves them.
const maplibreDist = '/packages/location-picker/node_modules/maplibre-gl/dist';
let mapAssets: MapAssets;
before(async () => {
  mapAssets = { workerUrl: `${maplibreDist}/maplibre-gl-worker.mjs`, css: await (await fetch(`${maplibreDist}/maplibre-gl.css`)).text() };
});

const root = (el: HTMLElement) => el.shadowRoot!;
const input = (el: HTMLElement) => root(el).querySelector<HTMLInputElement>('input[role="combobox"]')!;
const options = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const button = (el: HTMLElement, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name)!;

/** A Geolocation that answers as a browser would: a position, or an error with its code. */
function geolocationAnswering(answer: { lat: number; lng: number } | { code: 1 | 2 | 3 }): Geolocation {
  return {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      setTimeout(() => {
        if ('code' in answer) {
          failure?.({ code: answer.code, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
        } else {
          success({ coords: { latitude: answer.lat, longitude: answer.lng, accuracy: 10 }, timestamp: Date.now() } as GeolocationPosition);
        }
      }, 10);
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  } as unknown as Geolocation;
}

async function typeAndWaitForOptions(el: CivicLocationPicker, query: string) {
  input(el).focus();
  await sendKeys({ type: query });
  await waitUntil(() => options(el).length > 0, 'no suggestions appeared', { timeout: 5000 });
}

describe('<civic-location-picker>', () => {
  describe('address search (no map)', () => {
    let el: CivicLocationPicker;
    beforeEach(async () => {
      el = await fixture(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
      ></civic-location-picker>`);
    });

    it('is accessible before a search, with a labelled combobox and no map', async () => {
      await expect(el).to.be.accessible();
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).querySelector('[part="map"]')).to.equal(null);
      expect(el.value).to.equal(null);
    });

    it('keyboard only: type, arrow down, Enter chooses the address and fires civic-location-change', async () => {
      await typeAndWaitForOptions(el, '12 high st');
      expect(input(el).getAttribute('aria-expanded')).to.equal('true');
      expect(options(el)[0].textContent).to.contain('12 High Street');
      expect(text(el)).to.match(/address(es)? found/);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const first = options(el)[0];
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(first.id);
      expect(first.getAttribute('aria-selected')).to.equal('true');
      await expect(el).to.be.accessible();

      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'civic-location-change');
      expect(event.detail.address).to.contain('12 High Street');
      expect(event.detail.lat).to.be.closeTo(52.228, 0.01);
      expect(event.detail.lng).to.be.closeTo(-1.505, 0.02);
      expect(event.detail.area).to.equal('Larkmead District Council');
      expect(el.value!.address).to.equal(event.detail.address);
      expect(input(el).value).to.equal(event.detail.address);
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(text(el)).to.contain('Chosen location:');
      await expect(el).to.be.accessible();
    });

    it('arrow keys wrap, Escape closes, and Tab never picks a suggestion', async () => {
      await typeAndWaitForOptions(el, 'high street');
      const count = options(el).length;
      expect(count).to.be.greaterThan(1);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(options(el)[count - 1].getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(input(el).getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(el.value).to.equal(null);
    });

    it('a search still on its way when the resident tabs away never opens the list under them', async () => {
      input(el).focus();
      await sendKeys({ type: 'high street' });
      await sendKeys({ press: 'Tab' });
      // Long enough for the 300 ms pause and the gazetteer's answer, had the search gone on.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await el.updateComplete;
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(options(el).filter((option) => option.checkVisibility())).to.have.length(0);
      expect(text(el)).not.to.contain('Searching…');
    });

    it('finds a postcode whatever its case and spacing', async () => {
      await typeAndWaitForOptions(el, 'lk12ab');
      for (const option of options(el)) expect(option.textContent).to.contain('LK1 2AB');
      options(el)[0].click();
      const event = await oneEvent(el, 'civic-location-change');
      expect(event.detail.address).to.contain('LK1 2AB');
    });

    it('says so when nothing matches, and searches on Enter without waiting', async () => {
      input(el).focus();
      await sendKeys({ type: 'zz' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('No addresses found for “zz”'), 'no "not found" message', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });

    it('tells the resident when address search fails', async () => {
      el.geocoderUrl = `${server}/no-such-gazetteer`;
      await el.updateComplete;
      input(el).focus();
      await sendKeys({ type: 'high' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(el).includes('Address search is not working at the moment'), 'no failure message', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  });

  describe('use my location', () => {
    it('explains a denied permission and keeps search as the route', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        .geolocation=${geolocationAnswering({ code: 1 })}
      ></civic-location-picker>`);
      button(el, 'Use my location').click();
      await waitUntil(() => text(el).includes('You have not allowed this page to use your location'), 'no denied message');
      expect(text(el)).to.contain('Search for an address or postcode instead');
      expect(el.value).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('explains an unavailable position', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        .geolocation=${geolocationAnswering({ code: 2 })}
      ></civic-location-picker>`);
      button(el, 'Use my location').click();
      await waitUntil(() => text(el).includes('Your location could not be found'), 'no unavailable message');
      await expect(el).to.be.accessible();
    });

    it('uses the position and fills the nearest address by reverse geocoding', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        .geolocation=${geolocationAnswering({ lat: 52.22817, lng: -1.50512 })}
      ></civic-location-picker>`);
      button(el, 'Use my location').click();
      const event = await oneEvent(el, 'civic-location-change');
      expect(event.detail.lat).to.equal(52.22817);
      expect(event.detail.address).to.match(/High Street, Larkmead/);
    });

    it('has no button when the browser has no Geolocation API', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker geocoder-url=${gazetteer} .geolocation=${null}></civic-location-picker>`);
      expect(button(el, 'Use my location')).to.equal(undefined);
    });
  });

  describe('boundary', () => {
    it("refuses a point outside the council with the neighbour's message and link", async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        .geolocation=${geolocationAnswering({ lat: 52.22, lng: -1.7 })}
      ></civic-location-picker>`);
      let changed = false;
      el.addEventListener('civic-location-change', () => (changed = true));
      button(el, 'Use my location').click();
      await waitUntil(() => text(el).includes('This location is in Westshire. Report it to Westshire Council.'), 'no neighbour message');
      const link = root(el).querySelector<HTMLAnchorElement>('[part="notice"] a')!;
      expect(link.href).to.equal('https://westshire.example.gov.uk/report');
      expect(link.textContent).to.contain('Westshire');
      expect(el.value).to.equal(null);
      expect(changed).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it("refuses a point outside the council with the neighbour's Welsh message on a Welsh page", async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        lang="cy"
        label="Ble mae'r broblem?"
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        .geolocation=${geolocationAnswering({ lat: 52.22, lng: -1.7 })}
      ></civic-location-picker>`);
      await waitUntil(() => button(el, 'Defnyddio fy lleoliad'), 'no Welsh location button');
      button(el, 'Defnyddio fy lleoliad').click();
      await waitUntil(() => text(el).includes("Mae'r lleoliad hwn yn Westshire. Rhowch wybod amdano i Gyngor Westshire."), 'no Welsh neighbour message');
      expect(text(el)).not.to.contain('This location is in Westshire');
      expect(root(el).querySelector<HTMLAnchorElement>('[part="notice"] a')!.href).to.equal('https://westshire.example.gov.uk/report');
      expect(el.value).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it("shows a boundary file's javascript: neighbour link as text only, never as a live link", async () => {
      // The real boundary file, with Westshire's link turned hostile, as a council's supplier might ship it.
      const file = await (await fetch(boundary)).json();
      for (const feature of file.features) if (feature.properties?.url) feature.properties.url = 'javascript:alert(document.domain)';
      const hostile = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/geo+json' }));
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        geocoder-url=${gazetteer}
        boundary-src=${hostile}
        .geolocation=${geolocationAnswering({ lat: 52.22, lng: -1.7 })}
      ></civic-location-picker>`);
      button(el, 'Use my location').click();
      await waitUntil(() => text(el).includes('This location is in Westshire.'), 'no neighbour message');
      expect(root(el).querySelector('[part="notice"] a'), 'a link in the notice').to.equal(null);
      expect(root(el).querySelector('a[href^="javascript" i]')).to.equal(null);
      await expect(el).to.be.accessible();
      URL.revokeObjectURL(hostile);
    });

    it('names the area from areas-src (a parish)', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        areas-src=${`${server}/api/parishes`}
        .geolocation=${geolocationAnswering({ lat: 52.254, lng: -1.572 })}
      ></civic-location-picker>`);
      button(el, 'Use my location').click();
      const event = await oneEvent(el, 'civic-location-change');
      expect(event.detail.area).to.match(/Fenbury/);
    });
  });

  describe('settled', () => {
    it('settles only once the place just chosen is taken in, with its area, so a form can wait for it', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        areas-src=${`${server}/api/parishes`}
      ></civic-location-picker>`);
      await el.settled;
      expect(el.value).to.equal(null);
      await typeAndWaitForOptions(el, '12 high st');
      options(el)[0].click();
      // Asked at once, while the boundary check and the parish are still being worked out.
      await el.settled;
      expect(el.value?.address).to.contain('12 High Street');
      expect(el.value?.area).to.be.a('string');
    });
  });

  describe('in Welsh', () => {
    it('speaks Welsh when the page or element says lang="cy"', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker lang="cy" required geocoder-url=${gazetteer} .geolocation=${null}></civic-location-picker>`);
      await waitUntil(() => text(el).includes('Cyfeiriad neu god post'), 'no Welsh label');
      el.reportValidity();
      await el.updateComplete;
      expect(text(el)).to.contain('Rhowch leoliad neu dewiswch bwynt ar y map');
      await expect(el).to.be.accessible();
    });
  });

  describe('in a form', () => {
    async function form(mode = '') {
      const f = await fixture<HTMLFormElement>(html`<form>
        <civic-location-picker name="location" label="Where is the problem?" required geocoder-url=${gazetteer} form-value=${mode || 'fields'}></civic-location-picker>
        <button>Continue</button>
      </form>`);
      const picker = f.querySelector('civic-location-picker')!;
      await picker.updateComplete;
      return { f, picker };
    }

    it('blocks submit while empty and shows the GOV.UK message', async () => {
      const { f, picker } = await form();
      let submitted = false;
      f.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted = true;
      });
      f.requestSubmit();
      await picker.updateComplete;
      expect(submitted).to.equal(false);
      expect(f.checkValidity()).to.equal(false);
      expect(text(picker)).to.contain('Enter a location or choose a point on the map');
      expect(input(picker).getAttribute('aria-invalid')).to.equal('true');
      await expect(f).to.be.accessible();
    });

    it('submits lat, lng, address and area as named fields after a choice, and resets', async () => {
      const { f, picker } = await form();
      await typeAndWaitForOptions(picker, '12 high st');
      await sendKeys({ press: 'ArrowDown' });
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      await oneEvent(picker, 'civic-location-change');
      expect(f.checkValidity()).to.equal(true);
      const data = new FormData(f);
      expect(Number(data.get('location[lat]'))).to.be.closeTo(52.228, 0.01);
      expect(Number(data.get('location[lng]'))).to.be.closeTo(-1.505, 0.02);
      expect(data.get('location[address]')).to.contain('12 High Street');
      f.reset();
      await picker.updateComplete;
      expect(picker.value).to.equal(null);
      expect([...new FormData(f).keys()]).to.deep.equal([]);
    });

    it('form-value="json" submits one JSON entry; "open311" submits lat, long and address_string', async () => {
      const { f, picker } = await form('json');
      picker.value = { lat: 52.2, lng: -1.5, address: '1 High Street, Larkmead, LK1 1AA', area: null };
      await picker.updateComplete;
      expect(JSON.parse(new FormData(f).get('location') as string)).to.deep.equal(picker.value);
      picker.formValue = 'open311';
      await picker.updateComplete;
      const data = new FormData(f);
      expect([data.get('lat'), data.get('long'), data.get('address_string')]).to.deep.equal(['52.2', '-1.5', '1 High Street, Larkmead, LK1 1AA']);
    });
  });

  describe('when the map cannot be shown', () => {
    it('map="off" loads no map at all', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker map="off" map-style=${style} geocoder-url=${gazetteer} .mapAssets=${mapAssets}></civic-location-picker>`);
      await new Promise((r) => setTimeout(r, 300));
      expect(root(el).querySelector('[part="map"]')).to.equal(null);
      expect(root(el).querySelector('.maplibregl-map')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('without WebGL it says so, and address search is still a complete route', async () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
      try {
        const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
          label="Where is the problem?"
          map-style=${style}
          geocoder-url=${gazetteer}
          .mapAssets=${mapAssets}
        ></civic-location-picker>`);
        await waitUntil(() => text(el).includes('The map could not be shown'), 'no fallback message', { timeout: 10_000 });
        await expect(el).to.be.accessible();
        await typeAndWaitForOptions(el, '12 high st');
        await sendKeys({ press: 'ArrowDown' });
        setTimeout(() => void sendKeys({ press: 'Enter' }));
        const event = await oneEvent(el, 'civic-location-change');
        expect(event.detail.address).to.contain('12 High Street');
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
      }
    });

    it('a style that fails to load shows the same fallback and tells the page with civic-error', async () => {
      const errors: string[] = [];
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        @civic-error=${(e: CustomEvent<{ operation: string }>) => errors.push(e.detail.operation)}
        map-style=${`${server}/basemap/missing.json`}
        geocoder-url=${gazetteer}
        .mapAssets=${mapAssets}
      ></civic-location-picker>`);
      await waitUntil(() => text(el).includes('The map could not be shown'), 'no fallback message', { timeout: 15_000 });
      expect(errors).to.include('map');
      expect(root(el).querySelector('[part="map"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('the map (MapLibre in software WebGL)', function () {
    this.timeout(60_000);

    async function mapPicker(extra: Partial<CivicLocationPicker> = {}, center = '') {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        map-style=${style}
        geocoder-url=${gazetteer}
        boundary-src=${boundary}
        center=${center}
        zoom="17"
        .mapAssets=${mapAssets}
        .reports=${extra.reports ?? null}
        assets-src=${extra.assetsSrc ?? ''}
        asset-id-property=${extra.assetIdProperty ?? ''}
        .geolocation=${null}
      ></civic-location-picker>`);
      await el.mapReady;
      return el;
    }

    it('renders, and the arrow keys move the pin with an announcement', async () => {
      const el = await mapPicker({}, '52.22817,-1.50512');
      const map = root(el).querySelector<HTMLElement>('[part="map"]')!;
      expect(map.dataset.map).to.equal('ready');
      const canvas = root(el).querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      expect(canvas.width).to.be.greaterThan(0);
      expect(canvas.getAttribute('tabindex')).to.equal('-1');
      expect(text(el)).to.contain('Demo data © Civic Widgets');
      await expect(el).to.be.accessible();

      map.focus();
      // The first arrow press drops the pin at the centre of the map…
      setTimeout(() => void sendKeys({ press: 'ArrowUp' }));
      const placed = await oneEvent(el, 'civic-location-change');
      expect(placed.detail.lat).to.be.closeTo(52.22817, 0.0001);
      expect(root(el).querySelector('.maplibregl-marker')).to.exist;
      // …and the next ones move it 50 metres.
      setTimeout(() => void sendKeys({ press: 'ArrowUp' }));
      const moved = await oneEvent(el, 'civic-location-change');
      expect((moved.detail.lat - placed.detail.lat) * 111_195).to.be.closeTo(50, 1);
      expect(moved.detail.lng).to.equal(placed.detail.lng);
      await waitUntil(() => text(el).includes('Pin moved 50 metres north.'), 'no announcement');
      expect(text(el)).to.match(/Pin moved 50 metres north\. (Near .+\.|No address found near this point\.)/);
      expect(root(el).activeElement).to.equal(map);
      await expect(el).to.be.accessible();

      // Focus is never trapped: Tab leaves the map.
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).not.to.equal(map);
    });

    it('a click on the map drops the pin there and fills the address', async () => {
      const el = await mapPicker({}, '52.22817,-1.50512');
      const box = root(el).querySelector('.map-canvas')!.getBoundingClientRect();
      const changed = oneEvent(el, 'civic-location-change');
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await resetMouse();
      const event = await changed;
      expect(event.detail.lat).to.be.closeTo(52.22817, 0.0005);
      expect(event.detail.address).to.match(/High Street/);
    });

    it('the pin can be dragged, and a value set by a parent shows on the map and in the search box', async () => {
      const el = await mapPicker({}, '52.22817,-1.50512');
      el.value = { lat: 52.22817, lng: -1.50512, address: '12 High Street, Larkmead, LK1 2AB', area: null };
      await el.updateComplete;
      expect(input(el).value).to.equal('12 High Street, Larkmead, LK1 2AB');
      const pin = root(el).querySelector<HTMLElement>('.maplibregl-marker')!;
      const box = pin.getBoundingClientRect();
      const [x, y] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
      const changed = oneEvent(el, 'civic-location-change');
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + 40, y] });
      await sendMouse({ type: 'move', position: [x + 80, y] });
      await sendMouse({ type: 'up' });
      await resetMouse();
      const event = await changed;
      expect(event.detail.lng).to.be.greaterThan(-1.50512);
      expect(event.detail.lat).to.be.closeTo(52.22817, 0.0002);
      await expect(el).to.be.accessible();
    });

    it('readonly shows the place on the map without search, keys or validation', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        readonly
        required
        label="Where the problem was reported"
        map-style=${style}
        center="52.22817,-1.50512"
        .mapAssets=${mapAssets}
        .value=${{ lat: 52.22817, lng: -1.50512, address: '12 High Street, Larkmead, LK1 2AB', area: null }}
      ></civic-location-picker>`);
      await el.mapReady;
      expect(input(el)).to.equal(null);
      expect(button(el, 'Use my location')).to.equal(undefined);
      expect(text(el)).to.contain('Location: 12 High Street, Larkmead, LK1 2AB');
      expect(root(el).querySelector('.maplibregl-marker')).to.exist;
      el.value = null;
      await el.updateComplete;
      expect(el.checkValidity()).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('choosing an asset snaps the pin to it and carries its id', async () => {
      const el = await mapPicker(
        { assetsSrc: '/packages/location-picker/src/fixtures/street-lights.geojson', assetIdProperty: 'asset_id' },
        '52.2281,-1.5075',
      );
      const box = root(el).querySelector('.map-canvas')!.getBoundingClientRect();
      // A few pixels off the asset's centre: still on its circle, so the pin snaps to the asset.
      const changed = oneEvent(el, 'civic-location-change');
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2) + 2, Math.round(box.y + box.height / 2) + 1] });
      await resetMouse();
      const event = await changed;
      expect(event.detail.assetId).to.equal('SL-0102');
      expect(event.detail.lat).to.equal(52.2281);
      expect(event.detail.lng).to.equal(-1.5075);
      await expect(el).to.be.accessible();
    });

    it('keyboard users choose an asset: the pin near it, then Enter', async () => {
      const el = await mapPicker(
        { assetsSrc: '/packages/location-picker/src/fixtures/street-lights.geojson', assetIdProperty: 'asset_id' },
        '52.2281,-1.5075',
      );
      root(el).querySelector<HTMLElement>('[part="map"]')!.focus();
      setTimeout(() => void sendKeys({ press: 'ArrowUp' }));
      await oneEvent(el, 'civic-location-change');
      await waitUntil(() => text(el).includes('SL-0102 is 0 metres away. Press Enter to choose it.'), 'no asset hint');
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = await oneEvent(el, 'civic-location-change');
      expect(event.detail.assetId).to.equal('SL-0102');
      await waitUntil(() => text(el).includes('SL-0102 chosen.'), 'no asset announcement');
      expect(text(el)).to.contain('Yellow circles can be chosen');
    });

    it('reports-src: reads a GET requests response and the point emits its service_request_id', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
        label="Where is the problem?"
        map-style=${style}
        geocoder-url=${gazetteer}
        center="52.2281,-1.5075"
        zoom="17"
        reports-src="/packages/location-picker/src/fixtures/requests.json"
        .mapAssets=${mapAssets}
        .geolocation=${null}
      ></civic-location-picker>`);
      await el.mapReady;
      expect(text(el)).to.contain('Orange circles are problems already reported');
      const box = root(el).querySelector('.map-canvas')!.getBoundingClientRect();
      const selected = oneEvent(el, 'civic-report-select');
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await resetMouse();
      expect((await selected).detail.serviceRequestId).to.equal('LDC-2026-000117');
      await expect(el).to.be.accessible();
    });

    it('shows existing reports; clicking one emits civic-report-select with its id', async () => {
      const el = await mapPicker(
        { reports: [{ service_request_id: 'LDC-42', lat: '52.2281', long: '-1.5075', status: 'open' }] },
        '52.2281,-1.5075',
      );
      const box = root(el).querySelector('.map-canvas')!.getBoundingClientRect();
      const selected = oneEvent(el, 'civic-report-select');
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await resetMouse();
      const event = await selected;
      expect(event.detail.serviceRequestId).to.equal('LDC-42');
      expect(el.value).to.equal(null);
    });
  });
});
