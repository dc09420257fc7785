import { pointInPolygon, type PolygonGeometry } from './point-in-polygon.js';

/** One polygon of a boundary or areas GeoJSON, as the reference server's `/api/area` serves it. */
export interface AreaFeature {
  name: string;
  role: 'council' | 'neighbour' | 'area';
  /** Where a resident should go instead (neighbours). */
  url?: string;
  /** What to tell a resident whose point falls here (neighbours). */
  message?: string;
  /** The Welsh of `name` and `message`, for Welsh pages (a `cy` object in the feature's properties). */
  cy?: { name?: string; message?: string };
  geometry: PolygonGeometry;
}

/** An area's `name` or `message` in `locale`: its Welsh where the file gives it, else as written. */
export function areaText(area: AreaFeature, key: 'name' | 'message', locale: string): string | undefined {
  return (locale === 'cy' && area.cy?.[key]) || area[key];
}

/** Where a point falls. */
export type BoundaryVerdict =
  | { inside: true; area: string | null }
  | { inside: false; neighbour: AreaFeature | null };

interface GeoJsonFeature {
  type?: string;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** Reads the polygons of a GeoJSON FeatureCollection; other geometries are skipped. */
export function readAreas(json: unknown, defaultRole: AreaFeature['role'] = 'area'): AreaFeature[] {
  const features = (json as { features?: GeoJsonFeature[] } | null)?.features;
  if (!Array.isArray(features)) throw new TypeError('not a GeoJSON FeatureCollection');
  const areas: AreaFeature[] = [];
  for (const feature of features) {
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
    const props = feature.properties ?? {};
    const role = props.role === 'council' || props.role === 'neighbour' ? props.role : defaultRole;
    // Text from a file is data: only strings are kept, and they are shown as text.
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    const cy = props.cy && typeof props.cy === 'object' ? (props.cy as Record<string, unknown>) : {};
    areas.push({
      name: text(props.name) ?? '',
      role,
      url: text(props.url),
      message: text(props.message),
      ...(text(cy.name) || text(cy.message) ? { cy: { name: text(cy.name), message: text(cy.message) } } : {}),
      geometry: feature.geometry as PolygonGeometry,
    });
  }
  return areas;
}

/**
 * Judges a point against a boundary file. The council's own polygons are those with
 * `role: "council"`; a file with no role at all counts every polygon as the council's.
 */
export function judgePoint(areas: readonly AreaFeature[], lat: number, lng: number): BoundaryVerdict {
  const council = areas.filter((a) => a.role === 'council');
  const own = council.length ? council : areas.filter((a) => a.role !== 'neighbour');
  const home = own.find((a) => pointInPolygon(lng, lat, a.geometry));
  if (home) return { inside: true, area: home.name || null };
  const neighbour = areas.find((a) => a.role === 'neighbour' && pointInPolygon(lng, lat, a.geometry)) ?? null;
  return { inside: false, neighbour };
}

/** The name of the area (e.g. parish) containing the point, if any. */
export function areaAt(areas: readonly AreaFeature[], lat: number, lng: number): string | null {
  return areas.find((a) => pointInPolygon(lng, lat, a.geometry))?.name || null;
}

/** [west, south, east, north] of the council's polygons, to frame the map. */
export function councilBounds(areas: readonly AreaFeature[]): [number, number, number, number] | null {
  const council = areas.filter((a) => a.role === 'council');
  const list = council.length ? council : areas;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const area of list) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const polygon of polygons)
      for (const [x, y] of polygon[0] ?? []) {
        w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
      }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** A loaded boundary or areas file with the questions the element asks of it. */
export class AreaSet {
  readonly bounds: [number, number, number, number] | null;
  constructor(readonly areas: readonly AreaFeature[]) {
    this.bounds = councilBounds(areas);
  }
  judge(lat: number, lng: number): BoundaryVerdict {
    return judgePoint(this.areas, lat, lng);
  }
  nameAt(lat: number, lng: number): string | null {
    return areaAt(this.areas, lat, lng);
  }
  /** The council's name, in Welsh on a Welsh page where the file gives it. */
  councilName(locale = 'en'): string | null {
    const council = this.areas.find((a) => a.role === 'council');
    return (council && areaText(council, 'name', locale)) || null;
  }
}

/** Parses a boundary/areas GeoJSON document. */
export const toAreaSet = (json: unknown): AreaSet => new AreaSet(readAreas(json));
