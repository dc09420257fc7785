// WCAG 1.4.10 (reflow): in a box 320 CSS px wide no part of the consultation reaches past the
// edge — its results with every table open, a long email address on the saved page, and a long
// one in the webmaster's fallback. examples/e2e/narrow.e2e.ts walks the same on the demo.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { partsPastEdge, until } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicConsultation } from './consultation.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const api = `${window.CIVIC_TEST_SERVER}/api/consultations`;
const root = (el: CivicConsultation) => el.shadowRoot!;
const heading = (el: CivicConsultation) => root(el).querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: CivicConsultation, name: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

const atHeading = (el: CivicConsultation, text: string) => until(() => heading(el) === text && el, `the page "${text}"`);

/** A closed consultation's results in a box `width` wide, every "Show these figures as a table" open. */
async function resultsOpen(width: string) {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${width}">
    <civic-consultation endpoint=${api} consultation="library-hours-2026" lang="en"></civic-consultation>
  </div>`);
  const el = box.querySelector<CivicConsultation>('civic-consultation')!;
  await until(() => root(el).querySelector('table'), 'the results');
  root(el).querySelectorAll('details').forEach((d) => (d.open = true));
  await el.updateComplete;
  return { box, el };
}

describe('<civic-consultation> at 320 CSS px', function () {
  // Real Chromium against a real server on a shared machine: generous, never a speed assertion.
  this.timeout(90_000);
  afterEach(() => {
    fixtureCleanup();
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('civic-widgets:draft:')) sessionStorage.removeItem(key);
    history.replaceState(null, '', location.pathname);
  });

  it('fits its results, tables open, into 320 CSS px: each table wider than that scrolls in a labelled box of its own (WCAG 1.4.10)', async () => {
    const { box, el } = await resultsOpen('320px');
    expect(partsPastEdge(box)).to.deep.equal([]);
    const tables = [...root(el).querySelectorAll('table')];
    expect(tables.length).to.be.greaterThan(1);
    // The box around a table wider than 320 px is a region named by the table's caption,
    // reachable by Tab to scroll it; a table that fits stays out of the way (scroll-region.ts).
    const scrolls = (table: HTMLTableElement) => table.parentElement!.scrollWidth > table.parentElement!.clientWidth;
    expect(tables.filter(scrolls).length, 'tables wider than 320 px').to.be.greaterThan(0);
    await until(() => tables.every((t) => t.parentElement!.hasAttribute('tabindex') === scrolls(t)), 'the table boxes to be measured');
    for (const table of tables) {
      const region = table.parentElement!;
      if (!scrolls(table)) {
        expect(region.hasAttribute('role')).to.equal(false);
        continue;
      }
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect(root(el).getElementById(region.getAttribute('aria-labelledby')!)).to.equal(table.querySelector('caption'));
    }
    await expect(el).to.be.accessible();
  });

  it('keeps a table that fits out of the Tab order, and puts it in when the page narrows until it scrolls', async () => {
    const { box, el } = await resultsOpen('900px');
    const regions = () => [...root(el).querySelectorAll('table')].map((t) => t.parentElement!);
    // Let the boxes be measured once opened: nothing becomes a stop where nothing scrolls.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const region of regions()) {
      expect(region.hasAttribute('tabindex'), 'a table that fits is not a Tab stop').to.equal(false);
      expect(region.hasAttribute('role'), 'nor a landmark').to.equal(false);
    }
    await expect(el).to.be.accessible();

    box.style.width = '320px';
    const wide = () => regions().filter((r) => r.scrollWidth > r.clientWidth);
    await until(() => wide().length > 0 && wide().every((r) => r.getAttribute('tabindex') === '0'), 'the narrowed tables to be Tab stops');
    const first = wide()[0]!;
    expect(first.getAttribute('role')).to.equal('region');
    expect(root(el).getElementById(first.getAttribute('aria-labelledby')!)).to.equal(first.querySelector('caption'));
    await expect(el).to.be.accessible();
  });

  it('wraps a long email address at 320 CSS px: on the saved page, and in the webmaster’s fallback when it cannot load (WCAG 1.4.10)', async () => {
    const long = 'a.resident.with.a.rather.long.name@larkmead-district-council-residents.example.org';
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <civic-consultation endpoint=${api} consultation="town-centre-2026" lang="en"></civic-consultation>
    </div>`);
    const el = box.querySelector<CivicConsultation>('civic-consultation')!;
    (await until(() => root(el).querySelector<HTMLButtonElement>('.button--start'), 'the overview')).click();
    await atHeading(el, 'You and the town centre');
    button(el, 'Save and come back later').click();
    await atHeading(el, 'Your answers have been saved');
    const email = root(el).querySelector<HTMLElement & { value: string }>('[data-email]')!;
    email.value = long;
    button(el, 'Send me the code').click();
    await until(() => root(el).querySelector('[data-emailed]'), 'the code to be emailed');
    expect(partsPastEdge(box)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    fixtureCleanup();
    const offline = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <civic-consultation endpoint="http://localhost:9/api/consultations" consultation="town-centre-2026"
        ><p slot="fallback">Email <a href="mailto:customer.services@larkmead-district-council.example.gov.uk">customer.services@larkmead-district-council.example.gov.uk</a></p></civic-consultation
      >
    </div>`);
    const failed = offline.querySelector<CivicConsultation>('civic-consultation')!;
    await until(() => root(failed).querySelector('[role=alert]'), 'the error message');
    expect(partsPastEdge(offline)).to.deep.equal([]);
  });
});
