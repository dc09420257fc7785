/** @civic-widgets/location-picker — import `./define` to register `<civic-location-picker>`. */
export { CivicLocationPicker } from './location-picker.js';
export type { MapAssets } from './controllers/map-controller.js';
export { CivicLocationChangeEvent } from './events/location-change.js';
export { CivicReportSelectEvent } from './events/report-select.js';
export type { LocationValue, FormValueMode } from './location-value.js';
export type { Open311Request } from './geo/features.js';
export {
  createGeocoder,
  customGeocoder,
  postcodesIoGeocoder,
  nominatimGeocoder,
  osPlacesGeocoder,
  GeocoderError,
  type Geocoder,
  type GeocodeResult,
  type GeocoderKind,
} from './geocoders/index.js';
