// Its own file, so its own page: whether the location picker is defined says whether this
// element loaded it, and nothing else did.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '@civic-widgets/core/testing';
import './define.js';
import type { CivicConsultation } from './consultation.js';

declare global {
  interface Window {
    CIVIC_TEST_SERVER: string;
  }
}

const server = window.CIVIC_TEST_SERVER;
const api = `${server}/api/consultations`;

const heading = (el: CivicConsultation) => el.shadowRoot!.querySelector('h1')?.textContent?.trim() ?? '';

describe('<civic-consultation> "pin a place" questions', function () {
  this.timeout(60_000);
  before(async function () {
    this.timeout(60_000);
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${api}/town-centre-2026`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  it('loads the location picker only for a page that asks for a place, and a chosen place reveals the follow-up', async function () {
    this.timeout(60_000);
    const el = await fixture<CivicConsultation>(html`<civic-consultation
      endpoint=${api}
      consultation="town-centre-2026"
      geocoder-url=${`${server}/api/addresses`}
    ></civic-consultation>`);
    await until(() => el.shadowRoot!.querySelector('.button--start'), 'the overview');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.button--start')!.click();
    await until(() => heading(el) === 'You and the town centre', 'page 1');
    expect(customElements.get('civic-location-picker'), 'no picker before it is needed').to.equal(undefined);

    const radios = el.shadowRoot!.querySelectorAll('civic-radios');
    radios[0]!.shadowRoot!.querySelector<HTMLInputElement>('input[value="daily"]')!.click();
    radios[1]!.shadowRoot!.querySelector<HTMLInputElement>('input[value="no"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('form.questions button[type=submit]')!.click();
    await until(() => heading(el) === 'The proposals', 'page 2');

    const picker = await until(() => el.shadowRoot!.querySelector('civic-location-picker'), 'the picker');
    expect(customElements.get('civic-location-picker')).to.exist;
    expect(el.shadowRoot!.querySelector('[data-q="unsafe-why"]'), 'the follow-up waits for a place').to.equal(null);

    // Choose a place by address search, with the keyboard.
    const input = await until(() => picker.shadowRoot?.querySelector<HTMLInputElement>('input[role="combobox"]'), 'the search box');
    input.focus();
    await sendKeys({ type: 'High Street' });
    await until(() => picker.shadowRoot!.querySelector('[role="option"]'), 'suggestions');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });

    // "What makes that place feel unsafe?" is shown once a place is chosen.
    await until(() => el.shadowRoot!.querySelector('[data-q="unsafe-why"]'), 'the follow-up question');
    await expect(el).to.be.accessible();
  });
});
