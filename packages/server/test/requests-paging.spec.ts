import { beforeAll, describe, expect, it } from 'vitest';
import { call, resetOpen311, testDatabases, useTestServer } from './helpers.ts';

/** Stores `n` pothole reports straight in the database, one a minute back from now, around Larkmead. */
async function storeReports(db: { exec(sql: string): Promise<void> }, n: number) {
  await db.exec(`INSERT INTO service_requests (id, service_request_id, token, service_code, service_name, agency_responsible, lat, long, requested_datetime)
    SELECT 1000 + g, 'LDC-' || (1000 + g), md5(g::text), 'potholes', 'Pothole', 'Larkmead District Council: Highways team',
      52.228 + ((g % 100) - 50) * 0.0005, -1.505 + ((g / 100) - 5) * 0.0008, now() - (g || ' minutes')::interval
    FROM generate_series(1, ${n}) AS g`);
}

/**
 * GET requests answers a page by default and stops counting at 1,000 matches, so the default
 * list costs the same at any table size; a Link header leads to the next page.
 */
describe.each(testDatabases())('paging GET requests on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);
  const ids = (answer: { body: { service_request_id: string }[] }) => answer.body.map((r) => r.service_request_id);

  beforeAll(async () => {
    await resetOpen311(t.db);
    await storeReports(t.db, 1105);
  });

  it('answers the newest 100 by default, with a link to the next page and no count past 1,000', async () => {
    const first = await get('/open311/v2/requests.json');
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(100);
    expect(ids(first).slice(0, 2)).toEqual(['LDC-1001', 'LDC-1002']);
    expect(first.headers.get('x-total-count')).toBeNull();
    const next = first.headers.get('link');
    expect(next).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/requests\.json\?page=2&page_size=100>; rel="next"$/);
    expect(first.headers.get('access-control-expose-headers')).toBe('X-Total-Count, Link');

    const second = await call(next!.slice(1, next!.indexOf('>')), 'GET', '');
    expect(ids(second).slice(0, 1)).toEqual(['LDC-1101']);

    const last = await get('/open311/v2/requests.json?page=12');
    expect(ids(last)).toEqual(['LDC-2101', 'LDC-2102', 'LDC-2103', 'LDC-2104', 'LDC-2105']);
    expect(last.headers.get('link')).toBeNull();
  });

  it('counts matches when there are 1,000 or fewer', async () => {
    const near = await get('/open311/v2/requests.json?lat=52.228&long=-1.505&radius=100&page_size=5');
    expect(near.body).toHaveLength(5);
    const count = Number(near.headers.get('x-total-count'));
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(1000);
    const all = await get('/open311/v2/requests.json?lat=52.228&long=-1.505&radius=100&page_size=1000');
    expect(all.body).toHaveLength(count);
    expect(all.headers.get('link')).toBeNull();
  });

  it('finds the same reports near a point as a distance check on every report, nearest first', async () => {
    const answer = await get('/open311/v2/requests.json?lat=52.2301&long=-1.5072&radius=300&page_size=1000');
    const metres = (lat: number, long: number) => {
      const rad = Math.PI / 180;
      const a = Math.sin(((lat - 52.2301) * rad) / 2) ** 2 + Math.cos(52.2301 * rad) * Math.cos(lat * rad) * Math.sin(((long + 1.5072) * rad) / 2) ** 2;
      return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
    };
    const all = await get('/open311/v2/requests.json?page_size=1000&start_date=2000-01-01T00:00:00Z');
    const rest = await get('/open311/v2/requests.json?page_size=1000&page=2&start_date=2000-01-01T00:00:00Z');
    const expected = [...all.body, ...rest.body]
      .map((r: { service_request_id: string; lat: number; long: number }) => ({ id: r.service_request_id, d: metres(r.lat, r.long) }))
      .filter((r) => r.d <= 300)
      .sort((a, b) => a.d - b.d);
    expect(answer.body.length).toBeGreaterThan(10);
    expect(ids(answer).sort()).toEqual(expected.map((r) => r.id).sort());
    const distances = answer.body.map((r: { lat: number; long: number }) => metres(r.lat, r.long));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});
