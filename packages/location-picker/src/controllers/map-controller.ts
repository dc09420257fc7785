import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AreaSet } from '../geo/boundary.js';
import type { Open311Request } from '../geo/features.js';
import type { MapKeyboard, MapKeyboardOptions, MapView, MapViewOptions } from '../map/map-view.js';

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
  /** What the map's keys do (map/keyboard.ts, loaded with the map). */
  keys: Omit<MapKeyboardOptions, 'view'>;
}

/**
 * Owns the lazily loaded MapLibre map: waits until the map's box is on screen, then imports
 * MapLibre (a separate chunk), adopts its CSS into the shadow root, shows reports and assets,
 * and falls back to `failed` (the element then shows its message) on any error. Each load goes
 * through a Task: a newer one (the map shown again, another reports URL) aborts the older, and
 * only the latest answer is drawn.
 */
export class MapController implements ReactiveController {
  state: MapState = 'off';
  view?: MapView;
  /** The map's keys, once the map is up. */
  keyboard?: MapKeyboard;
  /** The keyboard list of nearby assets, loaded once assets are on the map. */
  assetList?: typeof import('../map/asset-list.js');
  /** Resolves once the map has loaded and drawn everything (never, if there is no map). */
  readonly ready: Promise<void>;

  private resolveReady!: () => void;
  private observer?: IntersectionObserver;
  /** MapLibre and the map itself, run when the map's box comes on screen. */
  private readonly mapLoad: Task<readonly [HTMLElement], MapView>;
  /** The reports to draw: the `reports` property, else fetched from `reports-src`. */
  private readonly reportsLoad: Task;
  /** The assets GeoJSON (`assets-src`), and the keyboard list of them once there are some. */
  private readonly assetsLoad: Task;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly o: MapControllerOptions,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    host.addController(this);
    this.mapLoad = new Task(host, {
      autoRun: false,
      task: ([container], { signal }) => this.create(container, signal),
      onComplete: (view) => this.show(view),
      onError: (error) => {
        // A load given up (the map switched off, the picker left the page) is not a failure.
        if (this.state !== 'loading') return;
        this.setState('failed');
        o.onError('map', (error as Error)?.message ?? 'the map failed', error);
      },
    });
    this.reportsLoad = new Task(host, {
      args: () => {
        const { reports, reportsSrc } = o.settings();
        return [this.view, reports, reportsSrc] as const;
      },
      task: ([view, reports, src], { signal }) => view?.loadReports(reports, src, signal),
      onError: (error) => o.onError('load-reports', 'could not load reports', error),
    });
    this.assetsLoad = new Task(host, {
      args: () => {
        const { assetsSrc, assetIdProperty } = o.settings();
        return [this.view, assetsSrc, assetIdProperty] as const;
      },
      task: async ([view, src, idProperty], { signal }) => {
        if (!view || !src || !(await view.loadAssets(src, idProperty, signal, (error) => o.onError('load-assets', 'assets are not a GeoJSON FeatureCollection', error)))) return;
        this.assetList ??= await import('../map/asset-list.js');
      },
      onError: (error) => o.onError('load-assets', 'could not load assets', error),
    });
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
    const container = this.o.container();
    if (this.state !== 'waiting' || !container || this.observer) return;
    // "Only when the map is shown": MapLibre is fetched once the map's box is on screen.
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.observer?.disconnect();
      this.observer = undefined;
      if (this.state !== 'waiting') return;
      this.setState('loading');
      void this.mapLoad.run([container]);
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
    this.mapLoad.abort();
    this.view?.destroy();
    this.view = undefined;
  }

  private async create(container: HTMLElement, signal: AbortSignal): Promise<MapView> {
    const settings = this.o.settings();
    const [module, assets] = await Promise.all([import('../map/map-view.js'), settings.assets ?? import('../map/maplibre-assets.js')]);
    const boundary = await this.o.boundary();
    const view = await module.mountMap(this.host.shadowRoot, assets.css, {
      container,
      style: settings.style,
      workerUrl: settings.workerUrl || assets.workerUrl,
      bounds: settings.center ? null : boundary?.bounds,
      center: settings.center,
      zoom: settings.zoom,
      pinLabel: this.o.pinLabel(),
      readonly: settings.readonly,
      onPick: this.o.onPick,
      onReportSelect: this.o.onReportSelect,
      onAssetSelect: this.o.onAssetSelect,
    });
    // Switched off or left the page meanwhile (destroy() aborted this load).
    if (signal.aborted) {
      view.destroy();
      throw signal.reason;
    }
    this.keyboard ??= new module.MapKeyboard({ ...this.o.keys, view: () => this.view });
    return view;
  }

  private show(view: MapView): void {
    this.view = view;
    view.setPin(this.o.pin());
    this.setState('ready');
    void this.settle(view);
  }

  /** Ready once the reports and assets (loaded for the new view in the next update) are drawn. */
  private async settle(view: MapView): Promise<void> {
    await this.host.updateComplete;
    await Promise.allSettled([this.reportsLoad.taskComplete, this.assetsLoad.taskComplete]);
    await view.idle();
    this.resolveReady();
  }
}
