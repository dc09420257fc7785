// A category with an asset layer (the demo's street lights): the configuration document gives
// the picker its layer, and the asset chosen on the map answers the category's asset question,
// shown on check answers.
import { expect, waitUntil } from '@open-wc/testing';
import './define.js';
import type { CivicReportForm } from './report-form.js';
import { onPage, pageText } from './testing/pages.js';
import { makeForm, seedDraft, server } from './testing/form.js';

describe('<civic-report-form> asset layers', function () {
  this.timeout(40_000);
  afterEach(() => sessionStorage.clear());

  it('hands the street lights layer to the picker; the chosen light fills asset_id and shows on check answers', async () => {
    seedDraft({ serviceCode: 'street_lights', attributes: { asset_id: '', fault: 'off' } }, 'where');
    const el = await makeForm({ 'map-style': '' });
    await onPage(el, 'Where is the problem?');
    const picker = () => el.shadowRoot!.querySelector<HTMLElement & { value: unknown }>('civic-location-picker')!;
    await waitUntil(() => picker().getAttribute('assets-src'), 'the asset layer from the configuration document');
    expect(picker().getAttribute('assets-src')).to.equal(`${server}/api/assets/street_lights.geojson`);
    expect(picker().getAttribute('asset-id-property')).to.equal('id');

    // What the picker says when the resident clicks a street light on the map.
    const light = { lat: 52.228154, lng: -1.514804, address: '1 High Street, Larkmead, LK1 1AA', area: null, assetId: 'LM-00042' };
    picker().dispatchEvent(new CustomEvent('civic-location-change', { detail: light, bubbles: true, composed: true }));
    await waitUntil(() => el['answers'].attributes.asset_id === 'LM-00042', 'the asset question answered');
    el['go']('check');
    await onPage(el, 'Check your answers');
    expect(pageText(el)).to.contain('What is the number on the lamp post? LM-00042');
    await expect(el).to.be.accessible();

    // Another place, with no light chosen: the map's answer goes with it.
    const elsewhere = { lat: 52.2282, lng: -1.5149, address: '2 High Street, Larkmead, LK1 1AA', area: null };
    el['go']('where');
    await onPage(el, 'Where is the problem?');
    picker().dispatchEvent(new CustomEvent('civic-location-change', { detail: elsewhere, bubbles: true, composed: true }));
    await waitUntil(() => el['answers'].attributes.asset_id === '', 'the asset answer cleared');
  });
});
