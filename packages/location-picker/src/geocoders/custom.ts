import { absolute, getJson, point, type GeocodeResult, type Geocoder } from './types.js';

interface Feature {
  id?: string | number;
  geometry?: { type?: string; coordinates?: unknown[] } | null;
  properties?: Record<string, unknown> | null;
}

function readFeatures(json: unknown): GeocodeResult[] {
  const features = (json as { features?: Feature[] } | null)?.features;
  if (!Array.isArray(features)) return [];
  const results: GeocodeResult[] = [];
  for (const feature of features) {
    if (feature.geometry?.type !== 'Point') continue;
    const [lng, lat] = feature.geometry.coordinates ?? [];
    const at = point(lat, lng);
    const props = feature.properties ?? {};
    const label = typeof props.label === 'string' ? props.label : '';
    if (!at || !label) continue;
    const uprn = props.uprn == null ? undefined : String(props.uprn);
    results.push({ id: String(feature.id ?? uprn ?? `${at.lat},${at.lng}`), label, ...at, uprn });
  }
  return results;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? encodeURIComponent(values[key]) : whole,
  );
}

/**
 * A council's own gazetteer (LLPG/AddressBase behind a thin service) answering the contract in
 * docs/gazetteer.md: a GeoJSON FeatureCollection of Points with `properties.label`.
 *
 * `searchUrl` is either a base (`https://council.example/api/addresses`, to which `q` and
 * `limit` are added) or a template with `{query}` (and optionally `{limit}`). `reverseUrl`
 * is a template with `{lat}` and `{lng}`, or a base; it defaults to `<searchUrl>/reverse`.
 */
export function customGeocoder(searchUrl: string, reverseUrl?: string): Geocoder {
  const reverseBase = reverseUrl || (searchUrl.includes('{') ? '' : `${searchUrl.replace(/\/$/, '')}/reverse`);
  return {
    async search(query, { signal, limit = 10 } = {}) {
      let url: URL;
      if (searchUrl.includes('{query}')) {
        url = absolute(fill(searchUrl, { query, limit: String(limit) }));
      } else {
        url = absolute(searchUrl);
        url.searchParams.set('q', query);
        url.searchParams.set('limit', String(limit));
      }
      return readFeatures(await getJson(url.href, signal));
    },
    async reverse(lat, lng, { signal } = {}) {
      if (!reverseBase) return null;
      let url: URL;
      if (reverseBase.includes('{lat}')) {
        url = absolute(fill(reverseBase, { lat: String(lat), lng: String(lng) }));
      } else {
        url = absolute(reverseBase);
        url.searchParams.set('lat', String(lat));
        url.searchParams.set('lng', String(lng));
        url.searchParams.set('limit', '1');
      }
      return readFeatures(await getJson(url.href, signal))[0] ?? null;
    },
  };
}
