import { beforeAll, describe, expect, it } from 'vitest';
import { PLACE, searchCube } from '../src/requests/query.ts';
import { call, resetOpen311, testDatabases, useTestServer } from './helpers.ts';

const CENTRE = { lat: 52.228, long: -1.505 };
const EARTH_RADIUS = 6371008.8;
const rad = Math.PI / 180;

/** The point `metres` from the centre on `bearing` degrees (0 = north, 90 = east), on the sphere the server measures on. */
function from(metres: number, bearing: number): { lat: number; long: number } {
  const a = metres / EARTH_RADIUS;
  const [lat1, long1, b] = [CENTRE.lat * rad, CENTRE.long * rad, bearing * rad];
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(a) + Math.cos(lat1) * Math.sin(a) * Math.cos(b));
  const long2 = long1 + Math.atan2(Math.sin(b) * Math.sin(a) * Math.cos(lat1), Math.cos(a) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / rad, long: long2 / rad };
}

/** Haversine metres from the centre, as a resident's app would measure them. */
function metres(p: { lat: number; long: number }): number {
  const h = Math.sin(((p.lat - CENTRE.lat) * rad) / 2) ** 2 + Math.cos(CENTRE.lat * rad) * Math.cos(p.lat * rad) * Math.sin(((p.long - CENTRE.long) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
}

// Reports at known distances, stored in an order (and at times) that is neither nearest nor
// farthest first. 'east 61' and 'north 78' are the pair a search in degrees gets wrong: 0.0009°
// of longitude here is 61 m, 0.0007° of latitude 78 m.
const PLACES: [string, { lat: number; long: number }][] = [
  ['north 250', from(250, 0)],
  ['east 61', { lat: CENTRE.lat, long: CENTRE.long + 0.0009 }],
  ['south-west 10', from(10, 225)],
  ['north 78', { lat: CENTRE.lat + 0.0007, long: CENTRE.long }],
  ['west 400', from(400, 270)],
  ['south 30', from(30, 180)],
  ['east 136', { lat: CENTRE.lat, long: CENTRE.long + 0.002 }],
  ['north-east 45 km', from(45_000, 45)],
  ['north 111', { lat: CENTRE.lat + 0.001, long: CENTRE.long }],
  ['west 1 km', from(1000, 270)],
];

/**
 * Near a point (docs/open311-extensions.md#near-a-point-and-paging) answers from the place
 * index nearest first: true distance on the ground, the radius boundary in metres on every
 * bearing, and a page of the nearest however many reports the circle holds.
 */
describe.each(testDatabases())('near a point on %s', (kind) => {
  const t = useTestServer(kind);
  type Row = { service_request_id: string; description: string; lat: number; long: number };
  const near = async (query: string) => {
    const answer = await call(t.server.base, 'GET', `/open311/v2/requests.json?lat=${CENTRE.lat}&long=${CENTRE.long}&${query}`);
    expect(answer.status).toBe(200);
    return answer as typeof answer & { body: Row[] };
  };
  const names = (answer: { body: Row[] }) => answer.body.map((r) => r.description);

  beforeAll(async () => {
    await resetOpen311(t.db);
    const values = PLACES.map(
      ([name, p], i) =>
        `(${2000 + i}, 'LDC-${2000 + i}', md5('${name}'), 'potholes', 'Pothole', 'Larkmead District Council: Highways team', '${name}', ${p.lat}, ${p.long}, now() - interval '${(i * 7) % 10} hours')`,
    );
    await t.db.exec(`INSERT INTO service_requests (id, service_request_id, token, service_code, service_name, agency_responsible, description, lat, long, requested_datetime)
      VALUES ${values.join(',\n')}`);
  });

  it('answers nearest first by distance on the ground, not by degrees', async () => {
    const answer = await near('radius=1500');
    expect(names(answer)).toEqual(['south-west 10', 'south 30', 'east 61', 'north 78', 'north 111', 'east 136', 'north 250', 'west 400', 'west 1 km']);
    const distances = answer.body.map(metres);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(answer.headers.get('x-total-count')).toBe('9');
  });

  it('draws the radius in metres on every bearing', async () => {
    // 0.001° of latitude is 111.195 m; 0.002° of longitude at 52.228° N is 136.2 m.
    const north = metres(PLACES.find(([n]) => n === 'north 111')![1]);
    const east = metres(PLACES.find(([n]) => n === 'east 136')![1]);
    expect(north).toBeCloseTo(111.195, 2);
    expect(east).toBeCloseTo(136.2, 0);
    expect(names(await near(`radius=${(north - 0.01).toFixed(2)}`))).not.toContain('north 111');
    expect(names(await near(`radius=${(north + 0.01).toFixed(2)}`))).toContain('north 111');
    expect(names(await near(`radius=${(east - 0.01).toFixed(2)}`))).not.toContain('east 136');
    expect(names(await near(`radius=${(east + 0.01).toFixed(2)}`))).toContain('east 136');
    expect(names(await near('radius=30.5'))).toEqual(['south-west 10', 'south 30']);
    expect(names(await near('radius=29.5'))).toEqual(['south-west 10']);
    // The longest radius there is: 45 km away is in, and last.
    expect(names(await near('radius=44990')).at(-1)).toBe('west 1 km');
    expect(names(await near('radius=45010')).at(-1)).toBe('north-east 45 km');
  });

  it('answers a page of the nearest, then the next nearest', async () => {
    const first = await near('radius=1500&page_size=3');
    expect(names(first)).toEqual(['south-west 10', 'south 30', 'east 61']);
    expect(first.headers.get('x-total-count')).toBe('9');
    expect(first.headers.get('link')).toMatch(/[?&]lat=52\.228&long=-1\.505&radius=1500&page_size=3&page=2>; rel="next"$/);
    const second = await near('radius=1500&page_size=3&page=2');
    expect(names(second)).toEqual(['north 78', 'north 111', 'east 136']);
    const last = await near('radius=1500&page_size=3&page=3');
    expect(names(last)).toEqual(['north 250', 'west 400', 'west 1 km']);
    expect(last.headers.get('link')).toBeNull();
    expect(names(await near('radius=1500&page_size=3&page=4'))).toEqual([]);
  });

  it('counts up to 100 matches near a point, and past that leaves the count out but links the next page', async () => {
    // 101 more reports 2 km north, 10 by 11 a few metres apart: 101 matches, then 100.
    await t.db.exec(`INSERT INTO service_requests (id, service_request_id, token, service_code, service_name, agency_responsible, description, lat, long, requested_datetime)
      SELECT 3000 + g, 'LDC-' || (3000 + g), md5('grid' || g), 'potholes', 'Pothole', 'Larkmead District Council: Highways team', 'grid', 52.246 + (g % 10) * 0.00005, -1.505 + (g / 10) * 0.00008, now()
      FROM generate_series(0, 100) AS g`);
    try {
      const grid = (query: string) => call(t.server.base, 'GET', `/open311/v2/requests.json?lat=52.24625&long=-1.5046&${query}`);
      const all = await grid('radius=200&page_size=1000');
      expect(all.body).toHaveLength(101);
      expect(all.headers.get('x-total-count')).toBeNull();
      const more = await grid('radius=200&page_size=10');
      expect(more.body).toHaveLength(10);
      expect(more.headers.get('x-total-count')).toBeNull();
      expect(more.headers.get('link')).toMatch(/page_size=10&page=2>; rel="next"$/);
      // A page of 100 with a next page is already past the cap: no count is run, and none sent.
      const hundred = await grid('radius=200&page_size=100');
      expect(hundred.body).toHaveLength(100);
      expect(hundred.headers.get('x-total-count')).toBeNull();
      expect(hundred.headers.get('link')).toMatch(/page_size=100&page=2>; rel="next"$/);
      const farthest = (all.body as Row[]).at(-1)!.service_request_id;
      await t.db.exec(`DELETE FROM service_requests WHERE service_request_id = '${farthest}'`);
      const exactly = await grid('radius=200&page_size=10');
      expect(exactly.body).toHaveLength(10);
      expect(exactly.headers.get('x-total-count')).toBe('100');
      const whole = await grid('radius=200&page_size=100');
      expect(whole.body).toHaveLength(100);
      expect(whole.headers.get('x-total-count')).toBe('100');
      expect(whole.headers.get('link')).toBeNull();
    } finally {
      await t.db.exec('DELETE FROM service_requests WHERE id >= 3000');
    }
  });

  it('lists reports at the same place newest first', async () => {
    const spot = from(20, 90);
    await t.db.exec(`INSERT INTO service_requests (id, service_request_id, token, service_code, service_name, agency_responsible, description, lat, long, requested_datetime)
      VALUES (2100, 'LDC-2100', md5('older'), 'potholes', 'Pothole', 'Larkmead District Council: Highways team', 'older at 20', ${spot.lat}, ${spot.long}, now() - interval '2 days'),
             (2101, 'LDC-2101', md5('newer'), 'potholes', 'Pothole', 'Larkmead District Council: Highways team', 'newer at 20', ${spot.lat}, ${spot.long}, now() - interval '1 day')`);
    try {
      expect(names(await near('radius=40'))).toEqual(['south-west 10', 'newer at 20', 'older at 20', 'south 30']);
    } finally {
      await t.db.exec('DELETE FROM service_requests WHERE id IN (2100, 2101)');
    }
  });

  // Ten reports are too few for PostgreSQL to bother with an index, so above it sorts them
  // itself. PGlite is one connection, shared with the server: switch the other ways off and the
  // same searches must come from the index's nearest-first walk (a KNN scan) with the same answers.
  it.runIf(kind === 'pglite')('answers the same when the index walks the reports nearest first', async () => {
    await t.db.exec('SET enable_seqscan = off; SET enable_bitmapscan = off');
    try {
      const { centre, box } = searchCube(CENTRE.lat, CENTRE.long, 1500);
      const plan = await t.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM service_requests WHERE lat IS NOT NULL AND long IS NOT NULL AND ${PLACE} <@ $1::cube ORDER BY ${PLACE} <-> $2::cube LIMIT 4`,
        [box, centre],
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('Index Scan using service_requests_place_idx');
      expect(text).toMatch(/Order By: \(cube\(/);
      expect(names(await near('radius=1500'))).toEqual(['south-west 10', 'south 30', 'east 61', 'north 78', 'north 111', 'east 136', 'north 250', 'west 400', 'west 1 km']);
      expect(names(await near('radius=1500&page_size=3&page=2'))).toEqual(['north 78', 'north 111', 'east 136']);
      expect(names(await near('radius=111.18'))).toEqual(['south-west 10', 'south 30', 'east 61', 'north 78']);
      expect(names(await near('radius=111.21'))).toContain('north 111');
      // X-Total-Count's question (how many within the radius, up to 101) needs each report's lat
      // and long for the exact distance: the index carries them (migration 007), so it can
      // answer from the index alone. The same answers as above.
      const { box: countBox } = searchCube(CENTRE.lat, CENTRE.long, 1500);
      const count = await t.db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT count(*) FROM (SELECT 1 FROM service_requests WHERE lat IS NOT NULL AND long IS NOT NULL AND ${PLACE} <@ $1::cube
          AND (2 * 6371008.8 * asin(sqrt(power(sin(radians(lat - $2::float8) / 2), 2) + cos(radians($2::float8)) * cos(radians(lat)) * power(sin(radians(long - $3::float8) / 2), 2)))) <= 1500 LIMIT 101) c`,
        [countBox, CENTRE.lat, CENTRE.long],
      );
      expect(count.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('Index Only Scan using service_requests_place_idx');
      const paged = await near('radius=1500&page_size=3');
      expect(paged.headers.get('x-total-count')).toBe('9');
    } finally {
      await t.db.exec('RESET enable_seqscan; RESET enable_bitmapscan');
    }
  });
});
