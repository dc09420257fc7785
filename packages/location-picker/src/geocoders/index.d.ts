import { customGeocoder } from './custom.js';
import { nominatimGeocoder } from './nominatim.js';
import { osPlacesGeocoder } from './os-places.js';
import { postcodesIoGeocoder } from './postcodes-io.js';
import type { Geocoder } from './types.js';
export * from './types.js';
export { customGeocoder, nominatimGeocoder, osPlacesGeocoder, postcodesIoGeocoder };
export type GeocoderKind = 'custom' | 'postcodes-io' | 'nominatim' | 'os-places';
export interface GeocoderConfig {
    kind: GeocoderKind;
    url?: string;
    reverseUrl?: string;
    key?: string;
}
/** Builds the configured adapter, or says what is missing. */
export declare function createGeocoder(config: GeocoderConfig): Geocoder | {
    error: string;
};
