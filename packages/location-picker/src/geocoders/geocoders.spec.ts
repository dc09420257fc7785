// Each adapter against its service's recorded responses, over real HTTP from a node:http server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeocoder, customGeocoder, GeocoderError, nominatimGeocoder, osPlacesGeocoder, postcodesIoGeocoder } from './index.js';
import { titleCase } from './os-places.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

type Reply = [status: number, body: string];
let server: Server;
let base: string;
let routes: Map<string, (query: URLSearchParams) => Reply>;
let hits: URL[];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url);
    const handler = routes.get(url.pathname);
    const [status, body] = handler ? handler(url.searchParams) : [404, '{"status":404,"error":"Resource not found"}'];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  routes = new Map();
  hits = [];
});

describe('postcodes.io', () => {
  it('finds a postcode and labels it with ward and district', async () => {
    routes.set('/postcodes', (q) => [200, fixture(q.get('q') === 'BR87RE' ? 'postcodes-io-query.json' : 'postcodes-io-query-empty.json')]);
    const results = await postcodesIoGeocoder(base).search('BR87RE');
    expect(results).toEqual([{ id: 'BR8 7RE', label: 'BR8 7RE, Hextable, Sevenoaks', lat: 51.411831, lng: 0.178871 }]);
    expect(hits[0].searchParams.get('limit')).toBe('10');
  });

  it('reads `result: null` as no match', async () => {
    routes.set('/postcodes', () => [200, fixture('postcodes-io-query-empty.json')]);
    expect(await postcodesIoGeocoder(base).search('ZZ99')).toEqual([]);
  });

  it('reverse-geocodes to the nearest postcode, sending lon and lat', async () => {
    routes.set('/postcodes', () => [200, fixture('postcodes-io-reverse.json')]);
    const result = await postcodesIoGeocoder(base).reverse(51.507, 0.127);
    expect(result?.label).toBe('SE28 8NH, Thamesmead East, Bexley');
    expect(hits[0].searchParams.get('lon')).toBe('0.127');
    expect(hits[0].searchParams.get('lat')).toBe('51.507');
  });
});

describe('Nominatim', () => {
  it('reads string coordinates and display names, preferring the council area by viewbox', async () => {
    routes.set('/search', () => [200, fixture('nominatim-search.json')]);
    const results = await nominatimGeocoder(base).search('London', { bounds: [-1.7, 52.1, -1.3, 52.3] });
    expect(results[0]).toEqual({
      id: 'node/107775',
      label: 'London, Greater London, England, SW1A 2DU, United Kingdom',
      lat: 51.5073219,
      lng: -0.1276474,
    });
    expect(results).toHaveLength(2);
    expect(hits[0].searchParams.get('format')).toBe('jsonv2');
    expect(hits[0].searchParams.get('viewbox')).toBe('-1.7,52.1,-1.3,52.3');
    expect(hits[0].searchParams.get('countrycodes')).toBe('gb');
  });

  it('reverse: a place, or null for "Unable to geocode"', async () => {
    routes.set('/reverse', (q) => [200, fixture(q.get('lat') === '0' ? 'nominatim-reverse-none.json' : 'nominatim-reverse.json')]);
    const geocoder = nominatimGeocoder(base);
    expect((await geocoder.reverse(51.5073, -0.1276))?.lat).toBe(51.5073219);
    expect(await geocoder.reverse(0, 0)).toBeNull();
  });
});

describe('OS Places', () => {
  it('finds addresses with the key and WGS84 output, in title case', async () => {
    routes.set('/find', () => [200, fixture('os-places-find.json')]);
    const results = await osPlacesGeocoder('k3y', base).search('221b baker street');
    expect(results[0]).toEqual({
      id: '100023071949',
      uprn: '100023071949',
      label: 'Sherlock Holmes Museum, 221b, Baker Street, London, NW1 6XE',
      lat: 51.5237733,
      lng: -0.1585626,
    });
    expect(results[1].label).toBe('Flat A, 221, Baker Street, London, NW1 6XE');
    expect(hits[0].searchParams.get('key')).toBe('k3y');
    expect(hits[0].searchParams.get('output_srs')).toBe('WGS84');
  });

  it('uses the postcode endpoint for a full postcode', async () => {
    routes.set('/postcode', () => [200, fixture('os-places-postcode.json')]);
    const results = await osPlacesGeocoder('k3y', base).search('nw1 6xe');
    expect(results.map((r) => r.uprn)).toEqual(['100023071949']);
    expect(hits[0].pathname).toBe('/postcode');
  });

  it('reverse-geocodes with the nearest endpoint', async () => {
    routes.set('/nearest', () => [200, fixture('os-places-nearest.json')]);
    const result = await osPlacesGeocoder('k3y', base).reverse(51.52377, -0.15856);
    expect(result?.uprn).toBe('100023071949');
    expect(hits[0].searchParams.get('point')).toBe('51.52377,-0.15856');
    expect(hits[0].searchParams.get('srs')).toBe('WGS84');
  });

  it('throws a GeocoderError with the status for a bad key', async () => {
    routes.set('/find', () => [401, fixture('os-places-error.json')]);
    await expect(osPlacesGeocoder('bad', base).search('high street')).rejects.toMatchObject({
      name: 'GeocoderError',
      status: 401,
    });
  });

  it('keeps postcodes upper case and capitalises after hyphens and apostrophes', () => {
    expect(titleCase("ST. MARY'S COTTAGE, O'BRIEN WAY, STRATFORD-UPON-AVON, CV37 6AA")).toBe(
      "St. Mary's Cottage, O'Brien Way, Stratford-Upon-Avon, CV37 6AA",
    );
  });
});

describe('custom gazetteer (docs/gazetteer.md)', () => {
  const collection = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: '900000100012',
        geometry: { type: 'Point', coordinates: [-1.50512, 52.22817] },
        properties: { label: '12 High Street, Larkmead, LK1 2AB', uprn: '900000100012', distance: 4 },
      },
    ],
  });

  it('adds q and limit to a base URL and reverse goes to <base>/reverse', async () => {
    routes.set('/api/addresses', () => [200, collection]);
    routes.set('/api/addresses/reverse', () => [200, collection]);
    const geocoder = customGeocoder(`${base}/api/addresses`);
    const [first] = await geocoder.search('12 high st', { limit: 5 });
    expect(first).toEqual({ id: '900000100012', uprn: '900000100012', label: '12 High Street, Larkmead, LK1 2AB', lat: 52.22817, lng: -1.50512 });
    expect(hits[0].searchParams.get('q')).toBe('12 high st');
    expect(hits[0].searchParams.get('limit')).toBe('5');
    expect((await geocoder.reverse(52.228, -1.505))?.label).toBe('12 High Street, Larkmead, LK1 2AB');
    expect(hits[1].searchParams.get('lng')).toBe('-1.505');
  });

  it('fills {query} and {lat}/{lng} templates', async () => {
    routes.set('/llpg/search', () => [200, collection]);
    routes.set('/llpg/near', () => [200, '{"type":"FeatureCollection","features":[]}']);
    const geocoder = customGeocoder(`${base}/llpg/search?text={query}&max={limit}`, `${base}/llpg/near?y={lat}&x={lng}`);
    expect(await geocoder.search('rose & crown')).toHaveLength(1);
    expect(hits[0].searchParams.get('text')).toBe('rose & crown');
    expect(hits[0].searchParams.get('max')).toBe('10');
    expect(await geocoder.reverse(52.2, -1.5)).toBeNull();
    expect(hits[1].searchParams.get('y')).toBe('52.2');
  });

  it('a server error is a GeocoderError; an unreachable host too', async () => {
    routes.set('/api/addresses', () => [500, '[]']);
    await expect(customGeocoder(`${base}/api/addresses`).search('x')).rejects.toBeInstanceOf(GeocoderError);
    await expect(customGeocoder('http://127.0.0.1:9/api/addresses').search('x')).rejects.toBeInstanceOf(GeocoderError);
  });
});

describe('createGeocoder', () => {
  it('says what a webmaster must add', () => {
    expect(createGeocoder({ kind: 'custom' })).toEqual({ error: '"geocoder-url" is required for geocoder="custom"' });
    expect(createGeocoder({ kind: 'os-places' })).toHaveProperty('error');
    expect(createGeocoder({ kind: 'nope' as never })).toHaveProperty('error');
    expect(createGeocoder({ kind: 'postcodes-io' })).toHaveProperty('search');
  });
});
