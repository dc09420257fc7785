import { type PolygonGeometry } from './point-in-polygon.js';
/** One polygon of a boundary or areas GeoJSON, as the reference server's `/api/area` serves it. */
export interface AreaFeature {
    name: string;
    role: 'council' | 'neighbour' | 'area';
    /** Where a resident should go instead (neighbours). */
    url?: string;
    /** What to tell a resident whose point falls here (neighbours). */
    message?: string;
    geometry: PolygonGeometry;
}
/** Where a point falls. */
export type BoundaryVerdict = {
    inside: true;
    area: string | null;
} | {
    inside: false;
    neighbour: AreaFeature | null;
};
/** Reads the polygons of a GeoJSON FeatureCollection; other geometries are skipped. */
export declare function readAreas(json: unknown, defaultRole?: AreaFeature['role']): AreaFeature[];
/**
 * Judges a point against a boundary file. The council's own polygons are those with
 * `role: "council"`; a file with no role at all counts every polygon as the council's.
 */
export declare function judgePoint(areas: readonly AreaFeature[], lat: number, lng: number): BoundaryVerdict;
/** The name of the area (e.g. parish) containing the point, if any. */
export declare function areaAt(areas: readonly AreaFeature[], lat: number, lng: number): string | null;
/** [west, south, east, north] of the council's polygons, to frame the map. */
export declare function councilBounds(areas: readonly AreaFeature[]): [number, number, number, number] | null;
/** A loaded boundary or areas file with the questions the element asks of it. */
export declare class AreaSet {
    readonly areas: readonly AreaFeature[];
    readonly bounds: [number, number, number, number] | null;
    constructor(areas: readonly AreaFeature[]);
    judge(lat: number, lng: number): BoundaryVerdict;
    nameAt(lat: number, lng: number): string | null;
    get councilName(): string | null;
}
/** Parses a boundary/areas GeoJSON document. */
export declare const toAreaSet: (json: unknown) => AreaSet;
