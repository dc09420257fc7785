import { Map as MapLibreMap } from 'maplibre-gl';
import { type Direction } from '../geo/distance.js';
/** What the element hands the map. All URLs come from the council's configuration. */
export interface MapViewOptions {
    container: HTMLElement;
    style: string;
    workerUrl?: string;
    /** [west, south, east, north] to frame at first. */
    bounds?: readonly [number, number, number, number] | null;
    center?: {
        lat: number;
        lng: number;
    } | null;
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
export declare class NoWebGLError extends Error {
    name: string;
}
export declare function webglAvailable(): boolean;
/** Creates the map and resolves once its style has loaded (rejects on a style error or no WebGL). */
export declare function createMapView(options: MapViewOptions): Promise<MapView>;
export declare class MapView {
    readonly map: MapLibreMap;
    private readonly options;
    private readonly marker;
    private pinShown;
    private assets;
    constructor(map: MapLibreMap, options: MapViewOptions);
    private onClick;
    /** Shows the pin at a point (keeping it in view), or hides it. */
    setPin(point: {
        lat: number;
        lng: number;
    } | null): void;
    /** Where the pin is drawn on screen (CSS pixels from the map's top left), or null. */
    pinScreenPosition(): {
        x: number;
        y: number;
    } | null;
    center(): {
        lat: number;
        lng: number;
    };
    flyTo(point: {
        lat: number;
        lng: number;
    }, zoom?: number): void;
    zoomBy(delta: number): void;
    /** The point `metres` from `from` in one direction (for the arrow keys). */
    step(from: {
        lat: number;
        lng: number;
    }, metres: number, direction: Direction): {
        lat: number;
        lng: number;
    };
    /** The asset nearest a point within `maxMetres`, so keyboard users can choose assets too. */
    nearestAsset(point: {
        lat: number;
        lng: number;
    }, maxMetres: number): {
        id: string;
        lat: number;
        lng: number;
        metres: number;
    } | null;
    /**
     * Existing reports — Open311 request objects, or a `GET requests` JSON body — clustered by
     * MapLibre so tens of thousands stay smooth.
     */
    setReports(requests: unknown): void;
    /** Council assets (street lights, bins…) a resident can choose to snap the pin to; throws on bad GeoJSON. */
    setAssets(json: unknown, idProperty: string): void;
    /** Resolves when the map has drawn everything it is waiting for. */
    idle(): Promise<void>;
    /** Text labels need the style's glyphs; reuse the font stack of one of its own text layers. */
    private fontStack;
    resize(): void;
    destroy(): void;
}
