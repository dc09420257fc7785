import type { WidgetConfig } from '@civic-widgets/core';

/** The settings the pages use: the element's attributes, else the endpoint's configuration document. */
export interface ReportSettings {
  mapStyle: string;
  boundarySrc: string;
  areasSrc: string;
  geocoder: string;
  geocoderUrl: string;
  reverseUrl: string;
  geocoderKey: string;
  trackerUrl: string;
  phone: string;
  openingHours: string;
  /** How many photos the server takes with one report (1: a plain Open311 `media_url`). */
  photosPerReport: number;
  /** Whether the server emails a receipt to the address given (only the backend's `false` says not). */
  receipts: boolean;
  /** The chosen category's asset layer (street lights…), from the endpoint's configuration. */
  assets?: { src: string; idProperty: string; attribute: string; name: string };
}

/** The attributes a page may set; unset (undefined) means "the backend's configuration". */
export interface SettingAttributes {
  mapStyle?: string;
  boundarySrc?: string;
  areasSrc?: string;
  geocoder?: string;
  geocoderUrl?: string;
  trackerUrl?: string;
  phone?: string;
}

/** The asset layer the configuration gives a category, if any. */
function assetLayerFor(c: WidgetConfig, serviceCode: string): ReportSettings['assets'] {
  const layer = c.assetLayers?.find((l) => l.src && serviceCode && l.services?.includes(serviceCode));
  if (!layer) return undefined;
  // Text from a server is data: only a string is kept, and it is rendered as text.
  const name = typeof layer.name === 'string' ? layer.name : '';
  return { src: layer.src!, idProperty: layer.idProperty ?? '', attribute: layer.attribute || 'asset_id', name };
}

/** An attribute the page sets wins over the backend's configuration; set to "" it turns that part off. */
export function reportSettings(a: SettingAttributes, c: WidgetConfig, serviceCode: string): ReportSettings {
  // The address search is one setting: a page that names its geocoder or URL takes none of the backend's.
  const search: NonNullable<WidgetConfig['geocoder']> =
    a.geocoder != null || a.geocoderUrl != null ? { kind: a.geocoder, url: a.geocoderUrl } : (c.geocoder ?? {});
  const phone = a.phone ?? c.council?.phone ?? '';
  return {
    mapStyle: a.mapStyle ?? c.mapStyle ?? '',
    boundarySrc: a.boundarySrc ?? c.boundary ?? '',
    areasSrc: a.areasSrc ?? c.areas ?? '',
    geocoder: search.kind ?? '',
    geocoderUrl: search.url ?? '',
    reverseUrl: search.reverseUrl ?? '',
    geocoderKey: search.key ?? '',
    trackerUrl: a.trackerUrl ?? c.trackerUrl ?? '',
    assets: assetLayerFor(c, serviceCode),
    // Only a whole number from the server counts: anything else is a plain Open311 server's one.
    photosPerReport: Number.isInteger(c.photosPerReport) && c.photosPerReport! > 1 ? c.photosPerReport! : 1,
    receipts: c.receipts !== false,
    phone,
    // The hours belong to the backend's number: shown only with that number.
    openingHours: phone === c.council?.phone ? (c.council.openingHours ?? '') : '',
  };
}
