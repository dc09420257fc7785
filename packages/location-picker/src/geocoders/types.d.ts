/** One place a geocoder offers the resident. */
export interface GeocodeResult {
    /** Stable id for the listbox option (UPRN, OSM id, postcode…). */
    id: string;
    /** The one-line address shown and sent as Open311 `address_string`. */
    label: string;
    lat: number;
    lng: number;
    /** Unique Property Reference Number, when the source has one. */
    uprn?: string;
}
export interface SearchOptions {
    signal?: AbortSignal;
    limit?: number;
    /** [west, south, east, north] of the council's area, for services that can prefer it. */
    bounds?: readonly [number, number, number, number] | null;
}
/** An address/postcode search service. */
export interface Geocoder {
    search(query: string, options?: SearchOptions): Promise<GeocodeResult[]>;
    /** The nearest address to a point, or null when there is none near. */
    reverse(lat: number, lng: number, options?: {
        signal?: AbortSignal;
    }): Promise<GeocodeResult | null>;
}
/** The service could not be reached or answered with an error. */
export declare class GeocoderError extends Error {
    readonly status?: number | undefined;
    constructor(message: string, status?: number | undefined);
}
/** GETs JSON; `notFound` statuses answer `null` (some services use 404 for "no match"). */
export declare function getJson(url: string, signal?: AbortSignal, notFound?: number[]): Promise<unknown>;
/** Resolves a possibly relative URL against the page (absolute in Node tests). */
export declare function absolute(url: string): URL;
/** A finite lat/lng pair, or null. */
export declare function point(lat: unknown, lng: unknown): {
    lat: number;
    lng: number;
} | null;
/** A full UK postcode, whatever the spacing and case. */
export declare const fullPostcode: RegExp;
