// The draft in real Chromium (real sessionStorage): what a resident typed survives a reload, and a
// form taken off the page stops writing it.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { DraftController, DraftStore } from './draft-store.js';

const key = 'test:draft-store';
/** Every timer set before this one (the debounced save, delayMs 1) has run. */
const timersRun = () => new Promise((resolve) => setTimeout(resolve, 20));

class DraftHost extends LitElement {
  @property() text = '';
  readonly draft = new DraftController<{ text: string }>(this, { key: () => key, snapshot: () => ({ text: this.text }), delayMs: 1 });
  override render() {
    return html`${this.text}`;
  }
}
customElements.define('draft-store-test-host', DraftHost);

describe('DraftController', () => {
  beforeEach(() => sessionStorage.clear());

  it('saves what was typed after an update, and on removal', async () => {
    const el = await fixture<DraftHost>(html`<draft-store-test-host></draft-store-test-host>`);
    el.text = 'A pothole outside number 5';
    await el.updateComplete;
    await timersRun();
    expect(new DraftStore<{ text: string }>(key).load()).to.deep.equal({ text: 'A pothole outside number 5' });
    el.text = 'A deep pothole';
    el.remove();
    expect(new DraftStore<{ text: string }>(key).load()).to.deep.equal({ text: 'A deep pothole' });
  });

  it('a form taken off the page no longer writes over the draft of the form that replaced it', async () => {
    // A single-page app swaps one form for another with the same key; the old one still has a
    // load finishing (an update after removal). The new form's draft must survive it.
    const old = await fixture<DraftHost>(html`<draft-store-test-host></draft-store-test-host>`);
    old.text = 'the old form';
    await old.updateComplete;
    old.remove();
    new DraftStore<{ text: string }>(key).save({ text: 'the new form' });
    old.text = 'the old form, updated after its removal';
    await old.updateComplete;
    await timersRun();
    expect(new DraftStore<{ text: string }>(key).load()).to.deep.equal({ text: 'the new form' });
  });
});
