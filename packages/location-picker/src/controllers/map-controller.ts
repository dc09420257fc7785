import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AreaSet } from '../geo/boundary.js';
import type { Open311Request } from '../geo/features.js';
import type { MapView, MapViewOptions } from '../map/map-view.js';

/** MapLibre's worker URL and CSS text, for builds that cannot import `?url` / `?inline`. */
export interface MapAssets {
  workerUrl?: string;
  css?: string;
}

/** off: no map configured · waiting: until its box is on screen · then loading → ready | failed. */
export type MapState = 'off' | 'waiting' | 'loading' | 'ready' | 'failed';

export interface MapSettings {
  style: string;
  workerUrl: string;
  assets: MapAssets | null;
  center: { lat: number; lng: number } | null;
  zoom: number;
  reports: readonly Open311Request[] | null;
  reportsSrc: string;
  assetsSrc: string;
  assetIdProperty: string;
  readonly: boolean;
}

export interface MapControllerOptions extends Pick<MapViewOptions, 'onPick' | 'onReportSelect' | 'onAssetSelect'> {
  container(): HTMLElement | null | undefined;
  settings(): MapSettings;
  boundary(): Promise<AreaSet | null>;
  pin(): { lat: number; lng: number } | null;
  pinLabel(): string;
  onError(operation: string, message: string, cause: unknown): void;
}

/**
 * Owns the lazily loaded MapLibre map: waits until the map's box is on screen, then imports
 * MapLibre (a separate chunk), adopts its CSS into the shadow root, shows reports and assets,
 * and falls back to `failed` (the element then shows its message) on any error.
 */
export class MapController implements ReactiveController {
  state: MapState = 'off';
  view?: MapView;
  /** The keyboard list of nearby assets, loaded once assets are on the map. */
  assetList?: typeof import('../map/asset-list.js');
  /** Resolves once the map has loaded and drawn everything (never, if there is no map). */
  readonly ready: Promise<void>;

  private resolveReady!: () => void;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MapControllerOptions,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    host.addController(this);
  }

  private setState(state: MapState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Called when the style URL or the `map` switch changes. */
  setWanted(wanted: boolean): void {
    if (!wanted) {
      this.destroy();
      this.state = 'off';
    } else if (this.state === 'off') {
      this.state = 'waiting';
    }
  }

  hostUpdated(): void {
    const container = this.options.container();
    if (this.state !== 'waiting' || !container || this.observer) return;
    // "Only when the map is shown": MapLibre is fetched once the map's box is on screen.
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.observer?.disconnect();
      this.observer = undefined;
      void this.load(container);
    });
    this.observer.observe(container);
  }

  hostDisconnected(): void {
    this.destroy();
    if (this.state !== 'off') this.setState('waiting');
  }

  private destroy(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.view?.destroy();
    this.view = undefined;
  }

  private async load(container: HTMLElement): Promise<void> {
    if (this.state !== 'waiting') return;
    this.setState('loading');
    const settings = this.options.settings();
    try {
      const [module, assets] = await Promise.all([
        import('../map/map-view.js'),
        settings.assets ?? import('../map/maplibre-assets.js'),
      ]);
      const root = this.host.shadowRoot;
      if (assets.css && root) {
        const sheet = sheetFor(assets.css);
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
      const boundary = await this.options.boundary();
      const view = await module.createMapView({
        container,
        style: settings.style,
        workerUrl: settings.workerUrl || assets.workerUrl,
        bounds: settings.center ? null : boundary?.bounds,
        center: settings.center,
        zoom: settings.zoom,
        pinLabel: this.options.pinLabel(),
        readonly: settings.readonly,
        onPick: this.options.onPick,
        onReportSelect: this.options.onReportSelect,
        onAssetSelect: this.options.onAssetSelect,
      });
      if (!this.host.isConnected || (this.state as MapState) !== 'loading') {
        view.destroy();
        return;
      }
      this.view = view;
      view.setPin(this.options.pin());
      this.setState('ready');
      await Promise.all([this.showReports(), this.showAssets()]);
      await view.idle();
      this.resolveReady();
    } catch (error) {
      this.setState('failed');
      this.options.onError('map', (error as Error)?.message ?? 'the map failed', error);
    }
  }

  /** Draws the reports from the `reports` property, else fetches `reports-src`. */
  async showReports(): Promise<void> {
    const { reports, reportsSrc } = this.options.settings();
    const requests: unknown = reports ?? (reportsSrc ? await this.fetchJson(reportsSrc, 'load-reports') : null);
    if (requests) this.view?.setReports(requests);
  }

  async showAssets(): Promise<void> {
    const { assetsSrc, assetIdProperty } = this.options.settings();
    if (!assetsSrc) return;
    const json = await this.fetchJson(assetsSrc, 'load-assets');
    if (!json) return;
    try {
      this.view?.setAssets(json, assetIdProperty);
      if (this.view?.hasAssets && !this.assetList) this.assetList = await import('../map/asset-list.js');
      this.host.requestUpdate();
    } catch (error) {
      this.options.onError('load-assets', 'assets are not a GeoJSON FeatureCollection', error);
    }
  }

  private async fetchJson(url: string, operation: string): Promise<unknown> {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return await response.json();
    } catch (error) {
      this.options.onError(operation, `could not load ${operation.replace('load-', '')}`, error);
      return null;
    }
  }
}

const sheets = new Map<string, CSSStyleSheet>();
/** One constructed sheet per CSS text, shared by every picker on the page. */
function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}
