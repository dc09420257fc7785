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
export declare function toFormData(value: LocationValue | null, name: string, mode: FormValueMode): FormData | string | null;
/** Reads a value back from saved state (JSON), or null when it is not one. */
export declare function parseValue(text: unknown): LocationValue | null;
/** Whether the value is a point on the map (not only a place described in words). */
export declare const hasPoint: (value: LocationValue | null) => value is LocationValue & {
    lat: number;
    lng: number;
};
