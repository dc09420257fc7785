import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicTextInput } from './form/text-input.js';
import { useLocale } from './i18n/localization.js';

/*
 * Two widgets in different languages on one page (a Welsh page quoting an English form, or the
 * other way round): each speaks its own `lang`, whichever was connected last, and the messages
 * made when the resident acts on one (its validation) are in that one's language.
 */
const shadowText = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const field = (root: Element, lang: string) => root.querySelector<CivicTextInput>(`form[lang="${lang}"] civic-text-input`)!;

describe('two languages on one page', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await useLocale('en');
  });

  for (const order of [['cy', 'en'], ['en', 'cy']]) {
    it(`gives each widget its own language (${order.join(' then ')})`, async () => {
      const label = { en: 'Name', cy: 'Enw' } as Record<string, string>;
      const page = await fixture<HTMLDivElement>(html`<div>
        ${order.map((lang) => html`<form lang=${lang}><civic-text-input label=${label[lang]!}></civic-text-input></form>`)}
      </div>`);
      const [welsh, english] = [field(page, 'cy'), field(page, 'en')];
      await waitUntil(() => shadowText(welsh, 'label') === 'Enw (dewisol)', 'the Welsh field in Welsh', { timeout: 5000 });
      await english.updateComplete;
      expect(shadowText(english, 'label')).to.equal('Name (optional)');
      await expect(page).to.be.accessible();
    });
  }

  it('shows each widget’s error in its own language, when the check runs from a click in it', async () => {
    document.documentElement.lang = 'cy';
    const page = await fixture<HTMLDivElement>(html`<div>
      <form lang="cy"><civic-text-input required label="Enw"></civic-text-input><button type="button">Parhau</button></form>
      <form lang="en"><civic-text-input required label="Name"></civic-text-input><button type="button">Continue</button></form>
    </div>`);
    for (const form of page.querySelectorAll('form')) {
      const input = form.querySelector<CivicTextInput>('civic-text-input')!;
      form.querySelector('button')!.addEventListener('click', () => input.reportValidity());
      form.querySelector('button')!.click();
    }
    const [welsh, english] = [field(page, 'cy'), field(page, 'en')];
    await waitUntil(() => shadowText(welsh, '.error-message') === 'Gwall: Rhowch ateb', 'the Welsh error', { timeout: 5000 });
    await english.updateComplete;
    expect(shadowText(english, '.error-message')).to.equal('Error: Enter an answer');
    // What the browser reports for the field (its validationMessage) is in the field's language too.
    expect(welsh.validationMessage).to.equal('Rhowch ateb');
    expect(english.validationMessage).to.equal('Enter an answer');
    await expect(page).to.be.accessible();
  });
});
