// @vitest-environment jsdom
// mySociety's automated attributes as open311-adapter serves them (test-fixtures/open311/adapter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Client } from '@civic-widgets/core';
import { startOpen311FixtureServer } from '../../../scripts/lib/open311-fixture-server.mjs';
import { hiddenAnswers } from './hidden-fields.js';
import { emptyAnswers, informationFor, pagesFor } from './flow.js';
import { toRequest } from './request.js';

let server: Awaited<ReturnType<typeof startOpen311FixtureServer>>;
beforeAll(async () => {
  server = await startOpen311FixtureServer();
});
afterAll(() => server.stop());
const definition = async (code: string) =>
  (await new Open311Client({ endpoint: `${server.url}/adapter`, format: 'xml' }).serviceDefinition(code)).attributes;
// Bromley (t/cobrand/bromley.t in FixMyStreet): easting 540315, northing 168935.
const bromley = { lat: 51.402096, lng: 0.015784, address: 'Bromley' };

describe('automated attributes (open311-adapter, Confirm)', () => {
  it('asks none of them and shows none as information', async () => {
    const attributes = await definition('ABC_DEF');
    const state = { preselected: false, attributes, answers: emptyAnswers(), nearby: [], photos: true };
    expect(pagesFor(state).filter((p) => p.startsWith('question:'))).toEqual([]);
    expect(informationFor('description', attributes, {})).toEqual([]);
  });

  it('fills hidden easting/northing from the point and an asset id from the asset; leaves server_set alone', async () => {
    const ghi = await definition('ABC_GHI');
    expect(hiddenAnswers(ghi, { ...bromley, assetId: 'LAMP-42' })).toEqual({ easting: '540315', northing: '168935', central_asset_id: 'LAMP-42' });
    // ABC_DEF's easting and northing are server_set: the server fills them.
    expect(hiddenAnswers(await definition('ABC_DEF'), bromley)).toEqual({});
    const request = toRequest(
      { preselected: false, attributes: ghi, answers: { ...emptyAnswers(), serviceCode: 'ABC_GHI', place: bromley }, nearby: [], photos: false },
      'More photos:',
    );
    expect(request.attributes).toEqual({ easting: '540315', northing: '168935' });
  });
});
