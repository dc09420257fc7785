import type { WidgetConfig } from '@civic-widgets/core';

/** The consultation's attributes for "pin a place" questions; undefined means "the endpoint's configuration". */
interface PickerAttributes {
  geocoderUrl?: string;
  mapStyle?: string;
  boundarySrc?: string;
}

/** The picker's settings: the element's attributes, else the endpoint's configuration document; "" turns a part off. */
export function pickerConfig(a: PickerAttributes, c: WidgetConfig) {
  const search: NonNullable<WidgetConfig['geocoder']> = a.geocoderUrl != null ? { kind: 'custom', url: a.geocoderUrl } : (c.geocoder ?? {});
  return {
    geocoder: search.kind ?? '',
    geocoderUrl: search.url ?? '',
    reverseUrl: search.reverseUrl ?? '',
    geocoderKey: search.key ?? '',
    mapStyle: a.mapStyle ?? c.mapStyle ?? '',
    boundarySrc: a.boundarySrc ?? c.boundary ?? '',
  };
}
