import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportsPath, type Db } from '../../packages/server/src/index.ts';
import { openTestDb, POINTS, startServer } from '../../packages/server/test/helpers.ts';
import { demoBackend } from './demo-backend.ts';

/*
 * The Storybook mock backend keeps the reference server's contract: the same questions, asked
 * of the real server (over HTTP, on its real database, seeded with the demo's sample reports)
 * and of the mock, get the same answers. Dates are compared within a few minutes of each other,
 * since each side dated the sample reports back from its own "now"; random tokens and
 * references by shape.
 */

const MOCK = 'http://storybook.test/demo-backend';
const handlers = demoBackend({ base: MOCK, fontsUrl: 'http://storybook.test/demo-backend-fonts' });

let db: Db;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  db = await openTestDb('pglite');
  server = await startServer(db, { demoReports: demoReportsPath });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Answer {
  status: number;
  body: unknown;
}

type Init = { form?: Record<string, string> | Array<[string, string]>; json?: unknown; headers?: Record<string, string> };

function requestInit(method: string, init: Init): RequestInit {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return { method, headers, body };
}

const read = async (response: Response | undefined): Promise<Answer> => {
  if (!response) return { status: 0, body: 'no handler answered' };
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
};

/** Asks both backends the same question. */
async function ask(method: string, path: string, init: Init = {}): Promise<{ real: Answer; mock: Answer }> {
  const real = await read(await fetch(`${server.base}${path}`, requestInit(method, init)));
  const mock = await read(await getResponse(handlers, new Request(`${MOCK}${path}`, requestInit(method, init))));
  return { real, mock };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Replaces what legitimately differs (dates, random tokens), keeping the rest; dates are kept aside. */
function comparable(value: unknown, base: string, dates: number[]): unknown {
  if (typeof value === 'string') {
    if (ISO.test(value)) {
      dates.push(Date.parse(value));
      return 'a date';
    }
    if (UUID.test(value)) return 'a uuid';
    if (/^LDC-C-[2-9A-Z]{4}-[2-9A-Z]{4}$/.test(value)) return 'a consultation reference';
    return value.replaceAll(base, '<base>');
  }
  if (Array.isArray(value)) return value.map((v) => comparable(v, base, dates));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v, base, dates)]));
  return value;
}

/*
 * Each side's "now" is a few seconds apart (more on a loaded machine). Rounding both to the
 * same bucket failed whenever the two fell either side of a bucket's edge, so each date is
 * instead checked to be within this much of its twin.
 */
const DATE_TOLERANCE_MS = 5 * 60_000;

async function expectSame(method: string, path: string, init: Init = {}): Promise<Answer> {
  const { real, mock } = await ask(method, path, init);
  const realDates: number[] = [];
  const mockDates: number[] = [];
  expect({ status: mock.status, body: comparable(mock.body, MOCK, mockDates) }, `${method} ${path}`).toEqual({
    status: real.status,
    body: comparable(real.body, server.base, realDates),
  });
  const apart = realDates.map((date, i) => Math.abs(date - (mockDates[i] ?? Number.NaN)));
  expect(apart.filter((ms) => !(ms <= DATE_TOLERANCE_MS)), `${method} ${path}: dates more than 5 minutes apart (ms)`).toEqual([]);
  return real;
}

const at = ([lat, long]: readonly [number, number]) => ({ lat: String(lat), long: String(long) });

describe('Open311', () => {
  it('lists the same services and the same questions for each', async () => {
    const services = await expectSame('GET', '/open311/v2/services.json');
    const codes = (services.body as Array<{ service_code: string }>).map((s) => s.service_code);
    expect(codes).toContain('potholes');
    for (const code of codes) await expectSame('GET', `/open311/v2/services/${code}.json`);
    await expectSame('GET', '/open311/v2/services/rubbish_chute.json');
  });

  it('answers in Welsh when asked, by header or by locale, with the same words', async () => {
    const welsh = { headers: { 'Accept-Language': 'cy-GB,cy;q=0.9,en;q=0.5' } };
    const services = await expectSame('GET', '/open311/v2/services.json', welsh);
    expect((services.body as Array<{ service_name: string }>).map((s) => s.service_name)).toContain('Twll yn y ffordd');
    await expectSame('GET', '/open311/v2/services/potholes.json?locale=cy');
    await expectSame('GET', '/open311/v2/services/speeding_traffic.json', welsh);
    const speeding = { service_code: 'speeding_traffic', ...at(POINTS.fenbury), 'attribute[speed_limit]': '30', 'attribute[wanted]': 'speedwatch' };
    await expectSame('POST', '/open311/v2/requests.json', { form: speeding, headers: welsh.headers });
  });

  it('holds the same sample reports, statuses, updates and routing', async () => {
    const list = await expectSame('GET', '/open311/v2/requests.json');
    const reports = list.body as Array<{ service_request_id: string }>;
    expect(reports.length).toBeGreaterThanOrEqual(9);
    for (const { service_request_id: id } of reports) {
      await expectSame('GET', `/open311/v2/requests/${id}.json`);
      await expectSame('GET', `/open311/v2/servicerequestupdates.json?service_request_id=${id}`);
    }
    await expectSame('GET', '/open311/v2/requests/LDC-9999.json');
    await expectSame('GET', '/open311/v2/requests.json?status=closed');
    await expectSame('GET', '/open311/v2/requests.json?service_code=potholes,graffiti');
    await expectSame('GET', `/open311/v2/requests.json?lat=${POINTS.highStreet[0]}&long=${POINTS.highStreet[1]}&radius=2000`);
  });

  it('accepts, routes and refuses new reports in the same words', async () => {
    const pothole = { service_code: 'potholes', ...at(POINTS.highStreet), 'attribute[depth]': 'deep', 'attribute[position]': 'carriageway', description: 'Deep hole outside the bakery' };
    const created = await expectSame('POST', '/open311/v2/requests.json', { form: pothole });
    expect(created.status).toBe(201);
    const [{ service_request_id: id }] = created.body as Array<{ service_request_id: string }>;
    await expectSame('GET', `/open311/v2/requests/${id}.json`);
    // Speeding inside a parish goes to the parish clerk, named in the notice.
    const speeding = await ask('GET', '/open311/v2/services/speeding_traffic.json');
    const answers = Object.fromEntries(
      (speeding.real.body as { attributes: Array<{ code: string; required: boolean; values?: Array<{ key: string }> }> }).attributes
        .filter((a) => a.required && a.values?.length)
        .map((a) => [`attribute[${a.code}]`, a.values![0]!.key]),
    );
    await expectSame('POST', '/open311/v2/requests.json', { form: { service_code: 'speeding_traffic', ...at(POINTS.fenbury), ...answers, description: 'Cars race past the school' } });
    // Outside the council: the neighbour's message. Missing answers: every problem listed.
    await expectSame('POST', '/open311/v2/requests.json', { form: { ...pothole, ...at(POINTS.westshire) } });
    await expectSame('POST', '/open311/v2/requests.json', { form: { service_code: 'potholes', lat: '52.2' } });
    await expectSame('POST', '/open311/v2/subscriptions', { form: { service_request_id: id, email: 'resident@example.com' } });
    await expectSame('POST', '/open311/v2/subscriptions', { form: { service_request_id: id, email: 'not an email' } });
    // Several photos, each its own media_url as FixMyStreet sends them: every one kept, in order.
    const photos = ['https://photos.example.org/a.jpg', 'https://photos.example.org/b.jpg'];
    const withPhotos = await expectSame('POST', '/open311/v2/requests.json', { form: [...Object.entries(pothole), ...photos.map((url): [string, string] => ['media_url', url])] });
    const [{ service_request_id: photosId }] = withPhotos.body as Array<{ service_request_id: string }>;
    const shown = await expectSame('GET', `/open311/v2/requests/${photosId}.json`);
    expect((shown.body as Array<{ media_urls: string[] }>)[0]!.media_urls).toEqual(photos);
  });
});

describe('consultations', () => {
  it('lists and shows the same consultations, with the same published results', async () => {
    const list = await expectSame('GET', '/api/consultations');
    for (const { id } of list.body as Array<{ id: string }>) await expectSame('GET', `/api/consultations/${id}`);
    await expectSame('GET', '/api/consultations/library-hours-2026/results');
    await expectSame('GET', '/api/consultations/town-centre-2026/results');
    await expectSame('GET', '/api/consultations/no-such-thing');
  });

  it('takes alert sign-ups the same way, refusing the same mistakes', async () => {
    await expectSame('POST', '/api/consultations/alerts', { json: { email: 'Resident@Example.org', topics: ['parks'], areas: ['fenbury'], lang: 'cy' } });
    await expectSame('POST', '/api/consultations/alerts', { json: { email: 'resident@example.org', consultation: 'town-centre-2026' } });
    await expectSame('POST', '/api/consultations/alerts', { json: { email: 'resident@example.org', consultation: 'no-such-thing' } });
    await expectSame('POST', '/api/consultations/alerts', { json: { email: 'not an address' } });
    await expectSame('POST', '/api/consultations/alerts', { json: { email: `${'a'.repeat(250)}@example.org` } });
    await expectSame('POST', '/api/consultations/alerts', { json: { email: 'resident@example.org', topics: 'parks' } });
  });

  it('checks responses by the same rules', async () => {
    await expectSame('POST', '/api/consultations/town-centre-2026/responses', { json: { answers: {} } });
    await expectSame('POST', '/api/consultations/library-hours-2026/responses', { json: { answers: {} } });
    const draft = await ask('POST', '/api/consultations/town-centre-2026/drafts', { json: { answers: {}, page: 'about-you' } });
    expect([draft.real.status, draft.mock.status]).toEqual([201, 201]);
    expect(Object.keys(draft.mock.body as object).sort()).toEqual(Object.keys(draft.real.body as object).sort());
  });
});

describe('geography', () => {
  it('serves the same boundary, parishes, basemap and address search', async () => {
    await expectSame('GET', '/api/area');
    await expectSame('GET', '/api/parishes');
    await expectSame('GET', '/basemap/style.json');
    for (const layer of ['boundary', 'parishes', 'roads', 'places']) await expectSame('GET', `/basemap/${layer}.geojson`);
    await expectSame('GET', '/api/addresses?q=high%20st');
    await expectSame('GET', '/api/addresses?q=LK1&limit=3');
    await expectSame('GET', '/api/addresses?q=');
    await expectSame('GET', `/api/addresses/reverse?lat=${POINTS.highStreet[0]}&lng=${POINTS.highStreet[1]}`);
  });
});
