import { describe, expect, it } from 'vitest';
import { resolveWidgetConfig, widgetConfigUrl } from './widget-config.js';

describe('the widget configuration document', () => {
  it('lives under the endpoint, with or without a trailing slash', () => {
    expect(widgetConfigUrl('https://council.example/open311/v2')).toBe('https://council.example/open311/v2/widget-config.json');
    expect(widgetConfigUrl('/open311/v2/')).toBe('/open311/v2/widget-config.json');
  });

  it('resolves relative URLs against the document, keeping the tracker\'s {id}', () => {
    const config = resolveWidgetConfig(
      {
        mapStyle: '../../basemap/style.json',
        boundary: '/api/area',
        areas: 'https://maps.example/parishes.geojson',
        geocoder: { kind: 'custom', url: '/api/addresses' },
        trackerUrl: '/track-your-report.html?ref={id}',
        council: { phone: '01632 960000' },
      },
      'https://reports.example/open311/v2/widget-config.json',
    );
    expect(config).toMatchObject({
      mapStyle: 'https://reports.example/basemap/style.json',
      boundary: 'https://reports.example/api/area',
      areas: 'https://maps.example/parishes.geojson',
      geocoder: { kind: 'custom', url: 'https://reports.example/api/addresses' },
      trackerUrl: 'https://reports.example/track-your-report.html?ref={id}',
      council: { phone: '01632 960000' },
    });
  });

  it('resolves asset layers\' URLs, keeping an OGC API or WFS {bbox}', () => {
    const config = resolveWidgetConfig(
      {
        assetLayers: [
          { id: 'street_lights', src: '/api/assets/street_lights.geojson', services: ['street_lights'] },
          { id: 'gullies', src: 'https://gis.example/ogc/collections/gullies/items?f=json&bbox={bbox}' },
          { id: 'broken', src: 7 },
        ],
      },
      'https://reports.example/open311/v2/widget-config.json',
    )!;
    expect(config.assetLayers!.map((l) => l.src)).toEqual([
      'https://reports.example/api/assets/street_lights.geojson',
      'https://gis.example/ogc/collections/gullies/items?f=json&bbox={bbox}',
      undefined,
    ]);
  });

  it('drops what is not a URL string, and is null for anything but an object', () => {
    expect(resolveWidgetConfig({ mapStyle: 42, boundary: '' }, 'https://x.example/')).toEqual({ mapStyle: undefined, boundary: undefined, areas: undefined, trackerUrl: undefined });
    expect(resolveWidgetConfig([], 'https://x.example/')).toBe(null);
    expect(resolveWidgetConfig('<html>', 'https://x.example/')).toBe(null);
  });

  it('keeps "receipts" only as a yes or no: a server that sends no email says false', () => {
    expect(resolveWidgetConfig({ receipts: false }, 'https://x.example/')!.receipts).toBe(false);
    expect(resolveWidgetConfig({ receipts: true }, 'https://x.example/')!.receipts).toBe(true);
    expect('receipts' in resolveWidgetConfig({ receipts: 'no' }, 'https://x.example/')!).toBe(false);
  });
});
