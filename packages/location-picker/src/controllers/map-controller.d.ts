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
    center: {
        lat: number;
        lng: number;
    } | null;
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
    pin(): {
        lat: number;
        lng: number;
    } | null;
    pinLabel(): string;
    onError(operation: string, message: string, cause: unknown): void;
}
/**
 * Owns the lazily loaded MapLibre map: waits until the map's box is on screen, then imports
 * MapLibre (a separate chunk), adopts its CSS into the shadow root, shows reports and assets,
 * and falls back to `failed` (the element then shows its message) on any error.
 */
export declare class MapController implements ReactiveController {
    private readonly host;
    private readonly options;
    state: MapState;
    view?: MapView;
    /** Resolves once the map has loaded and drawn everything (never, if there is no map). */
    readonly ready: Promise<void>;
    private resolveReady;
    private observer?;
    constructor(host: ReactiveControllerHost & HTMLElement, options: MapControllerOptions);
    private setState;
    /** Called when the style URL or the `map` switch changes. */
    setWanted(wanted: boolean): void;
    hostUpdated(): void;
    hostDisconnected(): void;
    private destroy;
    private load;
    /** Draws the reports from the `reports` property, else fetches `reports-src`. */
    showReports(): Promise<void>;
    showAssets(): Promise<void>;
    private fetchJson;
}
