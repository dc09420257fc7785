/**
 * The offline basemap: a MapLibre style (spec version 8) over GeoJSON this server serves, so a
 * map of the council's area needs no tile server and no third-party host.
 * https://maplibre.org/maplibre-style-spec/
 */

export const BASEMAP_LAYERS = ['boundary', 'parishes', 'roads', 'places'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

export const ATTRIBUTION = 'Demo data © Civic Widgets, fictional';
/** The credit line on a Welsh page (style.json?lang=cy). */
export const ATTRIBUTION_CY = 'Data demo © Civic Widgets, ffuglennol';

export interface StyleOptions {
  /** Absolute base URL of this server as the requester reached it, without a trailing slash. */
  base: string;
  /** Map centre [lng, lat] and zoom. */
  center: [number, number];
  zoom: number;
  /** Font stack name when the server serves glyph PBFs; null means no text layers. */
  font: string | null;
  attribution?: string;
  /** The labels' language: Welsh names (`name_cy`) where a feature has one, else its name. */
  language?: 'en' | 'cy';
}

const roadWidth = (z10: number, z16: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 10, z10, 16, z16];

const ROAD_CLASSES: Array<{ cls: string; casing: string; fill: string; widths: [number, number] }> = [
  { cls: 'residential', casing: '#c9c4b8', fill: '#ffffff', widths: [0.6, 7] },
  { cls: 'tertiary', casing: '#c2bba9', fill: '#ffffff', widths: [1, 9] },
  { cls: 'secondary', casing: '#b89b4a', fill: '#f6dc8c', widths: [1.6, 11] },
  { cls: 'primary', casing: '#b07428', fill: '#f2b565', widths: [2.2, 13] },
];

export function basemapStyle(options: StyleOptions): Record<string, unknown> {
  const { base, font } = options;
  const welsh = options.language === 'cy';
  const attribution = options.attribution ?? (welsh ? ATTRIBUTION_CY : ATTRIBUTION);
  const name = welsh ? ['coalesce', ['get', 'name_cy'], ['get', 'name']] : ['get', 'name'];
  const source = (name: BasemapLayer) => ({ type: 'geojson', data: `${base}/basemap/${name}.geojson`, attribution });
  const layers: Array<Record<string, unknown>> = [
    { id: 'background', type: 'background', paint: { 'background-color': '#e8e4d8' } },
    {
      id: 'council-fill',
      type: 'fill',
      source: 'boundary',
      filter: ['==', ['get', 'role'], 'council'],
      paint: { 'fill-color': '#f7f5ee' },
    },
    {
      id: 'parish-fill',
      type: 'fill',
      source: 'parishes',
      paint: { 'fill-color': '#e3efd9', 'fill-opacity': 0.6 },
    },
    {
      id: 'parish-line',
      type: 'line',
      source: 'parishes',
      paint: { 'line-color': '#5f8a4a', 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
  ];
  for (const road of ROAD_CLASSES) {
    layers.push({
      id: `road-${road.cls}-casing`,
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], road.cls],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': road.casing, 'line-width': roadWidth(road.widths[0] + 1, road.widths[1] + 2) },
    });
  }
  for (const road of ROAD_CLASSES) {
    layers.push({
      id: `road-${road.cls}`,
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], road.cls],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': road.fill, 'line-width': roadWidth(road.widths[0], road.widths[1]) },
    });
  }
  layers.push(
    {
      id: 'neighbour-fill',
      type: 'fill',
      source: 'boundary',
      filter: ['==', ['get', 'role'], 'neighbour'],
      // Outside the council reads as "not ours": greyed over the roads that continue into it.
      paint: { 'fill-color': '#8a8678', 'fill-opacity': 0.25 },
    },
    {
      id: 'council-line',
      type: 'line',
      source: 'boundary',
      filter: ['==', ['get', 'role'], 'council'],
      paint: { 'line-color': '#4b3c7a', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 4] },
    },
    {
      id: 'place-dot',
      type: 'circle',
      source: 'places',
      maxzoom: 14,
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'town', 6, 4],
        'circle-color': '#3d3a33',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
  );
  if (font) {
    const text = { 'text-font': [font], 'text-max-width': 8 };
    layers.push(
      {
        id: 'parish-label',
        type: 'symbol',
        source: 'parishes',
        minzoom: 11,
        layout: { ...text, 'text-field': name, 'text-size': 11, 'text-offset': [0, 2.2] },
        paint: { 'text-color': '#3e6130', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'road-label',
        type: 'symbol',
        source: 'roads',
        minzoom: 13,
        layout: { ...text, 'text-field': name, 'text-size': 12, 'symbol-placement': 'line' },
        paint: { 'text-color': '#33302a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'place-label',
        type: 'symbol',
        source: 'places',
        layout: {
          ...text,
          'text-field': name,
          'text-size': ['match', ['get', 'kind'], 'town', 16, 13],
          'text-anchor': 'top',
          'text-offset': [0, 0.6],
        },
        paint: { 'text-color': '#1f1d19', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
    );
  }
  return {
    version: 8,
    name: 'Civic Widgets offline basemap',
    metadata: { 'civic-widgets:attribution': attribution },
    center: options.center,
    zoom: options.zoom,
    ...(font ? { glyphs: `${base}/basemap/fonts/{fontstack}/{range}.pbf` } : {}),
    sources: Object.fromEntries(BASEMAP_LAYERS.map((name) => [name, source(name)])),
    layers,
  };
}

/** Centre [lng, lat] of the council's bounding box (features without role "neighbour"), for the style. */
export function centreOf(boundaryJson: string): [number, number] {
  const collection = JSON.parse(boundaryJson) as {
    features: Array<{ properties?: { role?: string }; geometry: { type: string; coordinates: unknown } }>;
  };
  const council = collection.features.filter((f) => f.properties?.role !== 'neighbour');
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      minX = Math.min(minX, x!);
      maxX = Math.max(maxX, x!);
      minY = Math.min(minY, y!);
      maxY = Math.max(maxY, y!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  council.forEach((f) => visit(f.geometry.coordinates));
  if (!Number.isFinite(minX)) return [0, 0];
  return [Math.round(((minX + maxX) / 2) * 1e5) / 1e5, Math.round(((minY + maxY) / 2) * 1e5) / 1e5];
}
