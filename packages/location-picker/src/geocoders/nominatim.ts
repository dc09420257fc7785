import { absolute, getJson, point, type GeocodeResult, type Geocoder } from './types.js';

/**
 * The OpenStreetMap Foundation's instance. Its usage policy allows light use with attribution
 * and forbids autocomplete-as-you-type, so this adapter is used on request (Enter / Search)
 * only — see `searchAsYouType` — and councils with real volumes should run their own.
 */
export const NOMINATIM_URL = 'https://nominatim.openstreetmap.org';

interface Place {
  place_id?: number | string;
  osm_type?: string;
  osm_id?: number | string;
  lat?: string;
  lon?: string;
  display_name?: string;
  error?: string;
}

function toResult(place: Place): GeocodeResult | null {
  const at = point(place.lat, place.lon);
  if (!at || !place.display_name) return null;
  const id = place.osm_type && place.osm_id ? `${place.osm_type}/${place.osm_id}` : String(place.place_id ?? '');
  return { id: id || `${at.lat},${at.lng}`, label: place.display_name, ...at };
}

export function nominatimGeocoder(baseUrl = NOMINATIM_URL, countryCodes = 'gb'): Geocoder & { searchAsYouType: false } {
  const base = baseUrl.replace(/\/$/, '');
  return {
    searchAsYouType: false,
    async search(query, { signal, limit = 10, bounds } = {}) {
      const url = absolute(`${base}/search`);
      url.searchParams.set('q', query.trim());
      url.searchParams.set('format', 'jsonv2');
      url.searchParams.set('limit', String(Math.min(limit, 40)));
      if (countryCodes) url.searchParams.set('countrycodes', countryCodes);
      // A viewbox without `bounded=1` prefers, but does not restrict to, the council's area.
      if (bounds) url.searchParams.set('viewbox', bounds.join(','));
      const json = await getJson(url.href, signal);
      return (Array.isArray(json) ? (json as Place[]) : []).map(toResult).filter((r): r is GeocodeResult => r !== null);
    },
    async reverse(lat, lng, { signal } = {}) {
      const url = absolute(`${base}/reverse`);
      url.searchParams.set('lat', String(lat));
      url.searchParams.set('lon', String(lng));
      url.searchParams.set('format', 'jsonv2');
      url.searchParams.set('zoom', '18');
      const json = (await getJson(url.href, signal)) as Place | null;
      // "Unable to geocode" comes back as 200 with an `error` member.
      return json && !json.error ? toResult(json) : null;
    },
  };
}
