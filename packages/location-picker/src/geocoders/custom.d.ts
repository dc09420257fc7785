import { type Geocoder } from './types.js';
/**
 * A council's own gazetteer (LLPG/AddressBase behind a thin service) answering the contract in
 * docs/gazetteer.md: a GeoJSON FeatureCollection of Points with `properties.label`.
 *
 * `searchUrl` is either a base (`https://council.example/api/addresses`, to which `q` and
 * `limit` are added) or a template with `{query}` (and optionally `{limit}`). `reverseUrl`
 * is a template with `{lat}` and `{lng}`, or a base; it defaults to `<searchUrl>/reverse`.
 */
export declare function customGeocoder(searchUrl: string, reverseUrl?: string): Geocoder;
