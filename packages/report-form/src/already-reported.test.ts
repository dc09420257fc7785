// "Already reported?": the open reports near the place with how far each is, handed to a map as
// pins (a pin chooses its report), and "follow this report" by email instead of a duplicate.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Open311Client } from '@civic-widgets/core';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { onPage, pageText } from './testing/pages.js';
import { api, choice, larkmead, makeForm, seedDraft, server, summary } from './testing/form.js';
import { chooseRadio, deepActive, pressContinue, tabTo, isInput } from './testing/keyboard.js';

describe('<civic-report-form> already reported', function () {
  this.timeout(60_000);
  afterEach(() => sessionStorage.clear());

  it('lists nearby reports with distances and as pins on the map; choosing one offers to follow it by email', async () => {
    const words = `Sofa on the verge ${crypto.randomUUID()}`;
    const client = new Open311Client({ endpoint: api });
    const report = (lat: number, description: string) =>
      client.createRequest({ serviceCode: 'fly_tipping', lat, long: larkmead.lng, addressString: `${description} place`, description, attributes: { waste_types: ['furniture'], amount: 'single' } });
    // One about 40 metres north of the place, one at it.
    const north = await report(larkmead.lat + 40 / 111_195, words);
    const here = await report(larkmead.lat, `${words} (here)`);
    seedDraft({ serviceCode: 'fly_tipping', attributes: { waste_types: ['furniture'], amount: 'single' }, place: larkmead }, 'where');
    const el: CivicReportForm = await makeForm({ 'map-style': `${server}/basemap/style.json` });
    await onPage(el, 'Where is the problem?');
    await pressContinue();
    await onPage(el, 'Has someone already reported it?');
    await waitUntil(() => pageText(el).includes(`${words} (here)`), 'the nearby reports');
    expect(pageText(el)).to.contain(`${words} place About 40 metres from the place you chose`);
    expect(pageText(el)).to.contain(`${words} (here) place Less than 10 metres from the place you chose`);

    // The same reports are pins on a map, around the place chosen.
    const map = el.shadowRoot!.querySelector<HTMLElement & { reports: { service_request_id: string }[]; value: { lat: number } }>('civic-location-picker.nearby-map')!;
    expect(map.reports.map((r) => r.service_request_id)).to.include.members([north.serviceRequestId, here.serviceRequestId]);
    expect(map.value.lat).to.equal(larkmead.lat);
    await expect(el).to.be.accessible();

    // A pin chosen on the map chooses its report's radio.
    map.dispatchEvent(new CustomEvent('civic-report-select', { detail: { serviceRequestId: north.serviceRequestId }, bubbles: true, composed: true }));
    await waitUntil(() => choice(el, `${words} place`).checked, 'the pin chose its report');
    await chooseRadio(`${words} (here) place`);
    await pressContinue();
    await onPage(el, 'This problem has already been reported');
    expect(pageText(el)).to.contain(here.serviceRequestId!);
    expect(pageText(el)).to.contain('Follow this report');
    await expect(el).to.be.accessible();

    // Follow it, by keyboard: an empty address is refused in words, then a real one is taken.
    await tabTo((a) => a.localName === 'button' && a.textContent!.includes('Email me when this changes'), 'the follow button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pageText(el).includes('Enter your email address'), 'the error on the field');
    await tabTo(isInput('Email address'), 'the email field');
    await sendKeys({ type: 'follower@example.org' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pageText(el).includes('Check your email'), 'the follow confirmed');
    expect(deepActive()?.textContent).to.contain('Check your email');
    expect(summary(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
