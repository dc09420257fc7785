import type { ServerContext } from '../http/context.ts';
import { MAX_REPORT_PHOTOS } from '../requests/request-rules.ts';
import { inLanguage } from '../requests/open311/language.ts';

/**
 * The widget configuration document (docs/integrators.md#widget-configuration): what a widget
 * given only `endpoint` needs to behave as a hand-configured one. URLs are relative to this
 * server (the widget resolves them against the document's own URL), so the document is right
 * however the server is reached.
 */
export interface WidgetConfigDocument {
  council: { name: string; phone?: string; openingHours?: string };
  languages: string[];
  mapStyle?: string;
  boundary?: string;
  areas?: string;
  geocoder?: { kind: string; url?: string; reverseUrl?: string; key?: string };
  /** Layers of assets a resident can choose on the map (issue #16 fills these). */
  assetLayers: { id: string; name: string; src: string; idProperty?: string; services?: string[]; attribute?: string }[];
  trackerUrl: string;
  /** How many photos one report can carry (POST requests' repeated media_url / media_urls[]). */
  photosPerReport: number;
  /** Whether a report given an email address gets a receipt: false on a server that sends no email (--no-email). */
  receipts: boolean;
}

/** The document in `language`: the council's name, its hours and the asset layers' names in Welsh where the config gives them. */
export function widgetConfigDocument(ctx: ServerContext, language: 'en' | 'cy' = 'en'): WidgetConfigDocument {
  const { council, geo, widgets, tracking_url: trackingUrl } = ctx.config;
  const geocoder = widgets.geocoder
    ? { kind: widgets.geocoder.kind, url: widgets.geocoder.url, reverseUrl: widgets.geocoder.reverse_url, key: widgets.geocoder.key }
    : geo
      ? { kind: 'custom', url: '/api/addresses' }
      : undefined;
  const mapStyle = widgets.map_style ?? (geo ? '/basemap/style.json' : undefined);
  return {
    council: {
      name: inLanguage(council, 'name', language),
      phone: council.phone,
      openingHours: inLanguage(widgets, 'opening_hours', language),
    },
    // Every text the server sends can be asked for in Welsh (English where none is given).
    languages: ['en', 'cy'],
    ...(mapStyle ? { mapStyle } : {}),
    ...(geo ? { boundary: '/api/area' } : {}),
    ...(geo?.parishes ? { areas: '/api/parishes' } : {}),
    ...(geocoder ? { geocoder: dropEmpty(geocoder) } : {}),
    assetLayers: ctx.config.asset_layers.map((layer) => ({
      id: layer.id,
      name: inLanguage(layer, 'name', language),
      src: layer.file ? `/api/assets/${layer.id}.geojson` : layer.url!,
      ...(layer.id_property ? { idProperty: layer.id_property } : {}),
      services: layer.services,
      attribute: layer.attribute,
    })),
    trackerUrl: widgets.tracker_url ?? trackingUrl ?? '/cases/{id}',
    photosPerReport: MAX_REPORT_PHOTOS,
    receipts: ctx.queue.sends,
  };
}

const dropEmpty = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
