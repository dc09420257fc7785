/** The GeoJSON the map draws: points with a string `id` property. */
export interface PointFeature {
    type: 'Feature';
    geometry: {
        type: 'Point';
        coordinates: [number, number];
    };
    properties: {
        id: string;
        [key: string]: unknown;
    };
}
export interface PointCollection {
    type: 'FeatureCollection';
    features: PointFeature[];
}
/** An Open311 service request as `GET requests` returns it (JSON; strings or numbers). */
export interface Open311Request {
    service_request_id?: string | number | null;
    lat?: number | string | null;
    long?: number | string | null;
    service_code?: string | number | null;
    service_name?: string | null;
    status?: string | null;
    [key: string]: unknown;
}
/** Open311 requests → points; requests without an id or a position are left out. */
export declare function reportsToPoints(requests: readonly Open311Request[]): PointCollection;
/**
 * The request list from a `GET requests` JSON body as servers send it: the spec's bare array,
 * or wrapped as `{"service_requests": [...]}` / `{"service_requests": {...}}` (one request).
 */
export declare function readRequests(json: unknown): Open311Request[];
/**
 * An assets GeoJSON → points with the asset id in `properties.id`, read from the property the
 * council names (`asset-id-property`), else the feature's own `id`.
 */
export declare function assetsToPoints(json: unknown, idProperty?: string): PointCollection;
