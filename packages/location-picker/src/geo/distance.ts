/** Small-distance geometry on WGS 84 degrees: enough for moving a pin a few metres. */
const EARTH_RADIUS = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

export type Direction = 'north' | 'south' | 'east' | 'west';

/** The point `metres` away in one compass direction (equirectangular; exact enough under 1 km). */
export function offset(lat: number, lng: number, metres: number, direction: Direction): { lat: number; lng: number } {
  const angular = toDeg(metres / EARTH_RADIUS);
  switch (direction) {
    case 'north':
      return { lat: lat + angular, lng };
    case 'south':
      return { lat: lat - angular, lng };
    case 'east':
      return { lat, lng: lng + angular / Math.cos(toRad(lat)) };
    case 'west':
      return { lat, lng: lng - angular / Math.cos(toRad(lat)) };
  }
}

/** Great-circle distance in metres (haversine). */
export function distance(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}
