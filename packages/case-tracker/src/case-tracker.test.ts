// The reference server's widget configuration offers a map; map-style="" turns it off, so the
// tests that are not about the map load no map code (as the first map test checks).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CivicErrorEvent, CivicErrorSummary, CivicTextInput } from '@civic-widgets/core';
import './define.js';
import type { CivicCaseTracker } from './case-tracker.js';
import type { CivicCaseLoadEvent } from './events/case-load.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
    __xss?: number;
  }
}

const server = () => window.CIVIC_TEST_SERVER;
const api = () => `${server()}/open311/v2`;
const STAFF_KEY = 'sk_larkmead_demo_staff_0001';
/** A static Open311 "server" with no updates or subscriptions extension (plain files served by wtr). */
const staticApi = new URL('./fixtures/no-updates', import.meta.url).href.replace(/\?.*$/, '');

// A corner of the demo council's area no other test reports in, so list tests see only their own reports.
const corner = { lat: 52.2 + Math.random() * 0.05, long: -1.46 - Math.random() * 0.08 };

async function form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${api()}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A resident's report, as the report form would send it. */
async function report(fields: Record<string, string> = {}): Promise<string> {
  const body = (await form('requests.json', {
    service_code: 'graffiti',
    lat: '52.22',
    long: '-1.5',
    address_string: '1 High Street, Larkmead',
    description: 'Spray paint on the wall by the library',
    'attribute[surface]': 'wall_or_fence',
    'attribute[offensive]': 'no',
    ...fields,
  })) as { service_request_id: string }[];
  return body[0]!.service_request_id;
}

/** What a member of staff posts from the back office. */
async function staffUpdate(id: string, status: string, description: string, extra: Record<string, string> = {}): Promise<void> {
  await form('servicerequestupdates.json', { service_request_id: id, status, description, api_key: STAFF_KEY, ...extra });
}

async function uploadPhoto(): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 40;
  canvas.height = 30;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d70b8';
  context.fillRect(0, 0, 40, 30);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  const body = new FormData();
  body.append('media', blob, 'cleaned.png');
  const response = await fetch(`${api()}/media`, { method: 'POST', body });
  expect(response.status, 'photo upload').to.equal(201);
  return ((await response.json()) as { media_url: string }).media_url;
}

const shadow = (el: CivicCaseTracker) => el.shadowRoot!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The case details as "term: value" lines. */
const details = (el: CivicCaseTracker) =>
  [...shadow(el).querySelectorAll('dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);
const heading = (el: CivicCaseTracker) => text(shadow(el).querySelector('h2'));
const timeline = (el: CivicCaseTracker) => [...shadow(el).querySelectorAll('.timeline > li')];
const buttonNamed = (el: CivicCaseTracker, name: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => text(b) === name) as HTMLButtonElement | undefined;
const shown = (el: CivicCaseTracker) => waitUntil(() => el.case, 'the case is shown', { timeout: 8000 });

async function trackerFor(id: string, extra = html``): Promise<CivicCaseTracker> {
  const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()} ref=${id}>${extra}</civic-case-tracker>`);
  await shown(el);
  await el.updateComplete;
  return el;
}

/** The look-up form's fields load on demand, like a resident's browser fetches them. */
async function lookupForm(el: CivicCaseTracker): Promise<void> {
  await customElements.whenDefined('civic-text-input');
  await customElements.whenDefined('civic-error-summary');
  await el.updateComplete;
  await shadow(el).querySelector<CivicTextInput>('civic-text-input')!.updateComplete;
}

async function typeReference(el: CivicCaseTracker, value: string): Promise<void> {
  await lookupForm(el);
  const input = shadow(el).querySelector('civic-text-input')!;
  input.focus();
  if (value) await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
}

describe('<civic-case-tracker> looking up a report', () => {
  it('asks for the reference and passes axe', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()} reference-example="LDC-1001"></civic-case-tracker>`);
    await lookupForm(el);
    const input = shadow(el).querySelector('civic-text-input')!;
    expect(input.label).to.equal('Report reference');
    // The reference is what the page is for: not labelled "(optional)".
    expect(input.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Report reference');
    expect(input.hint).to.contain('LDC-1001');
    expect(buttonNamed(el, 'Find report')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says what to do when no reference is entered', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()}></civic-case-tracker>`);
    await lookupForm(el);
    // Pressing the button from the keyboard, as a resident does (not a scripted click).
    buttonNamed(el, 'Find report')!.focus();
    await sendKeys({ press: 'Enter' });
    const summary = shadow(el).querySelector('civic-error-summary')!;
    await waitUntil(() => summary.errors.length === 1);
    expect(summary.errors[0]!.message).to.equal('Enter the reference of your report');
    expect(shadow(el).querySelector('civic-text-input')!.visibleError).to.equal('Enter the reference of your report');
    await expect(el).to.be.accessible();
  });

  it('refuses something that cannot be a reference without asking the server', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()} reference-example="LDC-1001"></civic-case-tracker>`);
    await typeReference(el, 'my pothole on the high street');
    const input = shadow(el).querySelector('civic-text-input')!;
    await waitUntil(() => input.visibleError);
    expect(input.visibleError).to.equal('Enter the reference as it appears in your email, like LDC-1001');
    expect(input.value, 'what the resident typed stays there to correct').to.equal('my pothole on the high street');
    await expect(el).to.be.accessible();
  });

  it('says plainly when the server knows no such report', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()}></civic-case-tracker>`);
    const failed = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
    await typeReference(el, 'LDC-999999');
    expect((await failed).detail.operation).to.equal('lookup');
    const input = shadow(el).querySelector('civic-text-input')!;
    await waitUntil(() => input.visibleError);
    expect(input.visibleError).to.equal(
      'We cannot find a report with the reference LDC-999999. Check it against the one in your email.',
    );
    expect(shadow(el).querySelector('civic-error-summary')!.errors).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('finds a report typed in lower case and moves focus to it', async () => {
    const id = await report();
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()}></civic-case-tracker>`);
    await typeReference(el, id.toLowerCase());
    await shown(el);
    await el.updateComplete;
    expect(heading(el)).to.equal(`Graffiti Report ${id}`);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('h2'));
    // Back to the form for another look-up.
    buttonNamed(el, 'Look up another report')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('civic-text-input')).to.exist;
  });

  it('reads the reference from the page address (?ref=)', async () => {
    const id = await report();
    const before = location.href;
    history.replaceState(null, '', `?ref=${encodeURIComponent(id)}`);
    try {
      const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()}></civic-case-tracker>`);
      await shown(el);
      expect(el.case!.request.id).to.equal(id);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('takes the reference out of a pasted tracking link', async () => {
    const id = await report();
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()}></civic-case-tracker>`);
    await typeReference(el, `https://larkmead.example.gov.uk/track?ref=${id}`);
    await shown(el);
    expect(el.case!.request.id).to.equal(id);
  });
});

describe('<civic-case-tracker> showing a case', () => {
  it('shows the staff updates newest first, with the right labels and dates', async () => {
    const id = await report();
    await staffUpdate(id, 'investigating', 'An officer will look at it this week.', { updated_datetime: '2026-03-02T09:00:00Z' });
    await staffUpdate(id, 'action_scheduled', 'Our cleaning crew is booked for Tuesday.', { updated_datetime: '2026-03-05T10:30:00Z' });
    await staffUpdate(id, 'fixed', 'The graffiti has been removed.', { updated_datetime: '2026-03-10T15:45:00Z' });

    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker map-style="" endpoint=${api()} ref=${id}></civic-case-tracker>`);
    const loaded = (await oneEvent(el, 'civic-case-load')) as CivicCaseLoadEvent;
    expect(loaded.detail.status).to.equal('fixed');
    expect(loaded.detail.updates!.map((u) => u.status)).to.deep.equal(['fixed', 'action_scheduled', 'investigating']);
    await el.updateComplete;

    expect(heading(el)).to.equal(`Graffiti Report ${id}`);
    expect(text(shadow(el).querySelector('.status'))).to.equal('Status: Fixed');
    const items = timeline(el);
    expect(items.map((li) => text(li.querySelector('.tag')))).to.deep.equal(['Fixed', 'Action scheduled', 'Investigating']);
    expect(text(items[0]!.querySelector('.text'))).to.equal('The graffiti has been removed.');
    expect(items[2]!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-02T09:00:00.000Z');
    expect(text(items[2]!.querySelector('time'))).to.match(/^2 March 2026 at \d/);

    const rows = details(el);
    expect(rows).to.include('Problem: Graffiti');
    expect(rows).to.include('Where: 1 High Street, Larkmead');
    expect(rows).to.include('Dealt with by: Larkmead District Council: Street scene team');
    expect(rows).to.include('Description: Spray paint on the wall by the library');
    expect(rows.find((r) => r.startsWith('Reported: '))).to.match(/^Reported: \d{1,2} [A-Z][a-z]+ \d{4}$/);
    // Fixed: the notice from the day it was reported no longer says what happens next.
    expect(shadow(el).querySelector('.inset')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("uses the council's own words for statuses, per language", async () => {
    const id = await report();
    await staffUpdate(id, 'action_scheduled', 'Booked.');
    const labels = JSON.stringify({ action_scheduled: { en: 'Booked in', cy: "Wedi'i drefnu" }, open: 'Logged' });
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker map-style="" endpoint=${api()} ref=${id} status-labels=${labels}></civic-case-tracker>`,
    );
    await shown(el);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.status .tag'))).to.equal('Booked in');

    el.lang = 'cy';
    await waitUntil(() => text(shadow(el).querySelector('.status .tag')) === "Wedi'i drefnu", 'Welsh label', { timeout: 5000 });
    expect(text(shadow(el).querySelector('.status'))).to.equal("Statws: Wedi'i drefnu");
    el.lang = 'en';
    await waitUntil(() => text(shadow(el).querySelector('.status .tag')) === 'Booked in');
  });

  it('speaks Welsh, dates included', async () => {
    const id = await report();
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker lang="cy" map-style="" endpoint=${api()} ref=${id}></civic-case-tracker>`);
    await shown(el);
    await waitUntil(() => text(shadow(el).querySelector('h3')) === "Beth sy'n digwydd nesaf", 'what happens next, in Welsh', { timeout: 5000 });
    await expect(el).to.be.accessible();
    await staffUpdate(id, 'in_progress', 'Mae criw ar y ffordd.', { updated_datetime: '2026-11-03T12:00:00Z' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => text(shadow(el).querySelector('.status .tag')) === 'Ar y gweill', 'Welsh status', { timeout: 5000 });
    // Dates come from the browser's Intl data; Chromium builds without Welsh data (Debian's, here)
    // fall back to another language, which core's formatDate owns. Where Welsh exists, it is used.
    if (Intl.DateTimeFormat.supportedLocalesOf('cy').length) {
      expect(text(timeline(el)[0]!.querySelector('time'))).to.contain('Tachwedd 2026');
    }
    expect(text(shadow(el).querySelector('h3'))).to.equal('Diweddariadau gan y cyngor');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await waitUntil(() => text(shadow(el).querySelector('.status .tag')) === 'In progress');
  });

  it('on a Welsh page, marks an update the council wrote only in English as English, for screen readers', async () => {
    const id = await report();
    await staffUpdate(id, 'investigating', 'An officer will look at it this week.', { description_cy: 'Bydd swyddog yn edrych arno yr wythnos hon.', updated_datetime: '2026-03-02T09:00:00Z' });
    await staffUpdate(id, 'fixed', 'The graffiti has been removed.', { updated_datetime: '2026-03-05T09:00:00Z' });
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker lang="cy" map-style="" endpoint=${api()} ref=${id}></civic-case-tracker>`);
    await shown(el);
    await waitUntil(() => timeline(el).length === 2 && text(shadow(el).querySelector('.status .tag')) === "Wedi'i drwsio", 'the Welsh timeline', { timeout: 5000 });
    const [fixed, investigating] = timeline(el).map((li) => li.querySelector('.text')!);
    expect(text(fixed)).to.equal('The graffiti has been removed.');
    expect(fixed!.getAttribute('lang')).to.equal('en');
    expect(text(investigating)).to.equal('Bydd swyddog yn edrych arno yr wythnos hon.');
    expect(investigating!.hasAttribute('lang')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows server text as text: an update with markup creates no element and runs nothing', async () => {
    const id = await report({ description: 'Wall <b>tagged</b>' });
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await staffUpdate(id, 'investigating', `Looking into it ${payload}`);
    const el = await trackerFor(id);
    const item = timeline(el)[0]!;
    expect(text(item.querySelector('.text'))).to.equal(`Looking into it ${payload}`);
    expect(item.querySelector('.text')!.children).to.have.length(0);
    expect(shadow(el).querySelectorAll('img, script, b')).to.have.length(0);
    expect(details(el)).to.include('Description: Wall <b>tagged</b>');
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__xss).to.equal(undefined);
  });

  it("shows the resident's and the council's photos with alt text, linked to the full size", async () => {
    const photo = await uploadPhoto();
    const id = await report({ media_url: photo });
    await staffUpdate(id, 'fixed', 'Cleaned: see the photo.', { media_url: photo, updated_datetime: '2026-04-01T08:00:00Z' });
    const el = await trackerFor(id);
    const img = timeline(el)[0]!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(photo);
    expect(img.alt).to.equal("Photo from the council's update of 1 April 2026");
    expect(img.closest('a')!.getAttribute('href')).to.equal(photo);
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the photo loads', { timeout: 5000 });
    const own = shadow(el).querySelector<HTMLImageElement>('.photo img')!;
    expect(own.alt).to.equal('Photo sent with the report');
    expect(own.getAttribute('src')).to.equal(photo);
    await expect(el).to.be.accessible();
  });

  it('says when there are no updates yet', async () => {
    const id = await report();
    const el = await trackerFor(id);
    expect(text(shadow(el).querySelector('.status'))).to.equal('Status: Received');
    expect(timeline(el)).to.have.length(0);
    expect(text(shadow(el))).to.contain('There are no updates yet.');
    await expect(el).to.be.accessible();
  });

  it('says what happens next while the report is open, and no longer once the council has acted on it', async () => {
    const id = await report();
    const el = await trackerFor(id);
    const next = () => shadow(el).querySelector('.inset');
    expect(text(next()?.querySelector('h3'))).to.equal('What happens next');
    const notice = text(next()?.querySelector('.notice'));
    expect(notice).not.to.equal('');
    await staffUpdate(id, 'fixed', 'The wall has been cleaned.');
    const loaded = oneEvent(el, 'civic-case-load');
    document.dispatchEvent(new Event('visibilitychange'));
    await loaded;
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.status'))).to.equal('Status: Fixed');
    // The notice from the day it was reported ("… will clean it within …") would now contradict the status.
    expect(next()).to.equal(null);
    expect(text(shadow(el))).not.to.contain(notice);
    await expect(el).to.be.accessible();
  });

  it('shows the new update when the resident comes back to the page', async () => {
    const id = await report();
    const el = await trackerFor(id);
    expect(timeline(el)).to.have.length(0);
    await staffUpdate(id, 'action_scheduled', 'Booked for Friday.');
    const loaded = oneEvent(el, 'civic-case-load');
    document.dispatchEvent(new Event('visibilitychange'));
    await loaded;
    await el.updateComplete;
    expect(timeline(el).map((li) => text(li.querySelector('.tag')))).to.deep.equal(['Action scheduled']);
    expect(text(shadow(el).querySelector('[role="status"][aria-live]'))).to.equal(
      "This report's status has changed to Action scheduled.",
    );
  });
});

describe('<civic-case-tracker> with a map', () => {
  // @web/test-runner cannot import `?url`/`?inline`: hand MapLibre's worker and CSS over as a bundler would.
  const maplibreDist = '/packages/location-picker/node_modules/maplibre-gl/dist';

  it('shows the place on a small read-only map when the council configured one', async () => {
    const mapAssets = { workerUrl: `${maplibreDist}/maplibre-gl-worker.mjs`, css: await (await fetch(`${maplibreDist}/maplibre-gl.css`)).text() };
    const id = await report();
    // Every test before this one showed cases without map-style: no map code was fetched.
    expect(customElements.get('civic-location-picker')).to.equal(undefined);
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker endpoint=${api()} ref=${id} map-style=${`${server()}/basemap/style.json`} .mapAssets=${mapAssets}></civic-case-tracker>`,
    );
    await shown(el);
    await waitUntil(() => shadow(el).querySelector('civic-location-picker'), 'the map is loaded on demand', { timeout: 10_000 });
    const picker = shadow(el).querySelector('civic-location-picker')!;
    expect(picker.readonly).to.equal(true);
    expect(picker.value).to.deep.include({ lat: 52.22, lng: -1.5, address: '1 High Street, Larkmead' });
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('input'), 'nothing to search or change').to.equal(null);
    await picker.mapReady;
    await expect(el).to.be.accessible();
  });

  it('takes the map from the endpoint\'s configuration document when the page sets no map-style', async () => {
    const mapAssets = { workerUrl: `${maplibreDist}/maplibre-gl-worker.mjs`, css: await (await fetch(`${maplibreDist}/maplibre-gl.css`)).text() };
    const id = await report();
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker endpoint=${api()} ref=${id} .mapAssets=${mapAssets}></civic-case-tracker>`);
    await shown(el);
    await waitUntil(() => shadow(el).querySelector('civic-location-picker'), 'no map from the configuration document', { timeout: 10_000 });
    const picker = shadow(el).querySelector('civic-location-picker')!;
    expect(picker.mapStyle).to.equal(`${server()}/basemap/style.json`);
    await picker.mapReady;
    await expect(el).to.be.accessible();
  });

  it('shows the address alone with map-style=""', async () => {
    const id = await report();
    const el = await trackerFor(id);
    expect(details(el)).to.include('Where: 1 High Street, Larkmead');
    expect(shadow(el).querySelector('civic-location-picker')).to.equal(null);
  });
});

describe('<civic-case-tracker> email updates', () => {
  it('asks the server to email the resident when the case changes', async () => {
    const id = await report();
    const el = await trackerFor(id);
    await waitUntil(() => shadow(el).querySelector('#email'), 'the email form appears', { timeout: 5000 });
    await lookupForm(el);
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Email me when this changes')!.focus();
    await sendKeys({ press: 'Enter' });
    const summary = shadow(el).querySelector<CivicErrorSummary>('#subscribe-summary')!;
    await waitUntil(() => summary.errors.length === 1);
    expect(summary.errors[0]!.message).to.equal('Enter your email address');
    await expect(el).to.be.accessible();

    const email = `follow-${id.toLowerCase()}@example.com`;
    shadow(el).querySelector<HTMLElement>('#email')!.focus();
    await sendKeys({ type: email });
    const subscribed = oneEvent(el, 'civic-case-subscribe');
    buttonNamed(el, 'Email me when this changes')!.click();
    expect((await subscribed).detail).to.deep.equal({ serviceRequestId: id });
    await el.updateComplete;
    expect(text(shadow(el).querySelector('#subscribe-heading'))).to.equal('Check your email');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('#subscribe-heading'));
    await expect(el).to.be.accessible();

    // The server sends mail after answering: look in its dev mailbox until it arrives.
    await waitUntil(
      async () => {
        const mail = (await (await fetch(`${server()}/dev/mailbox.json`)).json()) as { to: string; text: string }[];
        return mail.some((m) => m.to.includes(email) && m.text.includes(id));
      },
      'a confirmation email was sent',
      { timeout: 8000, interval: 250 },
    );
  });

  it('does not offer email updates on a closed case', async () => {
    const id = await report();
    await staffUpdate(id, 'not_councils_responsibility', 'This wall belongs to the railway.');
    const el = await trackerFor(id);
    expect(text(shadow(el).querySelector('.status'))).to.equal("Status: Not the council's responsibility");
    await new Promise((r) => setTimeout(r, 300));
    expect(shadow(el).querySelector('#email')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<civic-case-tracker> on a server without the extensions', () => {
  it('shows the status alone when the server has no updates endpoint', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker endpoint=${staticApi} ref="STATIC-42"></civic-case-tracker>`);
    const loaded = (await oneEvent(el, 'civic-case-load')) as CivicCaseLoadEvent;
    expect(loaded.detail.updates).to.equal(null);
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.status'))).to.equal('Status: In progress');
    expect(text(shadow(el))).to.contain('A crew has been sent to make the wall safe.');
    expect(text(shadow(el))).not.to.contain('Updates from the council');
    expect(details(el)).to.include('Expected by: 9 October 2026');
    expect(details(el)).to.include('Dealt with by: Westshire County Council');
    // Its media_url is a javascript: URL: never a link or an image.
    expect(shadow(el).querySelectorAll('img, a[href^="javascript"]')).to.have.length(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(shadow(el).querySelector('#email'), 'no subscriptions extension: no email form').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('pages and filters in the browser when the server ignores page_size and lat/long', async () => {
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker mode="list" endpoint=${staticApi} lat="52.2" long="-1.5" radius="200" page-size="2"></civic-case-tracker>`,
    );
    await waitUntil(() => shadow(el).querySelector('.results'), 'the list', { timeout: 5000 });
    const names = () => [...shadow(el).querySelectorAll('.results > li')].map((li) => text(li.querySelector('button')));
    expect(names()).to.deep.equal(['Dangerous wall, report STATIC-42', 'Blocked drain, report STATIC-41']);
    buttonNamed(el, 'Next page')!.click();
    await waitUntil(() => names().length === 1);
    // Far Away Farm is 15 km off: not "near here".
    expect(names()).to.deep.equal(['Dangerous wall, report STATIC-40']);
    expect(buttonNamed(el, 'Next page')).to.equal(undefined);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('h2'));
    await expect(el).to.be.accessible();
  });
});

describe('<civic-case-tracker mode="list">', () => {
  it('lists recent reports near a point, a page at a time, and opens one in place', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await report({ lat: String(corner.lat + i * 0.0001), long: String(corner.long), address_string: `${i + 1} Quarry Lane` }));
    }
    await staffUpdate(ids[0]!, 'action_scheduled', 'Booked for Monday.');
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker mode="list" map-style="" endpoint=${api()} lat=${corner.lat} long=${corner.long} radius="40" page-size="2"
        service-code="graffiti" heading="Recently reported near you"></civic-case-tracker>`,
    );
    await waitUntil(() => shadow(el).querySelector('.results'), 'the list', { timeout: 5000 });
    expect(heading(el)).to.equal('Recently reported near you');
    const refs = () => [...shadow(el).querySelectorAll('.results > li button')].map((b) => text(b).replace(/^.*report /, ''));
    expect(refs()).to.have.length(2);
    // Nearest first, with the extended status the server gives next to open/closed.
    expect(refs()[0]).to.equal(ids[0]);
    expect(text(shadow(el).querySelector('.results > li .tag'))).to.equal('Action scheduled');
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Next page')!.click();
    await waitUntil(() => refs().length === 1, 'the second page', { timeout: 5000 });
    const seen = refs();
    buttonNamed(el, 'Previous page')!.click();
    await waitUntil(() => refs().length === 2, 'the first page again', { timeout: 5000 });
    expect([...refs(), ...seen].sort()).to.deep.equal([...ids].sort());

    const select = oneEvent(el, 'civic-case-select');
    (shadow(el).querySelector('.results > li button') as HTMLButtonElement).click();
    const chosen = (await select).detail.serviceRequestId;
    await shown(el);
    await el.updateComplete;
    expect(heading(el)).to.equal(`Graffiti Report ${chosen}`);
    buttonNamed(el, 'Back to the list')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Recently reported near you');
  });

  it('links each report to the council page for it with case-url', async () => {
    const id = await report({ lat: String(corner.lat), long: String(corner.long + 0.003), address_string: 'Quarry End' });
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker mode="list" map-style="" endpoint=${api()} lat=${corner.lat} long=${corner.long + 0.003} radius="20" case-url="/track?ref={ref}"></civic-case-tracker>`,
    );
    await waitUntil(() => shadow(el).querySelector('.results a'), 'the list', { timeout: 5000 });
    expect(shadow(el).querySelector('.results a')!.getAttribute('href')).to.equal(`/track?ref=${id}`);
  });
});

describe('<civic-case-tracker> when things go wrong', () => {
  it('offers to try again when the server cannot be reached', async () => {
    const el = await fixture<CivicCaseTracker>(
      html`<civic-case-tracker endpoint="http://localhost:9/open311/v2" ref="LDC-1001"><p slot="contact">Call us on 01632 960000.</p></civic-case-tracker>`,
    );
    const failed = (await oneEvent(el, 'civic-error')) as CivicErrorEvent;
    expect(failed.detail.operation).to.equal('lookup');
    await el.updateComplete;
    expect(heading(el)).to.equal('Sorry, there is a problem with the service');
    expect(buttonNamed(el, 'Try again')).to.exist;
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="contact"]')!;
    expect(text(slot.assignedElements()[0])).to.equal('Call us on 01632 960000.');
    await expect(el).to.be.accessible();
  });

  it('says what a webmaster must fix when there is no endpoint', async () => {
    const el = await fixture<CivicCaseTracker>(html`<civic-case-tracker></civic-case-tracker>`);
    expect(text(shadow(el))).to.equal('Case tracking is not available on this page yet.');
    await expect(el).to.be.accessible();
  });
});
