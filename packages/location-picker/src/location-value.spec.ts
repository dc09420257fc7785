import { describe, expect, it } from 'vitest';
import { parseValue, toFormData } from './location-value.js';
import { assetsToPoints, readRequests, reportsToPoints } from './geo/features.js';

const value = { lat: 52.2, lng: -1.5, address: '1 High Street, Larkmead, LK1 1AA', area: 'Fenbury', assetId: 'SL-1' };

describe('form value', () => {
  it('fields: nested names a CMS backend reads as one object', () => {
    const data = toFormData(value, 'location', 'fields') as FormData;
    expect([...data.entries()]).toEqual([
      ['location[lat]', '52.2'],
      ['location[lng]', '-1.5'],
      ['location[address]', '1 High Street, Larkmead, LK1 1AA'],
      ['location[area]', 'Fenbury'],
      ['location[asset_id]', 'SL-1'],
    ]);
  });
  it('open311: lat, long, address_string', () => {
    const data = toFormData({ ...value, assetId: undefined, address: null }, '', 'open311') as FormData;
    expect([...data.entries()]).toEqual([['lat', '52.2'], ['long', '-1.5'], ['address_string', '']]);
  });
  it('json round-trips through saved state; nothing without a value or a name', () => {
    expect(parseValue(toFormData(value, 'loc', 'json'))).toEqual(value);
    expect(toFormData(null, 'loc', 'fields')).toBeNull();
    expect(toFormData(value, '', 'fields')).toBeNull();
    expect(parseValue('{"lat":"x"}')).toBeNull();
    expect(parseValue('not json')).toBeNull();
  });
});

describe('map data', () => {
  it('Open311 requests with string coordinates become points; ones without position are dropped', () => {
    const points = reportsToPoints([
      { service_request_id: 'LDC-1', lat: '52.2', long: '-1.5', service_name: 'Pothole', status: 'open' },
      { service_request_id: 7, lat: 52.3, long: -1.4 },
      { service_request_id: 'LDC-3', lat: null, long: null },
      { lat: 52, long: -1 },
    ]);
    expect(points.features.map((f) => [f.properties.id, f.geometry.coordinates])).toEqual([
      ['LDC-1', [-1.5, 52.2]],
      ['7', [-1.4, 52.3]],
    ]);
  });
  it('reads GET requests bodies: bare array, or wrapped in service_requests (list or one)', () => {
    expect(readRequests([{ service_request_id: 1 }])).toHaveLength(1);
    expect(readRequests({ service_requests: [{ service_request_id: 1 }, { service_request_id: 2 }] })).toHaveLength(2);
    expect(readRequests({ service_requests: { service_request_id: 1001, lat: '51.75', long: '-1.25' } })[0].service_request_id).toBe(1001);
    expect(readRequests({ error: 'nope' })).toEqual([]);
  });

  it('assets take their id from the named property, else the feature id', () => {
    const json = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 9, properties: { asset_id: 'SL-9' }, geometry: { type: 'Point', coordinates: [-1.5, 52.2] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
      ],
    };
    expect(assetsToPoints(json, 'asset_id').features[0].properties.id).toBe('SL-9');
    expect(assetsToPoints(json).features[0].properties.id).toBe('9');
    expect(() => assetsToPoints([])).toThrow(TypeError);
  });
});
