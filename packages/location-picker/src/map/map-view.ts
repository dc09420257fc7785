import { Map as MapLibreMap, Marker, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import { assetsToPoints, readRequests, reportsToPoints, type PointCollection } from '../geo/features.js';
import { distance, offset, type Direction } from '../geo/distance.js';

export { MapKeyboard, type MapKeyboardOptions } from './keyboard.js';

/** How close the pin must be to an asset for Enter to choose it (and for the hint saying so). */
export const ASSET_REACH_METRES = 25;

/** What the element hands the map. All URLs come from the council's configuration. */
export interface MapViewOptions {
  container: HTMLElement;
  style: string;
  workerUrl?: string;
  /** [west, south, east, north] to frame at first. */
  bounds?: readonly [number, number, number, number] | null;
  center?: { lat: number; lng: number } | null;
  zoom?: number;
  /** Accessible name of the pin. */
  pinLabel: string;
  /** A pin nobody can drag (the element ignores clicks too). */
  readonly?: boolean;
  onPick(lat: number, lng: number): void;
  onReportSelect(id: string): void;
  onAssetSelect(id: string, lat: number, lng: number): void;
}

/** The browser cannot give us WebGL: the element falls back to address search. */
export class NoWebGLError extends Error {
  override name = 'NoWebGLError';
}

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

const REPORTS = 'civic-reports';
const ASSETS = 'civic-assets';

/**
 * Creates the map inside a shadow root: MapLibre's CSS (one constructed sheet per CSS text,
 * shared by every picker on the page) is adopted there, since a page's styles cannot reach in.
 */
export function mountMap(root: ShadowRoot | null, css: string | undefined, options: MapViewOptions): Promise<MapView> {
  if (css && root) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  return createMapView(options);
}

const sheets = new Map<string, CSSStyleSheet>();

/** Creates the map and resolves once its style has loaded (rejects on a style error or no WebGL). */
export async function createMapView(options: MapViewOptions): Promise<MapView> {
  if (!webglAvailable()) throw new NoWebGLError('WebGL is not available');
  if (options.workerUrl) setWorkerUrl(options.workerUrl);
  const { bounds, center } = options;
  const map = new MapLibreMap({
    container: options.container,
    style: options.style,
    ...(bounds
      ? { bounds: [bounds[0], bounds[1], bounds[2], bounds[3]], fitBoundsOptions: { padding: 16 } }
      : { center: center ? [center.lng, center.lat] : [0, 0], zoom: options.zoom ?? (center ? 15 : 1) }),
    // The element owns the keyboard: arrow keys move the pin, not the map.
    keyboard: false,
    attributionControl: { compact: false },
  });
  await new Promise<void>((resolve, reject) => {
    let styled = false;
    const timer = setTimeout(() => reject(new Error('the map style did not load in 30 s')), 30_000);
    map.once('style.load', () => (styled = true));
    map.once('load', () => {
      clearTimeout(timer);
      resolve();
    });
    map.on('error', (event) => {
      // A tile or a source failing after the style loaded is not fatal; a style that never loads is.
      if (styled) return;
      clearTimeout(timer);
      reject(event.error ?? new Error('the map style could not be loaded'));
    });
  }).catch((error: unknown) => {
    map.remove();
    throw error;
  });
  return new MapView(map, options);
}

export class MapView {
  private readonly marker: Marker;
  private pinShown = false;
  private assets = new Map<string, [number, number]>();

  constructor(
    readonly map: MapLibreMap,
    private readonly options: MapViewOptions,
  ) {
    // One tab stop: the element's own map wrapper, which handles the keys.
    map.getCanvas().setAttribute('tabindex', '-1');
    this.marker = new Marker({ draggable: !options.readonly, color: '#1d70b8' });
    const pin = this.marker.getElement();
    pin.setAttribute('aria-label', options.pinLabel);
    pin.setAttribute('role', 'img');
    // MapLibre makes a draggable pin a tab stop of its own, where no key does anything: the map
    // wrapper is the one tab stop (its arrow keys move the pin), so Tab goes on to the next field.
    pin.setAttribute('tabindex', '-1');
    this.marker.on('dragend', () => {
      const { lat, lng } = this.marker.getLngLat();
      options.onPick(lat, lng);
    });
    map.on('click', (event) => this.onClick(event));
  }

  private onClick(event: MapMouseEvent): void {
    const layers = [`${ASSETS}-points`, `${REPORTS}-points`, `${REPORTS}-clusters`].filter((id) => this.map.getLayer(id));
    const [hit] = layers.length ? this.map.queryRenderedFeatures(event.point, { layers }) : [];
    if (!hit) {
      this.options.onPick(event.lngLat.lat, event.lngLat.lng);
      return;
    }
    const [lng, lat] = (hit.geometry as { coordinates: number[] }).coordinates;
    if (hit.layer.id === `${ASSETS}-points`) {
      // Rendered geometry is quantised to the tile grid; snap to the asset's own coordinates.
      const id = String(hit.properties.id);
      const [assetLng, assetLat] = this.assets.get(id) ?? [lng, lat];
      this.options.onAssetSelect(id, assetLat, assetLng);
    } else if (hit.layer.id === `${REPORTS}-points`) {
      this.options.onReportSelect(String(hit.properties.id));
    } else {
      const source = this.map.getSource(REPORTS) as GeoJSONSource;
      void source.getClusterExpansionZoom(Number(hit.properties.cluster_id)).then((zoom) => {
        this.map.easeTo({ center: [lng, lat], zoom });
      });
    }
  }

  /** Shows the pin at a point (keeping it in view), or hides it. */
  setPin(point: { lat: number; lng: number } | null): void {
    if (!point) {
      this.marker.remove();
      this.pinShown = false;
      return;
    }
    this.marker.setLngLat([point.lng, point.lat]);
    if (!this.pinShown) {
      this.marker.addTo(this.map);
      this.pinShown = true;
    }
    // Follow the pin before it reaches the edge (arrow keys move it 50 m at a time): once it is
    // within a fifth of the map's size of an edge, bring it back to the middle.
    const { x, y } = this.map.project([point.lng, point.lat]);
    const box = this.map.getContainer();
    const margin = Math.min(box.clientWidth, box.clientHeight) / 5;
    if (x < margin || y < margin || x > box.clientWidth - margin || y > box.clientHeight - margin) {
      this.map.easeTo({ center: [point.lng, point.lat] });
    }
  }

  /** Where the pin is drawn on screen (CSS pixels from the map's top left), or null. */
  pinScreenPosition(): { x: number; y: number } | null {
    if (!this.pinShown) return null;
    const { x, y } = this.map.project(this.marker.getLngLat());
    return { x, y };
  }

  center(): { lat: number; lng: number } {
    const { lat, lng } = this.map.getCenter();
    return { lat, lng };
  }

  flyTo(point: { lat: number; lng: number }, zoom = 17): void {
    this.map.easeTo({ center: [point.lng, point.lat], zoom: Math.max(this.map.getZoom(), zoom) });
  }

  zoomBy(delta: number): void {
    this.map.easeTo({ zoom: this.map.getZoom() + delta });
  }

  /** The point `metres` from `from` in one direction (for the arrow keys). */
  step(from: { lat: number; lng: number }, metres: number, direction: Direction): { lat: number; lng: number } {
    return offset(from.lat, from.lng, metres, direction);
  }

  /** The asset nearest a point within `maxMetres`, so keyboard users can choose assets too. */
  nearestAsset(point: { lat: number; lng: number }, maxMetres: number): { id: string; lat: number; lng: number; metres: number } | null {
    let best: { id: string; lat: number; lng: number; metres: number } | null = null;
    for (const [id, [lng, lat]] of this.assets) {
      const metres = distance(point, { lat, lng });
      if (metres <= maxMetres && (!best || metres < best.metres)) best = { id, lat, lng, metres };
    }
    return best;
  }

  /** The asset close enough to the point for Enter to choose it, if any. */
  assetInReach(point: { lat: number; lng: number }): { id: string; lat: number; lng: number; metres: number } | null {
    return this.nearestAsset(point, ASSET_REACH_METRES);
  }

  /** Up to `count` assets nearest a point within `maxMetres`, nearest first (the keyboard list). */
  nearestAssets(point: { lat: number; lng: number }, count: number, maxMetres: number): { id: string; lat: number; lng: number; metres: number }[] {
    const near: { id: string; lat: number; lng: number; metres: number }[] = [];
    for (const [id, [lng, lat]] of this.assets) {
      const metres = distance(point, { lat, lng });
      if (metres <= maxMetres) near.push({ id, lat, lng, metres });
    }
    return near.sort((a, b) => a.metres - b.metres).slice(0, count);
  }

  /** Whether any assets are on the map. */
  get hasAssets(): boolean {
    return this.assets.size > 0;
  }

  /**
   * Existing reports — Open311 request objects, or a `GET requests` JSON body — clustered by
   * MapLibre so tens of thousands stay smooth.
   */
  setReports(requests: unknown): void {
    const data = reportsToPoints(readRequests(requests));
    const source = this.map.getSource(REPORTS) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data as Parameters<GeoJSONSource['setData']>[0]);
      return;
    }
    this.map.addSource(REPORTS, { type: 'geojson', data: data as Parameters<GeoJSONSource['setData']>[0], cluster: true, clusterRadius: 50, clusterMaxZoom: 17 });
    this.map.addLayer({
      id: `${REPORTS}-clusters`,
      type: 'circle',
      source: REPORTS,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#f47738',
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 20, 1000, 26],
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });
    const font = this.fontStack();
    if (font) {
      this.map.addLayer({
        id: `${REPORTS}-counts`,
        type: 'symbol',
        source: REPORTS,
        filter: ['has', 'point_count'],
        layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': font, 'text-size': 12 },
        paint: { 'text-color': '#0b0c0c' },
      });
    }
    this.map.addLayer({
      id: `${REPORTS}-points`,
      type: 'circle',
      source: REPORTS,
      filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': '#f47738', 'circle-radius': 7, 'circle-stroke-width': 2, 'circle-stroke-color': '#0b0c0c' },
    });
  }

  /** Draws the reports given, else those fetched from `src` (Open311 `GET requests` JSON). */
  async loadReports(reports: unknown, src: string, signal: AbortSignal): Promise<void> {
    const requests = reports ?? (src ? await fetchJson(src, signal) : null);
    if (requests && !signal.aborted) this.setReports(requests);
  }

  /**
   * Fetches and draws the assets GeoJSON; whether any are on the map. A body that is not a
   * FeatureCollection goes to `bad` (a fetch that fails rejects).
   */
  async loadAssets(src: string, idProperty: string, signal: AbortSignal, bad: (error: unknown) => void): Promise<boolean> {
    const json = await fetchJson(src, signal);
    if (signal.aborted) return false;
    try {
      this.setAssets(json, idProperty);
    } catch (error) {
      bad(error);
      return false;
    }
    return this.hasAssets;
  }

  /** Council assets (street lights, bins…) a resident can choose to snap the pin to; throws on bad GeoJSON. */
  setAssets(json: unknown, idProperty: string): void {
    const data: PointCollection = assetsToPoints(json, idProperty);
    this.assets = new Map(data.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    const source = this.map.getSource(ASSETS) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data as Parameters<GeoJSONSource['setData']>[0]);
      return;
    }
    this.map.addSource(ASSETS, { type: 'geojson', data: data as Parameters<GeoJSONSource['setData']>[0] });
    this.map.addLayer({
      id: `${ASSETS}-points`,
      type: 'circle',
      source: ASSETS,
      minzoom: 14,
      paint: { 'circle-color': '#ffdd00', 'circle-radius': 6, 'circle-stroke-width': 2, 'circle-stroke-color': '#0b0c0c' },
    });
  }

  /** Resolves when the map has drawn everything it is waiting for. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) resolve();
      else this.map.once('idle', () => resolve());
    });
  }

  /** Text labels need the style's glyphs; reuse the font stack of one of its own text layers. */
  private fontStack(): string[] | null {
    const style = this.map.getStyle();
    if (!style.glyphs) return null;
    for (const layer of style.layers) {
      const font = layer.type === 'symbol' ? layer.layout?.['text-font'] : undefined;
      if (Array.isArray(font)) return font as string[];
    }
    return null;
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.map.remove();
  }
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
