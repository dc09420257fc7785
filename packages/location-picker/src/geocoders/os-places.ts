import { absolute, fullPostcode, getJson, point, type GeocodeResult, type Geocoder } from './types.js';

/** Ordnance Survey's OS Places API (AddressBase Premium; needs an OS Data Hub key). */
export const OS_PLACES_URL = 'https://api.os.uk/search/places/v1';

interface Address {
  UPRN?: string | number;
  ADDRESS?: string;
  LAT?: number;
  LNG?: number;
}

/** Results are `[{ DPA: {...} }]` (Royal Mail addresses) or `[{ LPI: {...} }]`; absent when none. */
function readResults(json: unknown): GeocodeResult[] {
  const results = (json as { results?: { DPA?: Address; LPI?: Address }[] } | null)?.results;
  if (!Array.isArray(results)) return [];
  const seen = new Set<string>();
  const out: GeocodeResult[] = [];
  for (const item of results) {
    const address = item.DPA ?? item.LPI;
    const at = address && point(address.LAT, address.LNG);
    if (!address?.ADDRESS || !at) continue;
    const uprn = address.UPRN == null ? undefined : String(address.UPRN);
    const id = uprn ?? `${at.lat},${at.lng}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: titleCase(address.ADDRESS), ...at, uprn });
  }
  return out;
}

/** OS Places shouts ("10, DOWNING STREET, LONDON, SW1A 2AA"); residents read "10, Downing Street, London, SW1A 2AA". */
export function titleCase(address: string): string {
  const parts = address.split(', ');
  const last = parts.length - 1;
  return parts
    .map((part, i) =>
      i === last && fullPostcode.test(part)
        ? part
        : part.toLowerCase().replace(/(^|[\s\-(]|'(?=\p{L}{2}))(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
    )
    .join(', ');
}

export function osPlacesGeocoder(key: string, baseUrl = OS_PLACES_URL): Geocoder {
  const base = baseUrl.replace(/\/$/, '');
  const withKey = (url: URL) => {
    url.searchParams.set('key', key);
    url.searchParams.set('output_srs', 'WGS84');
    return url;
  };
  return {
    async search(query, { signal, limit = 10 } = {}) {
      const isPostcode = fullPostcode.test(query);
      const url = withKey(absolute(`${base}/${isPostcode ? 'postcode' : 'find'}`));
      url.searchParams.set(isPostcode ? 'postcode' : 'query', query.trim());
      url.searchParams.set('maxresults', String(Math.min(limit, 100)));
      // OS Places answers 400 for a postcode it does not know; treat that as no match.
      return readResults(await getJson(url.href, signal, isPostcode ? [400, 404] : [404]));
    },
    async reverse(lat, lng, { signal } = {}) {
      const url = withKey(absolute(`${base}/nearest`));
      url.searchParams.set('point', `${lat},${lng}`);
      url.searchParams.set('srs', 'WGS84');
      return readResults(await getJson(url.href, signal, [404]))[0] ?? null;
    },
  };
}
