// Its own file, so its own page: this test changes the page's <html lang> while a form is on
// it, as a CMS language switcher does, and nothing else on the page should see that.
import { expect, fixture } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import type { Answers } from './flow.js';
import { emptyAnswers } from './flow.js';
import { onPage, pageText } from './testing/pages.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const server = window.CIVIC_TEST_SERVER;
const api = `${server}/open311/v2`;

/** The page a resident who left the form on question `page` comes back to (the form's draft). */
function seedDraft(answers: Partial<Answers>, page: string) {
  sessionStorage.setItem(
    `civic-widgets:draft:report:${api}:`,
    JSON.stringify({ v: 1, data: { answers: { ...emptyAnswers(), ...answers }, page, key: crypto.randomUUID(), returnToCheck: false } }),
  );
}

describe('<civic-report-form> and the page language', () => {
  it("follows the page's language without a reload: the categories and questions change too", async () => {
    seedDraft({ serviceCode: 'fly_tipping', attributes: { waste_types: ['bags'] } }, 'question:amount');
    const el = document.createElement('civic-report-form') as CivicReportForm;
    el.setAttribute('endpoint', api);
    el.setAttribute('phone', '01632 960000');
    await fixture(el);
    await onPage(el, 'How much is there?');
    expect(pageText(el)).to.contain('About a car boot load');
    try {
      // A CMS language switcher changes <html lang>.
      document.documentElement.lang = 'cy';
      await onPage(el, 'Faint sydd yno?');
      expect(pageText(el)).to.contain('Tua llond cist car');
      expect(pageText(el)).to.contain('Tipio anghyfreithlon');
      expect(el['answers'].attributes.waste_types).to.deep.equal(['bags']); // answers are kept by key
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'en';
    }
    await onPage(el, 'How much is there?');
    expect(pageText(el)).to.contain('Fly-tipping');
    await expect(el).to.be.accessible();
  });
});
