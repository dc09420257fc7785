/** What the picker holds and submits: a point, the address chosen or found there, the area. */
export interface LocationValue {
  /**
   * Null when the resident described the place in words: no address search and no map (a plain
   * Open311 server), or the search failed. The words are then `address`.
   */
  lat: number | null;
  lng: number | null;
  /** One-line address (Open311 `address_string`), or null when nothing is near the point. */
  address: string | null;
  /** The area containing the point: a parish from `areas-src`, else the council's name. */
  area?: string | null;
  /** The id of the asset the resident chose (street light, bin…), when assets are shown. */
  assetId?: string;
}

/**
 * How the value goes into a plain form:
 * - `fields` (default): `<name>[lat]`, `<name>[lng]`, `<name>[address]`, `<name>[area]`,
 *   `<name>[asset_id]` — PHP, Drupal, Rails and `qs` read these as one nested object.
 * - `json`: one entry, `<name>` = the value as JSON.
 * - `open311`: `lat`, `long`, `address_string` (and `asset_id`) as a GeoReport v2 POST wants them.
 */
export type FormValueMode = 'fields' | 'json' | 'open311';

export function toFormData(value: LocationValue | null, name: string, mode: FormValueMode): FormData | string | null {
  if (!value) return null;
  if (mode === 'json') return name ? JSON.stringify(value) : null;
  const data = new FormData();
  const put = (key: string, v: string | number | null | undefined) => {
    if (v != null) data.append(key, String(v));
  };
  if (mode === 'open311') {
    // Open311 takes address_string instead of lat/long: a described place sends only that.
    put('lat', value.lat);
    put('long', value.lng);
    put('address_string', value.address ?? '');
    put('asset_id', value.assetId);
    return data;
  }
  if (!name) return null;
  put(`${name}[lat]`, value.lat);
  put(`${name}[lng]`, value.lng);
  put(`${name}[address]`, value.address ?? '');
  put(`${name}[area]`, value.area ?? '');
  put(`${name}[asset_id]`, value.assetId);
  return data;
}

/** Reads a value back from saved state (JSON), or null when it is not one. */
export function parseValue(text: unknown): LocationValue | null {
  if (typeof text !== 'string' || !text) return null;
  try {
    const v = JSON.parse(text) as Partial<LocationValue>;
    const point = typeof v.lat === 'number' && typeof v.lng === 'number';
    if (!point && !(typeof v.address === 'string' && v.address)) return null;
    return {
      lat: point ? v.lat! : null,
      lng: point ? v.lng! : null,
      address: typeof v.address === 'string' ? v.address : null,
      area: typeof v.area === 'string' ? v.area : null,
      ...(typeof v.assetId === 'string' ? { assetId: v.assetId } : {}),
    };
  } catch {
    return null;
  }
}

/** Whether the value is a point on the map (not only a place described in words). */
export const hasPoint = (value: LocationValue | null): value is LocationValue & { lat: number; lng: number } =>
  value != null && value.lat != null && value.lng != null;
