import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/index.ts';
import { call, ownCouncilJson, testDatabases, useTestServer } from './helpers.ts';

describe.each(testDatabases())('the widget configuration document on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string, headers?: Record<string, string>) => call(t.server.base, 'GET', path, { headers });

  it('is linked from discovery and tells widgets the demo council\'s map, boundary, parishes, address search, phone and tracker', async () => {
    const discovery = (await get('/open311/discovery.json')).body;
    const answer = await get(new URL(discovery.widget_config).pathname);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answer.body).toEqual({
      council: { name: 'Larkmead District Council', phone: '01632 960000', openingHours: 'Monday to Friday, 8am to 6pm' },
      languages: ['en', 'cy'],
      mapStyle: '/basemap/style.json',
      boundary: '/api/area',
      areas: '/api/parishes',
      geocoder: { kind: 'custom', url: '/api/addresses' },
      assetLayers: [
        { id: 'street_lights', name: 'Street lights', src: '/api/assets/street_lights.geojson', idProperty: 'id', services: ['street_lights'], attribute: 'asset_id' },
      ],
      trackerUrl: '/track-your-report.html?ref={id}',
      photosPerReport: 10,
      receipts: true,
    });
    // Each URL in it answers on this server.
    for (const path of [answer.body.mapStyle, answer.body.boundary, answer.body.areas, `${answer.body.geocoder.url}?q=high`]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('speaks Welsh when asked, by ?locale=cy or Accept-Language: the council\'s name, its hours and the asset layers\' names', async () => {
    const english = await get('/open311/v2/widget-config.json?locale=en');
    const welsh = await get('/open311/v2/widget-config.json?locale=cy');
    expect(english.headers.get('content-language')).toBe('en');
    expect(welsh.headers.get('content-language')).toBe('cy');
    expect(welsh.headers.get('vary')).toContain('Accept-Language');
    expect(welsh.body.council).toEqual({ name: 'Cyngor Dosbarth Larkmead', phone: '01632 960000', openingHours: 'Dydd Llun i ddydd Gwener, 8yb i 6yh' });
    expect(welsh.body.assetLayers.map((layer: { name: string }) => layer.name)).toEqual(['Goleuadau stryd']);
    // Only the texts differ: the addresses, the map and the numbers are the same in both.
    expect({ ...welsh.body, council: english.body.council, assetLayers: english.body.assetLayers }).toEqual(english.body);
    // A browser set to Welsh, with no locale in the address, gets Welsh too; the parameter wins.
    expect((await get('/open311/v2/widget-config.json', { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' })).body).toEqual(welsh.body);
    expect((await get('/open311/v2/widget-config.json?locale=en', { 'Accept-Language': 'cy' })).body).toEqual(english.body);
    expect((await get('/api/consultations/widget-config.json?locale=cy')).body).toEqual(welsh.body);
  });

  it('publishes the demo street lights as an asset layer: points with the id on their plate', async () => {
    const [layer] = (await get('/open311/v2/widget-config.json')).body.assetLayers;
    const lights = await get(layer.src);
    expect(lights.status).toBe(200);
    expect(lights.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const features = lights.body.features as { id: string; geometry: { type: string; coordinates: number[] }; properties: { id: string } }[];
    expect(features.length).toBeGreaterThan(1000);
    expect(features.every((f) => f.geometry.type === 'Point' && /^LM-\d{5}$/.test(f.properties.id))).toBe(true);
    // In the district (the demo's box around Larkmead).
    const [lng, lat] = features[0]!.geometry.coordinates;
    expect(lng).toBeGreaterThan(-1.85);
    expect(lng).toBeLessThan(-1.15);
    expect(lat).toBeGreaterThan(52.05);
    expect(lat).toBeLessThan(52.4);
  });

  it('is the same under the consultations endpoint, and readable from an allowed origin', async () => {
    const open311 = (await get('/open311/v2/widget-config.json')).body;
    const consultations = await get('/api/consultations/widget-config.json', { Origin: 'http://localhost:5173' });
    expect(consultations.body).toEqual(open311);
    expect(consultations.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe.each(testDatabases())('the widget configuration document of a server that sends no email (--no-email), on %s', (kind) => {
  const t = useTestServer(kind, { demo: false, email: false, publicUrl: 'https://report.larkmead.example.gov.uk', config: parseConfig(ownCouncilJson(), '(test config)') });

  it('tells the form no receipt goes to the resident, so it does not say one was sent', async () => {
    const answer = await call(t.server.base, 'GET', '/open311/v2/widget-config.json');
    expect(answer.status).toBe(200);
    expect(answer.body.receipts).toBe(false);
  });
});
