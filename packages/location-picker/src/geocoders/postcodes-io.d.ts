import { type Geocoder } from './types.js';
/** The public service; a council may run its own copy (postcodes.io ships Docker images). */
export declare const POSTCODES_IO_URL = "https://api.postcodes.io";
/**
 * postcodes.io: UK postcodes (full or partial) to a point, and a point to its nearest postcode.
 * It knows postcodes, not addresses, so pair it with the map or use it where a postcode is enough.
 */
export declare function postcodesIoGeocoder(baseUrl?: string): Geocoder;
