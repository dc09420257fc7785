import { absolute, getJson, point, type GeocodeResult, type Geocoder } from './types.js';

/** The public service; a council may run its own copy (postcodes.io ships Docker images). */
export const POSTCODES_IO_URL = 'https://api.postcodes.io';

interface Postcode {
  postcode?: string;
  latitude?: number | null;
  longitude?: number | null;
  admin_district?: string | null;
  admin_ward?: string | null;
}

function toResult(item: Postcode): GeocodeResult | null {
  const at = point(item.latitude, item.longitude);
  if (!at || !item.postcode) return null;
  const place = [item.admin_ward, item.admin_district].filter(Boolean).join(', ');
  return { id: item.postcode, label: place ? `${item.postcode}, ${place}` : item.postcode, ...at };
}

/** `{ status, result }`, where result is one postcode, a list, or null for no match. */
function readResult(json: unknown): GeocodeResult[] {
  const result = (json as { result?: Postcode | Postcode[] | null } | null)?.result;
  const list = Array.isArray(result) ? result : result ? [result] : [];
  return list.map(toResult).filter((r): r is GeocodeResult => r !== null);
}

/**
 * postcodes.io: UK postcodes (full or partial) to a point, and a point to its nearest postcode.
 * It knows postcodes, not addresses, so pair it with the map or use it where a postcode is enough.
 */
export function postcodesIoGeocoder(baseUrl = POSTCODES_IO_URL): Geocoder {
  const base = baseUrl.replace(/\/$/, '');
  return {
    async search(query, { signal, limit = 10 } = {}) {
      const url = absolute(`${base}/postcodes`);
      url.searchParams.set('q', query.trim());
      url.searchParams.set('limit', String(Math.min(limit, 100)));
      return readResult(await getJson(url.href, signal, [404]));
    },
    async reverse(lat, lng, { signal } = {}) {
      const url = absolute(`${base}/postcodes`);
      url.searchParams.set('lon', String(lng));
      url.searchParams.set('lat', String(lat));
      url.searchParams.set('limit', '1');
      return readResult(await getJson(url.href, signal, [404]))[0] ?? null;
    },
  };
}
