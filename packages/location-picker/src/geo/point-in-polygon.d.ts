/**
 * Point-in-polygon by ray casting (even–odd rule), for GeoJSON Polygon and MultiPolygon
 * geometries in `[lng, lat]`. A council boundary has a few hundred vertices and we test one
 * point at a time, so twenty lines beat a dependency; holes (inner rings) are honoured.
 */
export type Position = readonly number[];
export type PolygonGeometry = {
    type: 'Polygon';
    coordinates: Position[][];
} | {
    type: 'MultiPolygon';
    coordinates: Position[][][];
};
/** Whether the point lies inside the polygon (outer ring minus holes). */
export declare function pointInPolygon(lng: number, lat: number, geometry: PolygonGeometry): boolean;
