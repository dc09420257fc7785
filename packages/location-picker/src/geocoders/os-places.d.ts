import { type Geocoder } from './types.js';
/** Ordnance Survey's OS Places API (AddressBase Premium; needs an OS Data Hub key). */
export declare const OS_PLACES_URL = "https://api.os.uk/search/places/v1";
/** OS Places shouts ("10, DOWNING STREET, LONDON, SW1A 2AA"); residents read "10, Downing Street, London, SW1A 2AA". */
export declare function titleCase(address: string): string;
export declare function osPlacesGeocoder(key: string, baseUrl?: string): Geocoder;
