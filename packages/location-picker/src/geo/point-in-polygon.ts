/**
 * Point-in-polygon by ray casting (even–odd rule), for GeoJSON Polygon and MultiPolygon
 * geometries in `[lng, lat]`. A council boundary has a few hundred vertices and we test one
 * point at a time, so twenty lines beat a dependency; holes (inner rings) are honoured.
 */
export type Position = readonly number[];
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

function inRing(lng: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    // Does the horizontal ray east of the point cross the edge (j → i)?
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lng: number, lat: number, rings: Position[][]): boolean {
  if (!rings.length || !inRing(lng, lat, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
}

/** Whether the point lies inside the polygon (outer ring minus holes). */
export function pointInPolygon(lng: number, lat: number, geometry: PolygonGeometry): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lng, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lng, lat, polygon));
}
