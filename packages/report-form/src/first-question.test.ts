// <civic-report-form> with `service-code` (a page only about potholes): its first question comes
// from one answer where the server can give it — the category list with the category's questions
// in it (the reference server's `?definitions=` extension) — and still comes on servers without
// that extension (payloads captured from real Open311 servers, scripts/lib/open311-fixture-server.mjs).
import { expect, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { onPage, pageText } from './testing/pages.js';
import { chooseRadio, labelOf, pressContinue } from './testing/keyboard.js';
import { api, fetched, makeForm } from './testing/report-page.js';

declare global {
  interface Window {
    CIVIC_FIXTURE_SERVER: string;
  }
}

const radios = (el: CivicReportForm) =>
  [...el.shadowRoot!.querySelectorAll('[data-field]')].flatMap((f) => [...(f.shadowRoot ?? f).querySelectorAll<HTMLInputElement>('input[type=radio]')].map(labelOf));

/**
 * Runs `body` with the browser's real fetch watched: every URL asked for is recorded, and the
 * answer to a URL matching `held` is kept back until `body` has finished. A form that needed that
 * answer for its first question would then never show it.
 */
async function holdingBack(held: RegExp, body: (asked: string[]) => Promise<void>) {
  const asked: string[] = [];
  const realFetch = window.fetch;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const answer = realFetch(input, init);
    return held.test(new URL(url).pathname) ? released.then(() => answer) : answer;
  };
  try {
    await body(asked);
  } finally {
    window.fetch = realFetch;
    release();
  }
}

/** The line docs/integrators.md gives a page, for the category list at `href`. */
function preloadLink(href: string): HTMLLinkElement {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
  document.head.append(link);
  return link;
}

beforeEach(() => sessionStorage.clear());

describe('<civic-report-form> with service-code: the first question from one answer', function () {
  this.timeout(40_000);

  // First in this file: the later pages' code must not have been loaded by an earlier test.
  it('draws its first question without waiting for the later pages, and fetches them once it has', async () => {
    const laterPages = /\/pages\/flow-pages\.[jt]s/;
    expect(fetched(laterPages), 'the later pages were loaded before this test').to.deep.equal([]);
    const el = await makeForm(api, { 'service-code': 'potholes' });
    await onPage(el, 'How deep is it?');
    expect(radios(el)).to.include.members(['4cm to 10cm']);
    await expect(el).to.be.accessible();
    // The question needed only the category list (and core's fields): the later pages were asked
    // for after the list had come, where before they were fetched alongside it.
    const [list] = fetched(/\/services\.json\?definitions=potholes/);
    await waitUntil(() => fetched(laterPages).length > 0, 'the later pages are fetched once the first question is drawn');
    expect(fetched(laterPages)[0]!.startTime).to.be.greaterThan(list!.responseEnd);
    // And the resident goes on, by keyboard.
    await chooseRadio('4cm to 10cm');
    await pressContinue();
    await onPage(el, 'Where on the road is it?');
  });

  it('on the reference server, asks its first question from the category list alone', async () => {
    await holdingBack(/\/services\/potholes\.json$/, async (asked) => {
      const el = await makeForm(api, { 'service-code': 'potholes' });
      await onPage(el, 'How deep is it?');
      expect(radios(el)).to.include.members(['Less than 4cm (about the depth of a matchbox)', '4cm to 10cm', 'More than 10cm']);
      expect(pageText(el)).to.contain('Your best guess is fine.');
      await expect(el).to.be.accessible();
      // The list was asked for with the category's questions in it, in the page's language: the
      // URL a page can preload (docs/integrators.md).
      expect(asked).to.include(`${api}/services.json?definitions=potholes&locale=en`);
    });
  });

  it('on a Welsh page, asks the first question in Welsh from the list asked for with locale=cy', async () => {
    document.documentElement.lang = 'cy';
    try {
      await holdingBack(/\/services\/potholes\.json$/, async (asked) => {
        const el = await makeForm(api, { 'service-code': 'potholes' });
        await onPage(el, "Pa mor ddwfn yw'r twll?");
        expect(pageText(el)).to.contain('Mae eich amcangyfrif gorau yn iawn.');
        expect(pageText(el)).not.to.contain('How deep is it?');
        await expect(el).to.be.accessible();
        expect(asked).to.include(`${api}/services.json?definitions=potholes&locale=cy`);
      });
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('on a page that preloads the list, takes the questions from it and never asks for them on their own', async () => {
    const link = preloadLink(`${api}/services.json?definitions=potholes&locale=en`);
    try {
      await holdingBack(/^$/, async (asked) => {
        const el = await makeForm(api, { 'service-code': 'potholes' });
        await onPage(el, 'How deep is it?');
        expect(radios(el)).to.include.members(['4cm to 10cm']);
        await expect(el).to.be.accessible();
        expect(asked).to.include(`${api}/services.json?definitions=potholes&locale=en`);
        expect(asked.filter((url) => /\/services\/potholes\.json/.test(url)), 'the questions asked for on their own').to.deep.equal([]);
      });
    } finally {
      link.remove();
    }
  });

  it('on a page that preloads the list from a server without the extension, asks for the questions once the list comes without them', async () => {
    const fixtures = window.CIVIC_FIXTURE_SERVER;
    await fetch(`${fixtures}/_reset`);
    const link = preloadLink(`${fixtures}/spec-json/services.json?definitions=001&locale=en`);
    try {
      const el = await makeForm(`${fixtures}/spec-json`, { 'service-code': '001' });
      await onPage(el, 'What is the ticket/tag/DL number?');
      await expect(el).to.be.accessible();
      const calls: { path: string }[] = await (await fetch(`${fixtures}/_log?profile=spec-json`)).json();
      expect(calls.map((c) => c.path)).to.include('services/001.json');
    } finally {
      link.remove();
    }
  });

  for (const profile of ['spec-json', 'spec-xml']) {
    it(`on a server without the extension (${profile}), asks the first question from the category's own definition`, async () => {
      const fixtures = window.CIVIC_FIXTURE_SERVER;
      await fetch(`${fixtures}/_reset`);
      const el = await makeForm(`${fixtures}/${profile}`, { 'service-code': '001' });
      await onPage(el, 'What is the ticket/tag/DL number?');
      await expect(el).to.be.accessible();
      // It ignored `definitions` and answered the plain list; the form asked for 001 on its own.
      const calls: { path: string; query: Record<string, string> }[] = await (await fetch(`${fixtures}/_log?profile=${profile}`)).json();
      const paths = calls.map((c) => c.path);
      expect(paths.some((p) => /^services\.(json|xml)$/.test(p))).to.equal(true);
      expect(paths.some((p) => /^services\/001\.(json|xml)$/.test(p))).to.equal(true);
    });
  }
});

describe('<civic-report-form> without service-code: the category list from a URL a page can preload', function () {
  this.timeout(40_000);

  for (const lang of ['en', 'cy']) {
    it(`asks for the list with the page's language in the URL (${lang}), as the demo's preload line does`, async () => {
      document.documentElement.lang = lang;
      try {
        // Nothing held back: only what is asked for is recorded.
        await holdingBack(/^$/, async (asked) => {
          const el = await makeForm(api);
          await onPage(el, lang === 'cy' ? 'Beth ydych chi am ei roi gwybod amdano?' : 'What do you want to report?');
          await expect(el).to.be.accessible();
          expect(asked).to.include(`${api}/services.json?locale=${lang}`);
        });
      } finally {
        document.documentElement.lang = 'en';
      }
    });
  }
});
