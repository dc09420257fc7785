import { customGeocoder } from './custom.js';
import { nominatimGeocoder, NOMINATIM_URL } from './nominatim.js';
import { osPlacesGeocoder, OS_PLACES_URL } from './os-places.js';
import { postcodesIoGeocoder, POSTCODES_IO_URL } from './postcodes-io.js';
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
export function createGeocoder(config: GeocoderConfig): Geocoder | { error: string } {
  switch (config.kind) {
    case 'custom':
      return config.url ? customGeocoder(config.url, config.reverseUrl) : { error: '"geocoder-url" is required for geocoder="custom"' };
    case 'postcodes-io':
      return postcodesIoGeocoder(config.url || POSTCODES_IO_URL);
    case 'nominatim':
      return nominatimGeocoder(config.url || NOMINATIM_URL);
    case 'os-places':
      return config.key
        ? osPlacesGeocoder(config.key, config.url || OS_PLACES_URL)
        : { error: '"geocoder-key" (an OS Data Hub key) is required for geocoder="os-places"' };
    default:
      return { error: `unknown geocoder "${String(config.kind)}": use custom, postcodes-io, nominatim or os-places` };
  }
}
