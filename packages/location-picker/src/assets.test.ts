// Asset layers (street lights…): chosen by click, by keyboard from a list of the nearest with
// their ids and distances (GOV.UK radios), or "I can't find it on the map"; the map keeps the pin
// in view as the arrow keys move it; 10,000 assets in view are one GeoJSON source, not elements.
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
const style = `${server}/basemap/style.json`;
const lights = '/packages/location-picker/src/fixtures/street-lights.geojson';
const maplibreDist = '/packages/location-picker/node_modules/maplibre-gl/dist';
let mapAssets: MapAssets;
before(async () => {
  mapAssets = { workerUrl: `${maplibreDist}/maplibre-gl-worker.mjs`, css: await (await fetch(`${maplibreDist}/maplibre-gl.css`)).text() };
});

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const list = (el: HTMLElement) => root(el).querySelector<HTMLElement & { value: string }>('civic-radios.asset-list');
/** The list's choices as a screen reader names them. */
const choices = (el: HTMLElement) =>
  [...(list(el)?.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])].map((r) => ({
    input: r,
    name: r.labels![0]!.textContent!.replace(/\s+/g, ' ').trim(),
  }));
const legend = (el: HTMLElement) => list(el)!.shadowRoot!.querySelector('legend')!.textContent!.replace(/\s+/g, ' ').trim();

async function picker(assetsSrc: string, options: { center?: string; zoom?: number; label?: string } = {}) {
  const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
    label="Where is the street light?"
    map-style=${style}
    center=${options.center ?? '52.2281,-1.5075'}
    zoom=${options.zoom ?? 17}
    .mapAssets=${mapAssets}
    assets-src=${assetsSrc}
    asset-id-property="asset_id"
    assets-label=${options.label ?? ''}
    .geolocation=${null}
  ></civic-location-picker>`);
  await el.mapReady;
  return el;
}

/** Presses a key and waits for the picker to report the place it leads to. */
async function press(el: HTMLElement, key: string) {
  const changed = oneEvent(el, 'civic-location-change');
  await sendKeys({ press: key });
  return changed;
}

describe('<civic-location-picker> asset layers', function () {
  this.timeout(90_000);
  afterEach(() => resetMouse());

  it('by keyboard only: the nearest assets as radios with ids and distances; choosing one moves the pin to it', async () => {
    const el = await picker(lights);
    root(el).querySelector<HTMLElement>('[part="map"]')!.focus();
    // The pin drops at the centre (on SL-0102), then moves 50 m west, towards SL-0101.
    await press(el, 'ArrowUp');
    await press(el, 'ArrowLeft');
    await waitUntil(() => choices(el).length === 3, 'the list of nearby street lights');
    expect(legend(el)).to.equal('Which one is it? (optional)');
    // SL-0103 is over 150 m away: not listed.
    expect(choices(el).map((c) => c.name)).to.deep.equal(['SL-0102, 50 metres away', 'SL-0101, 107 metres away', 'I can’t find it on the map']);
    expect(choices(el).some((c) => c.input.checked)).to.equal(false);
    await expect(el).to.be.accessible();

    // Tab moves from the map into the radio group; the arrow keys choose, as in any radio group.
    await sendKeys({ press: 'Tab' });
    expect(list(el)!.shadowRoot!.activeElement === choices(el)[0]!.input, `focus on the first choice, not ${root(el).activeElement?.outerHTML.slice(0, 120)}`).to.equal(true);
    const chosen = await press(el, 'ArrowDown');
    expect(chosen.detail.assetId).to.equal('SL-0101');
    expect(chosen.detail.lat).to.equal(52.2281);
    expect(chosen.detail.lng).to.equal(-1.5098);
    expect(el.value!.assetId).to.equal('SL-0101');
    await waitUntil(() => text(el).includes('SL-0101 chosen.'), 'the announcement');
    // The list keeps its order: it is measured from where the resident put the pin.
    await el.updateComplete;
    expect(choices(el)[1]!.name).to.equal('SL-0101, 107 metres away');
    expect(choices(el)[1]!.input.checked).to.equal(true);
    expect(list(el)!.shadowRoot!.activeElement === choices(el)[1]!.input, 'focus stays on the chosen radio').to.equal(true);
    await expect(el).to.be.accessible();

    // "I can't find it on the map": the place stays, the asset goes.
    const none = await press(el, 'ArrowDown');
    expect(none.detail.assetId).to.equal(undefined);
    expect(none.detail.lat).to.equal(52.2281);
    expect(none.detail.lng).to.equal(-1.5098);
    expect(el.value).to.deep.include({ lat: 52.2281, lng: -1.5098 });
    expect(el.value!.assetId).to.equal(undefined);
    expect(choices(el)[2]!.input.checked).to.equal(true);
    expect(el.checkValidity()).to.equal(true);
    await waitUntil(() => text(el).includes('You said you cannot find it on the map.'), 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('an asset clicked on the map is the one checked in the list, named by the layer', async () => {
    const el = await picker(lights, { label: 'Street lights' });
    const box = root(el).querySelector('.map-canvas')!.getBoundingClientRect();
    const changed = oneEvent(el, 'civic-location-change');
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2) + 2, Math.round(box.y + box.height / 2) + 1] });
    const event = await changed;
    expect(event.detail.assetId).to.equal('SL-0102');
    await waitUntil(() => choices(el).length === 2, 'the list of nearby street lights');
    expect(legend(el)).to.equal('Street lights near the place you chose (optional)');
    // SL-0101 is 157 m away: only those within 150 m are listed.
    expect(choices(el).map((c) => c.name)).to.deep.equal(['SL-0102, 0 metres away', 'I can’t find it on the map']);
    expect(choices(el)[0]!.input.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('the map follows the pin as the arrow keys move it, never letting it reach the edge', async () => {
    const el = await picker('', { zoom: 18 });
    const map = root(el).querySelector<HTMLElement>('[part="map"]')!;
    map.focus();
    const box = map.getBoundingClientRect();
    for (let i = 0; i < 8; i++) await press(el, 'ArrowRight');
    // 400 m east at zoom 18 is far off a 22rem map: the map eases so the pin stays well inside it.
    const pinX = () => {
      const pin = root(el).querySelector('.maplibregl-marker')!.getBoundingClientRect();
      return pin.x + pin.width / 2;
    };
    await waitUntil(() => pinX() > box.left + 20 && pinX() < box.right - 20, `the pin in view (at ${pinX()}, map ${box.left}–${box.right})`);
  });

  it('10,000 assets are one GeoJSON source and a circle layer; the list still offers the nearest five', async () => {
    const features = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'Feature',
      properties: { asset_id: `SL-${i}` },
      geometry: { type: 'Point', coordinates: [-1.5075 + ((i % 100) - 50) * 0.00005, 52.2281 + (Math.floor(i / 100) - 50) * 0.00003] },
    }));
    const src = URL.createObjectURL(new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/json' }));
    const el = await picker(src);
    expect(root(el).querySelectorAll('.maplibregl-marker')).to.have.length(0);
    expect(root(el).querySelector('[data-map="ready"]')).to.exist;
    root(el).querySelector<HTMLElement>('[part="map"]')!.focus();
    await press(el, 'ArrowUp');
    await waitUntil(() => choices(el).length === 6, 'five street lights and "I can\'t find it"');
    expect(choices(el)[0]!.name).to.equal('SL-5050, 0 metres away');
    // The map drew them on its canvas: the element's own DOM did not grow by thousands.
    expect(root(el).querySelectorAll('*').length).to.be.below(200);
  });
});
