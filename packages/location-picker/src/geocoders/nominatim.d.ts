import { type Geocoder } from './types.js';
/**
 * The OpenStreetMap Foundation's instance. Its usage policy allows light use with attribution
 * and forbids autocomplete-as-you-type, so this adapter is used on request (Enter / Search)
 * only — see `searchAsYouType` — and councils with real volumes should run their own.
 */
export declare const NOMINATIM_URL = "https://nominatim.openstreetmap.org";
export declare function nominatimGeocoder(baseUrl?: string, countryCodes?: string): Geocoder & {
    searchAsYouType: false;
};
