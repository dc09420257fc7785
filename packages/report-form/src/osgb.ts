/**
 * WGS84 latitude/longitude → Ordnance Survey National Grid (OSGB36) easting and northing, in
 * metres: what FixMyStreet sends as `attribute[easting]`/`attribute[northing]` to UK councils'
 * Open311 servers (perllib/Utils.pm convert_latlon_to_en → mySociety::GeoUtil). A Helmert
 * datum shift then the OS Transverse Mercator projection ("A guide to coordinate systems in
 * Great Britain", Ordnance Survey, annexes B and C): within about 5 m of OSTN15, which is well
 * inside the accuracy of a pin dropped on a map, and some 60 lines instead of a projection library.
 */

const RAD = Math.PI / 180;
const SEC = RAD / 3600;

/** Ellipsoid semi-major and semi-minor axes (m). */
const WGS84 = { a: 6378137, b: 6356752.3141 };
const AIRY1830 = { a: 6377563.396, b: 6356256.909 };

/** WGS84 → OSGB36 Helmert parameters (metres, ppm, arc seconds), from the OS guide, table 4. */
const H = { tx: -446.448, ty: 125.157, tz: -542.06, s: 20.4894e-6, rx: -0.1502 * SEC, ry: -0.247 * SEC, rz: -0.8421 * SEC };

function toCartesian(lat: number, lon: number, e: { a: number; b: number }): [number, number, number] {
  const e2 = 1 - (e.b * e.b) / (e.a * e.a);
  const nu = e.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return [nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), nu * (1 - e2) * Math.sin(lat)];
}

function fromCartesian([x, y, z]: [number, number, number], e: { a: number; b: number }): [number, number] {
  const e2 = 1 - (e.b * e.b) / (e.a * e.a);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - e2));
  // Converges to well under a millimetre in a few rounds.
  for (let i = 0; i < 6; i++) {
    const nu = e.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(z + e2 * nu * Math.sin(lat), p);
  }
  return [lat, Math.atan2(y, x)];
}

/** National Grid projection of an OSGB36 latitude/longitude (radians). */
function project(lat: number, lon: number): [number, number] {
  const { a, b } = AIRY1830;
  const F0 = 0.9996012717;
  const lat0 = 49 * RAD;
  const lon0 = -2 * RAD;
  const [E0, N0] = [400000, -100000];
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  const sin = Math.sin(lat);
  const cos = Math.cos(lat);
  const tan = Math.tan(lat);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const dLat = lat - lat0;
  const sLat = lat + lat0;
  const M =
    b *
    F0 *
    ((1 + n + (5 / 4) * n ** 2 + (5 / 4) * n ** 3) * dLat -
      (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(dLat) * Math.cos(sLat) +
      ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * dLat) * Math.cos(2 * sLat) -
      (35 / 24) * n ** 3 * Math.sin(3 * dLat) * Math.cos(3 * sLat));
  const I = M + N0;
  const II = (nu / 2) * sin * cos;
  const III = (nu / 24) * sin * cos ** 3 * (5 - tan ** 2 + 9 * eta2);
  const IIIA = (nu / 720) * sin * cos ** 5 * (61 - 58 * tan ** 2 + tan ** 4);
  const IV = nu * cos;
  const V = (nu / 6) * cos ** 3 * (nu / rho - tan ** 2);
  const VI = (nu / 120) * cos ** 5 * (5 - 18 * tan ** 2 + tan ** 4 + 14 * eta2 - 58 * tan ** 2 * eta2);
  const dLon = lon - lon0;
  const N = I + II * dLon ** 2 + III * dLon ** 4 + IIIA * dLon ** 6;
  const E = E0 + IV * dLon + V * dLon ** 3 + VI * dLon ** 5;
  return [E, N];
}

/** Easting and northing in whole metres, as FixMyStreet sends them. */
export function toNationalGrid(lat: number, lng: number): { easting: number; northing: number } {
  const [x, y, z] = toCartesian(lat * RAD, lng * RAD, WGS84);
  const s1 = 1 + H.s;
  const shifted: [number, number, number] = [
    H.tx + s1 * x - H.rz * y + H.ry * z,
    H.ty + H.rz * x + s1 * y - H.rx * z,
    H.tz - H.ry * x + H.rx * y + s1 * z,
  ];
  const [lat36, lon36] = fromCartesian(shifted, AIRY1830);
  const [easting, northing] = project(lat36, lon36);
  return { easting: Math.round(easting), northing: Math.round(northing) };
}
