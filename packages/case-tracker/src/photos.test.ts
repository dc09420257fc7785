// <civic-case-tracker> showing a report's photos, in real Chromium against the reference server:
// several photos as a gallery of numbered thumbnails, each linked to the full size, wrapping
// without horizontal scroll at 320 px, in English and Welsh.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './define.js';
import type { CivicCaseTracker } from './case-tracker.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const api = () => `${window.CIVIC_TEST_SERVER}/open311/v2`;

/** A small photo uploaded through the media extension, as the report form does. */
async function uploadPhoto(colour: string): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, 64, 48);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  const body = new FormData();
  body.append('media', blob, 'photo.png');
  const response = await fetch(`${api()}/media`, { method: 'POST', body });
  expect(response.status, 'photo upload').to.equal(201);
  return ((await response.json()) as { media_url: string }).media_url;
}

/** A report with these photos, sent as the report form sends several (media_urls[], the first as media_url). */
async function reportWith(photos: string[]): Promise<string> {
  const body = new URLSearchParams({
    service_code: 'graffiti',
    lat: '52.22',
    long: '-1.5',
    address_string: '1 High Street, Larkmead',
    description: 'Tags along the underpass',
    'attribute[surface]': 'wall_or_fence',
    'attribute[offensive]': 'no',
    media_url: photos[0]!,
  });
  for (const photo of photos) body.append('media_urls[]', photo);
  const response = await fetch(`${api()}/requests.json`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  expect(response.status, 'report').to.equal(201);
  return ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

async function trackerFor(id: string, lang = 'en'): Promise<CivicCaseTracker> {
  const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker lang=${lang} map-style="" endpoint=${api()} ref=${id}></civic-case-tracker>`);
  await waitUntil(() => el.case, 'the case is shown', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** The links whose accessible name (their image's alt text) is a photo's, in order. */
const photoLinks = (el: CivicCaseTracker) =>
  [...el.shadowRoot!.querySelectorAll('a')].filter((a) => /^(Photo|Llun) /.test(a.querySelector('img')?.alt ?? ''));
const names = (links: HTMLAnchorElement[]) => links.map((a) => a.querySelector('img')!.alt);

describe('<civic-case-tracker> a report with several photos', function () {
  this.timeout(60_000);
  let photos: string[];
  let id: string;

  before(async () => {
    photos = [await uploadPhoto('#1d70b8'), await uploadPhoto('#d4351c'), await uploadPhoto('#00703c')];
    id = await reportWith(photos);
  });

  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows every photo as a numbered thumbnail in a list, each linked to the full size', async () => {
    const el = await trackerFor(id);
    const links = photoLinks(el);
    expect(names(links)).to.deep.equal([
      'Photo 1 of 3 sent with the report',
      'Photo 2 of 3 sent with the report',
      'Photo 3 of 3 sent with the report',
    ]);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(photos);
    expect(links.map((a) => a.querySelector('img')!.getAttribute('src'))).to.deep.equal(photos);
    // One list of three, so a screen reader says how many there are.
    const list = links[0]!.closest('ul')!;
    expect(list.querySelectorAll(':scope > li')).to.have.length(3);
    await waitUntil(() => links.every((a) => a.querySelector('img')!.complete && a.querySelector('img')!.naturalWidth > 0), 'the photos load', { timeout: 10_000 });
    await expect(el).to.be.accessible();
  });

  it('wraps the thumbnails without horizontal scroll at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await trackerFor(id);
    const links = photoLinks(el);
    await waitUntil(() => links.every((a) => a.querySelector('img')!.complete), 'the photos load', { timeout: 10_000 });
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
    const box = el.getBoundingClientRect();
    for (const link of links) {
      const r = link.getBoundingClientRect();
      expect(r.left).to.be.at.least(box.left - 0.5);
      expect(r.right).to.be.at.most(box.right + 0.5);
      expect(r.width, 'a thumbnail, not nothing').to.be.greaterThan(40);
    }
    // Three thumbnails do not fit on one line of a 320 px screen: they wrap onto a second.
    const tops = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(tops.size).to.be.greaterThan(1);
    await expect(el).to.be.accessible();
  });

  it('numbers the photos in Welsh', async () => {
    const el = await trackerFor(id, 'cy');
    await waitUntil(() => names(photoLinks(el))[0] === "Llun 1 o 3 a anfonwyd gyda'r adroddiad", 'Welsh alt text', { timeout: 10_000 });
    expect(names(photoLinks(el))).to.deep.equal([
      "Llun 1 o 3 a anfonwyd gyda'r adroddiad",
      "Llun 2 o 3 a anfonwyd gyda'r adroddiad",
      "Llun 3 o 3 a anfonwyd gyda'r adroddiad",
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows one photo as before, unnumbered', async () => {
    const el = await trackerFor(await reportWith([photos[0]!]));
    expect(names(photoLinks(el))).to.deep.equal(['Photo sent with the report']);
    expect(photoLinks(el)[0]!.closest('ul')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
