import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import { CivicElement, defineElement } from './civic-element.js';
import { CivicErrorEvent } from './events/error.js';
import { currentLocale, useLocale } from './i18n/localization.js';
import type { CivicTextInput } from './form/text-input.js';

const labelText = (el: CivicTextInput) => el.shadowRoot!.querySelector('label')!.textContent!.replace(/\s+/g, ' ').trim();

async function untilLocale(locale: string) {
  for (let i = 0; i < 50 && currentLocale() !== locale; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('CivicElement', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await useLocale('en');
  });

  it('speaks Welsh when its own lang (or an ancestor\'s) says so', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy-GB"><civic-text-input label="Enw"></civic-text-input></div>`);
    const field = wrapper.querySelector('civic-text-input')!;
    expect(field.locale).to.equal('cy');
    await untilLocale('cy');
    await field.updateComplete;
    expect(labelText(field)).to.equal('Enw (dewisol)');
    await expect(wrapper).to.be.accessible();
  });

  it('follows the page when a CMS language switcher changes <html lang>', async () => {
    const field = await fixture<CivicTextInput>(html`<civic-text-input label="Name"></civic-text-input>`);
    expect(labelText(field)).to.equal('Name (optional)');
    document.documentElement.lang = 'cy';
    await untilLocale('cy');
    await field.updateComplete;
    expect(labelText(field)).to.equal('Name (dewisol)');
    document.documentElement.lang = 'en';
    await untilLocale('en');
    await field.updateComplete;
    expect(labelText(field)).to.equal('Name (optional)');
  });

  it('sends civic-* events that leave the shadow root', async () => {
    class EmitterElement extends CivicElement {}
    defineElement('test-emitter', EmitterElement);
    const outer = await fixture<HTMLDivElement>(html`<div><test-emitter></test-emitter></div>`);
    const emitter = outer.querySelector('test-emitter') as EmitterElement;
    setTimeout(() => emitter.emit(new CivicErrorEvent({ operation: 'submit', message: 'Network down' })));
    const event = await oneEvent(outer, 'civic-error');
    expect(event.detail.operation).to.equal('submit');
    expect(event.composed).to.equal(true);
  });

  it('tolerates a tag being defined twice (two copies of a script on one page)', () => {
    class First extends CivicElement {}
    class Second extends CivicElement {}
    defineElement('test-twice', First);
    expect(() => defineElement('test-twice', First)).not.to.throw();
    expect(() => defineElement('test-twice', Second)).not.to.throw();
    expect(customElements.get('test-twice')).to.equal(First);
  });
});
