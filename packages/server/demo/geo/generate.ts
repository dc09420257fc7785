/**
 * Generates the demo geography of the fictional Larkmead District Council.
 *
 *   pnpm exec tsx packages/server/demo/geo/generate.ts
 *
 * Every place, road, parish, clerk, postcode and address here is invented. The output is
 * deterministic (a seeded PRNG, fixed input), so re-running it rewrites identical files, and
 * the generated files are committed: the server reads them, it never runs this script.
 *
 * Output (next to this file):
 * - boundary.geojson  the council polygon (role "council") and the neighbours that surround it
 *                     (role "neighbour", with the url/message a resident needs to report there)
 * - parishes.geojson  four parishes fully inside the council; the town itself is unparished
 * - roads.geojson     LineStrings {name, name_cy?, class: primary|secondary|tertiary|residential, ref?}
 * - places.geojson    Points {name, kind: town|village}
 * - addresses.json    the gazetteer: [{uprn, number, name, street, street_cy?, town, postcode, lat, lng}]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type LngLat = [number, number];
type Ring = LngLat[];

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: a tiny seeded PRNG so the output never changes between runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261123);

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const pt = (lng: number, lat: number): LngLat => [round(lng), round(lat)];

/** Signed area (shoelace, in degrees²): positive = counter-clockwise. */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

/** Closes a ring and winds it counter-clockwise, as RFC 7946 §3.1.6 asks of exterior rings. */
function closeCcw(open: Ring): Ring {
  const ring = [...open, open[0]!];
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

function pointInRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentsCross(a: LngLat, b: LngLat, c: LngLat, d: LngLat): boolean {
  const o = (p: LngLat, q: LngLat, r: LngLat) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
}

/** True when `inner` lies strictly inside `outer`: every vertex inside, no edges crossing. */
function ringInside(inner: Ring, outer: Ring): boolean {
  if (!inner.every((p) => pointInRing(p, outer))) return false;
  for (let i = 0; i < inner.length - 1; i++) {
    for (let j = 0; j < outer.length - 1; j++) {
      if (segmentsCross(inner[i]!, inner[i + 1]!, outer[j]!, outer[j + 1]!)) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The council: an irregular polygon around (-1.50, 52.225), about lng -1.65..-1.35 and
// lat 52.15..52.30. Vertex 0 is due north and vertex N/2 due south, both on lng -1.50, so the
// two neighbours can share the council's edge exactly and split the surroundings at lng -1.50.
// ---------------------------------------------------------------------------------------------
const CENTRE: LngLat = [-1.5, 52.225];
const RX = 0.15;
const RY = 0.073;
const N = 24;
const councilOpen: Ring = [];
for (let i = 0; i < N; i++) {
  const angle = Math.PI / 2 - (i * 2 * Math.PI) / N; // clockwise from north
  const r = i === 0 || i === N / 2 ? 0.97 : 0.9 + rand() * 0.1;
  const lng = i === 0 || i === N / 2 ? CENTRE[0] : CENTRE[0] + Math.cos(angle) * RX * r;
  councilOpen.push(pt(lng, CENTRE[1] + Math.sin(angle) * RY * r));
}
const council = closeCcw(councilOpen);
const north = councilOpen[0]!;
const south = councilOpen[N / 2]!;
// councilOpen runs clockwise from north: east side is 0..N/2, west side is N/2..N (then north).
const eastArc = councilOpen.slice(0, N / 2 + 1); // north → south via east
const westArc = [...councilOpen.slice(N / 2), north]; // south → north via west

const OUTER = { west: -1.85, east: -1.15, south: 52.05, north: 52.4 };
const westshire = closeCcw([
  north,
  pt(CENTRE[0], OUTER.north),
  pt(OUTER.west, OUTER.north),
  pt(OUTER.west, OUTER.south),
  pt(CENTRE[0], OUTER.south),
  ...westArc.slice(0, -1), // south → … (stop before north; the ring closes there)
]);
const eastmoor = closeCcw([
  ...eastArc, // north → … → south
  pt(CENTRE[0], OUTER.south),
  pt(OUTER.east, OUTER.south),
  pt(OUTER.east, OUTER.north),
  pt(CENTRE[0], OUTER.north),
]);

const boundary = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {
        name: 'Larkmead District Council',
        role: 'council',
        url: 'https://larkmead.example.gov.uk/',
      },
      geometry: { type: 'Polygon', coordinates: [council] },
    },
    {
      type: 'Feature',
      properties: {
        name: 'Westshire',
        role: 'neighbour',
        url: 'https://westshire.example.gov.uk/report',
        message: 'This location is in Westshire. Report it to Westshire Council.',
      },
      geometry: { type: 'Polygon', coordinates: [westshire] },
    },
    {
      type: 'Feature',
      properties: {
        name: 'Eastmoor',
        role: 'neighbour',
        url: 'https://eastmoor.example.gov.uk/report',
        message: 'This location is in Eastmoor. Report it to Eastmoor Council.',
      },
      geometry: { type: 'Polygon', coordinates: [eastmoor] },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Places. Larkmead (the town) is unparished, as many English towns are; each village has a
// parish council with a clerk. Kestrel End is a hamlet in the unparished part of the district.
// ---------------------------------------------------------------------------------------------
interface Settlement {
  name: string;
  kind: 'town' | 'village';
  at: LngLat;
  outward: string;
  parish?: { code: string; clerk: { name: string; email: string; phone: string } };
}
const settlements: Settlement[] = [
  { name: 'Larkmead', kind: 'town', at: [-1.505, 52.228], outward: 'LK1' },
  {
    name: 'Fenbury',
    kind: 'village',
    at: [-1.572, 52.254],
    outward: 'LK3',
    parish: { code: 'LKP01', clerk: { name: 'Margaret Oakes', email: 'clerk@fenbury-pc.example.org', phone: '01632 960101' } },
  },
  {
    name: 'Thistleby',
    kind: 'village',
    at: [-1.436, 52.255],
    outward: 'LK4',
    parish: { code: 'LKP02', clerk: { name: 'David Hollins', email: 'clerk@thistleby-pc.example.org', phone: '01632 960202' } },
  },
  {
    name: 'Sallowfield',
    kind: 'village',
    at: [-1.572, 52.19],
    outward: 'LK5',
    parish: { code: 'LKP03', clerk: { name: 'Priya Sandhu', email: 'clerk@sallowfield-pc.example.org', phone: '01632 960303' } },
  },
  {
    name: 'Wrenhurst Parva',
    kind: 'village',
    at: [-1.436, 52.188],
    outward: 'LK6',
    parish: { code: 'LKP04', clerk: { name: 'Gareth Pryce', email: 'clerk@wrenhurst-pc.example.org', phone: '01632 960404' } },
  },
  { name: 'Kestrel End', kind: 'village', at: [-1.512, 52.168], outward: 'LK7' },
];

const places = {
  type: 'FeatureCollection',
  features: settlements.map((s) => ({
    type: 'Feature',
    properties: { name: s.name, kind: s.kind },
    geometry: { type: 'Point', coordinates: pt(...s.at) },
  })),
};

const parishFeatures = settlements
  .filter((s) => s.parish)
  .map((s) => {
    const open: Ring = [];
    const n = 12;
    for (let i = 0; i < n; i++) {
      const angle = (i * 2 * Math.PI) / n;
      const r = 0.85 + rand() * 0.3;
      open.push(pt(s.at[0] + Math.cos(angle) * 0.032 * r, s.at[1] + Math.sin(angle) * 0.019 * r));
    }
    const ring = closeCcw(open);
    if (!ringInside(ring, council)) throw new Error(`parish ${s.name} is not inside the council`);
    return {
      type: 'Feature',
      properties: { name: `${s.name} Parish Council`, code: s.parish!.code, clerk: s.parish!.clerk },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
for (let i = 0; i < parishFeatures.length; i++) {
  for (let j = i + 1; j < parishFeatures.length; j++) {
    const a = parishFeatures[i]!.geometry.coordinates[0]!;
    const b = parishFeatures[j]!.geometry.coordinates[0]!;
    if (a.some((p) => pointInRing(p, b)) || b.some((p) => pointInRing(p, a))) throw new Error('parishes overlap');
  }
}
const larkmeadTown = settlements[0]!;
if (parishFeatures.some((f) => pointInRing(larkmeadTown.at, f.geometry.coordinates[0]!))) {
  throw new Error('Larkmead town must stay unparished');
}
const parishes = { type: 'FeatureCollection', features: parishFeatures };

// ---------------------------------------------------------------------------------------------
// Roads. Offsets are in metres east/north of a settlement, converted at this latitude.
// ---------------------------------------------------------------------------------------------
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((CENTRE[1] * Math.PI) / 180);
const off = (base: LngLat, east: number, northM: number): LngLat =>
  pt(base[0] + east / M_PER_DEG_LNG, base[1] + northM / M_PER_DEG_LAT);

type RoadClass = 'primary' | 'secondary' | 'tertiary' | 'residential';
interface Road {
  name: string;
  class: RoadClass;
  ref?: string;
  town?: string; // where its addresses are; roads without one have no addresses
  coords: LngLat[];
  /** Houses per side; 0 for none. */
  houses?: number;
  /** Some village houses carry a name rather than (or as well as) a number. */
  named?: boolean;
}
const S = Object.fromEntries(settlements.map((s) => [s.name, s.at])) as Record<string, LngLat>;
const L = S['Larkmead']!;

const roads: Road[] = [
  // The A road crosses the district west to east through the town, changing name on the way.
  {
    name: 'Westshire Road',
    class: 'primary',
    ref: 'A4290',
    coords: [pt(-1.82, 52.238), pt(-1.7, 52.234), pt(-1.62, 52.236), off(L, -1500, 80), off(L, -700, 0)],
  },
  { name: 'High Street', class: 'primary', ref: 'A4290', town: 'Larkmead', houses: 22, coords: [off(L, -700, 0), off(L, 0, 15), off(L, 700, 0)] },
  {
    name: 'Eastmoor Road',
    class: 'primary',
    ref: 'A4290',
    coords: [off(L, 700, 0), off(L, 1600, -60), pt(-1.42, 52.222), pt(-1.3, 52.218), pt(-1.18, 52.215)],
  },
  // B roads from the town to the villages.
  { name: 'Fenbury Road', class: 'secondary', ref: 'B4551', coords: [off(L, -500, 0), off(L, -1200, 900), pt(-1.55, 52.25), off(S['Fenbury']!, 0, 0)] },
  { name: 'Thistleby Lane', class: 'secondary', ref: 'B4552', coords: [off(L, 500, 0), off(L, 1500, 1100), pt(-1.45, 52.255), off(S['Thistleby']!, 0, 0)] },
  { name: 'Sallowfield Road', class: 'secondary', ref: 'B4553', coords: [off(L, -400, 0), off(L, -1000, -1300), pt(-1.55, 52.2), off(S['Sallowfield']!, 0, 0)] },
  { name: 'Wrenhurst Road', class: 'secondary', ref: 'B4554', coords: [off(L, 400, 0), off(L, 1300, -1500), pt(-1.46, 52.195), off(S['Wrenhurst Parva']!, 0, 0)] },
  { name: 'Kestrel Lane', class: 'tertiary', coords: [off(L, 150, 0), off(L, 150, -1200), off(L, -200, -4000), off(S['Kestrel End']!, 0, 0)] },
  { name: 'Northfold Way', class: 'tertiary', coords: [off(S['Fenbury']!, 0, 0), pt(-1.56, 52.29), pt(-1.55, 52.33), pt(-1.54, 52.39)] },
  // Larkmead town streets.
  { name: 'Church Lane', class: 'residential', town: 'Larkmead', houses: 14, coords: [off(L, -250, 0), off(L, -270, 300), off(L, -230, 620)] },
  { name: 'Station Road', class: 'residential', town: 'Larkmead', houses: 16, coords: [off(L, 250, 0), off(L, 270, -350), off(L, 300, -750)] },
  { name: 'Mill Lane', class: 'residential', town: 'Larkmead', houses: 12, coords: [off(L, -250, 300), off(L, -600, 330), off(L, -900, 300)] },
  { name: 'Orchard Close', class: 'residential', town: 'Larkmead', houses: 8, coords: [off(L, 270, -350), off(L, 520, -360), off(L, 640, -300)] },
  { name: 'Abbey Way', class: 'residential', town: 'Larkmead', houses: 14, coords: [off(L, 250, 0), off(L, 240, 350), off(L, 400, 650)] },
  { name: 'Meadow View', class: 'residential', town: 'Larkmead', houses: 10, coords: [off(L, 240, 350), off(L, 550, 360), off(L, 800, 330)] },
  { name: 'Kingfisher Drive', class: 'residential', town: 'Larkmead', houses: 12, coords: [off(L, -250, 0), off(L, -300, -300), off(L, -650, -420)] },
  { name: 'Bridge Street', class: 'residential', town: 'Larkmead', houses: 10, coords: [off(L, 0, 15), off(L, 20, -250), off(L, 0, -500)] },
  { name: 'Tanners Row', class: 'residential', town: 'Larkmead', houses: 8, coords: [off(L, 20, -250), off(L, -200, -260)] },
];
// Village streets: the same three or four names recur in several villages, as they do in real
// gazetteers, so a search has to tell "Church Street, Fenbury" from "Church Street, Thistleby".
const villageStreets: Array<[string, Array<[string, number, number, number, number]>]> = [
  ['Fenbury', [['The Green', -200, 0, 200, 40], ['Church Street', 0, 0, 30, 350], ['School Lane', 0, 0, 40, -300], ['Pound Lane', 200, 40, 420, 180]]],
  ['Thistleby', [['The Green', -150, 20, 180, 0], ['Church Street', 0, 0, -40, 320], ['Back Lane', 180, 0, 380, -220]]],
  ['Sallowfield', [['Main Street', -300, 0, 300, 20], ['Church Street', 0, 0, 20, -300], ['Willow Walk', -300, 0, -420, 250]]],
  ['Wrenhurst Parva', [['The Street', -280, 0, 280, -20], ['School Lane', 60, 0, 90, 330], ['Ferry Lane', 280, -20, 450, -260]]],
  ['Kestrel End', [['Kestrel Lane', -120, 0, 150, 20]]],
];
for (const [town, streets] of villageStreets) {
  const base = S[town]!;
  for (const [name, e1, n1, e2, n2] of streets) {
    const mid = off(base, (e1 + e2) / 2 + (rand() - 0.5) * 40, (n1 + n2) / 2 + (rand() - 0.5) * 40);
    const len = Math.hypot(e2 - e1, n2 - n1);
    roads.push({
      name,
      class: 'residential',
      town,
      houses: Math.max(4, Math.round(len / 60)),
      named: true,
      coords: [off(base, e1, n1), mid, off(base, e2, n2)],
    });
  }
}

/*
 * The Welsh names of the streets that have one, as a Welsh council's bilingual street signs give
 * them: the basemap labels them in Welsh on a Welsh page (`name_cy`, style.json?lang=cy) and the
 * gazetteer finds an address by either name (`street_cy`). Streets named after a (fictional,
 * English) place keep their one name.
 */
const STREETS_CY: Record<string, string> = {
  'High Street': 'Stryd Fawr',
  'Main Street': 'Stryd Fawr',
  'Church Lane': 'Lôn yr Eglwys',
  'Church Street': 'Stryd yr Eglwys',
  'Station Road': 'Ffordd yr Orsaf',
  'Mill Lane': 'Lôn y Felin',
  'Bridge Street': 'Stryd y Bont',
  'School Lane': 'Lôn yr Ysgol',
  'Orchard Close': 'Clos y Berllan',
  'Meadow View': 'Golwg y Ddôl',
  'Back Lane': 'Lôn Gefn',
  'The Green': 'Y Grîn',
  'The Street': 'Y Stryd',
  'Ferry Lane': 'Lôn y Fferi',
};

const roadsGeo = {
  type: 'FeatureCollection',
  features: roads.map((r) => ({
    type: 'Feature',
    properties: {
      name: r.name,
      ...(STREETS_CY[r.name] ? { name_cy: STREETS_CY[r.name] } : {}),
      class: r.class,
      ...(r.ref ? { ref: r.ref } : {}),
      ...(r.town ? { town: r.town } : {}),
    },
    geometry: { type: 'LineString', coordinates: r.coords },
  })),
};

// ---------------------------------------------------------------------------------------------
// Addresses: houses spaced along each street on both sides, set back ~15 m, odd numbers on the
// left and even on the right as a surveyor walks from the first vertex. Postcodes group about a
// dozen neighbouring houses; inward codes use only the letters Royal Mail allows.
// ---------------------------------------------------------------------------------------------
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const HOUSE_NAMES = [
  'Rose Cottage', 'The Old Forge', 'Orchard House', 'Ivy Cottage', 'The Old School House', 'Brook Farm',
  'Holly Lodge', 'The Granary', 'Wren Cottage', 'Laurel Bank', 'The Old Bakery', 'Yew Tree House',
];

interface Address {
  uprn: string;
  number: string | null;
  name: string | null;
  street: string;
  /** The street's Welsh name, where it has one. */
  street_cy?: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
}

/** Local metric coordinates of a polyline: cumulative distance and a point/normal at a distance. */
function along(coords: LngLat[], d: number): { at: LngLat; normal: [number, number] } {
  let remaining = d;
  for (let i = 0; i < coords.length - 1; i++) {
    const [x1, y1] = coords[i]!;
    const [x2, y2] = coords[i + 1]!;
    const dx = (x2 - x1) * M_PER_DEG_LNG;
    const dy = (y2 - y1) * M_PER_DEG_LAT;
    const len = Math.hypot(dx, dy);
    if (remaining <= len || i === coords.length - 2) {
      const t = Math.min(1, remaining / len);
      return { at: [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t], normal: [-dy / len, dx / len] };
    }
    remaining -= len;
  }
  throw new Error('empty line');
}
function lineLength(coords: LngLat[]): number {
  let s = 0;
  for (let i = 0; i < coords.length - 1; i++) {
    s += Math.hypot((coords[i + 1]![0] - coords[i]![0]) * M_PER_DEG_LNG, (coords[i + 1]![1] - coords[i]![1]) * M_PER_DEG_LAT);
  }
  return s;
}

const addresses: Address[] = [];
const postcodeCounters = new Map<string, number>();
let uprn = 900_000_100_001;
for (const settlement of settlements) {
  for (const road of roads.filter((r) => r.town === settlement.name && r.houses)) {
    const len = lineLength(road.coords);
    const count = road.houses!;
    const perStreet: Address[] = [];
    // Each house name at most once per street: draw them from a shuffled copy.
    const names = [...HOUSE_NAMES].sort(() => rand() - 0.5);
    for (let k = 0; k < count * 2; k++) {
      const side = k % 2 === 0 ? 1 : -1; // odd numbers on the left
      const houseIndex = Math.floor(k / 2);
      const d = ((houseIndex + 0.5) / count) * len;
      const { at, normal } = along(road.coords, d);
      const setback = 14 + rand() * 6;
      const lng = at[0] + (side * normal[0] * setback) / M_PER_DEG_LNG;
      const lat = at[1] + (side * normal[1] * setback) / M_PER_DEG_LAT;
      const num = k + 1;
      const named = road.named && names.length > 0 && rand() < 0.3;
      perStreet.push({
        uprn: String(uprn++),
        number: named && rand() < 0.5 ? null : String(num),
        name: named ? names.pop()! : null,
        street: road.name,
        ...(STREETS_CY[road.name] ? { street_cy: STREETS_CY[road.name] } : {}),
        town: settlement.name,
        postcode: '',
        lat: round(lat),
        lng: round(lng),
      });
    }
    // Postcodes: runs of up to 12 houses along the street, per outward code. Larkmead is big
    // enough for two outward codes: north of the High Street LK1, south of it LK2.
    for (let i = 0; i < perStreet.length; i += 12) {
      const run = perStreet.slice(i, i + 12);
      const outward =
        settlement.name === 'Larkmead' ? (run[0]!.lat >= settlement.at[1] ? 'LK1' : 'LK2') : settlement.outward;
      const n = postcodeCounters.get(outward) ?? 0;
      postcodeCounters.set(outward, n + 1);
      const digit = (n % 9) + 1;
      const m = Math.floor(n / 9) * 7 + n; // spread the letters so neighbours differ
      const inward = `${digit}${INWARD_LETTERS[Math.floor(m / INWARD_LETTERS.length) % INWARD_LETTERS.length]}${INWARD_LETTERS[m % INWARD_LETTERS.length]}`;
      for (const a of run) a.postcode = `${outward} ${inward}`;
    }
    addresses.push(...perStreet);
  }
}
if (!addresses.every((a) => pointInRing([a.lng, a.lat], council))) throw new Error('an address fell outside the council');

const write = (file: string, data: unknown) => writeFileSync(join(here, file), JSON.stringify(data, null, 1) + '\n');
write('boundary.geojson', boundary);
write('parishes.geojson', parishes);
write('roads.geojson', roadsGeo);
write('places.geojson', places);
write('addresses.json', addresses);
console.log(
  `boundary: 3 polygons; parishes: ${parishFeatures.length}; roads: ${roads.length}; places: ${settlements.length}; addresses: ${addresses.length}; postcodes: ${new Set(addresses.map((a) => a.postcode)).size}`,
);
