// @vitest-environment jsdom
// jsdom gives the real XML parser (DOMParser) and XMLHttpRequest; requests go over real HTTP
// to a node:http server started here, serving responses recorded from real Open311 servers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  Open311Client,
  Open311Error,
  NetworkError,
  TimeoutError,
  UnsupportedError,
  createIdempotencyKey,
  type Open311ClientOptions,
} from './index.js';

// Under jsdom, import.meta.url is not a file URL; vitest provides __dirname.
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

interface Hit {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}
type Handler = (res: ServerResponse, hit: Hit, n: number) => void;

let server: Server;
let base: string;
const routes = new Map<string, Handler>();
let hits: Hit[] = [];

/** Serves `body` with `status` for METHOD path; a function handler can vary by hit number. */
function route(method: string, path: string, h: Handler | [number, string, string?, Record<string, string>?]) {
  routes.set(`${method} ${path}`, Array.isArray(h) ? reply(...h) : h);
}
function reply(status: number, body: string, type = 'application/json', headers: Record<string, string> = {}): Handler {
  return (res) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
}
const xml = (name: string): [number, string, string] => [200, fixture(name), 'text/xml; charset=utf-8'];
const json = (name: string): [number, string] => [200, fixture(name)];
const html404: [number, string, string] = [404, '<html><body><h1>Not Found</h1></body></html>', 'text/html'];
const hitsTo = (path: string) => hits.filter((h) => h.path === path);

beforeAll(async () => {
  server = createServer((req, res) => {
    // CORS as a real cross-origin server must answer it: Idempotency-Key makes POSTs preflighted
    // (jsdom's XMLHttpRequest enforces this like a browser does).
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'idempotency-key, content-type, accept');
    res.setHeader('access-control-expose-headers', 'retry-after');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const hit: Hit = {
        method: req.method!,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      hits.push(hit);
      const h = routes.get(`${req.method} ${url.pathname}`) ?? reply(...html404);
      h(res, hit, hits.filter((x) => x.method === hit.method && x.path === hit.path).length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  routes.clear();
  hits = [];
});

const client = (o: Partial<Open311ClientOptions> = {}) =>
  new Open311Client({ endpoint: `${base}/open311/v2/`, retryDelayMs: 5, ...o });

describe('services', () => {
  it('reads JSON with numeric codes, string booleans, keyword arrays and a groups list', async () => {
    route('GET', '/open311/v2/services.json', json('services.json'));
    const services = await client({ format: 'json' }).services();
    expect(services.map((s) => s.code)).toEqual(['17', '0042', 'graffiti']);
    expect(services.map((s) => s.metadata)).toEqual([true, false, false]);
    expect(services.map((s) => s.type)).toEqual(['realtime', 'realtime', 'blackbox']);
    expect(services[0]!.keywords).toEqual(['light', 'lamp']);
    expect(services[1]!.keywords).toEqual([]);
    expect(services[0]!.groups).toEqual(['Street lighting']);
    expect(services[1]!.groups).toEqual(['Rubbish', 'Street cleaning']);
    expect(services[2]!.groups).toEqual([]);
  });

  it('reads FixMyStreet-style XML: zero-padded codes, comma groups, quoted groups, upper-case booleans', async () => {
    route('GET', '/open311/v2/services.xml', xml('services-fms.xml'));
    const services = await client({ format: 'xml' }).services();
    expect(services).toEqual([
      {
        code: '001',
        name: 'Cans left out 24x7',
        description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection.',
        metadata: true,
        type: 'realtime',
        keywords: ['lorem', 'ipsum', 'dolor'],
        groups: ['sanitation', 'street'],
      },
      {
        code: '002',
        name: 'Construction plate shifted',
        description: 'Metal construction plate covering the street or sidewalk has been moved.',
        metadata: false,
        type: 'batch',
        keywords: [],
        groups: ['sanitation & cleaning', 'street'],
      },
      {
        code: '003',
        name: 'Pothole',
        description: '',
        metadata: true,
        type: 'realtime',
        keywords: [],
        // A comma followed by a space is part of a council's group name, not a separator.
        groups: ['Roads, paths and verges'],
      },
    ]);
  });

  it("reads XML::Simple-shaped JSON (FixMyStreet's own server), every value wrapped in an array", async () => {
    route('GET', '/open311/v2/services.json', json('services-xmlsimple.json'));
    const services = await client().services();
    expect(services.map((s) => [s.code, s.name, s.metadata])).toEqual([
      ['Abandoned vehicles', 'Abandoned vehicles', false],
      ['Potholes', 'Potholes', false],
    ]);
  });

  it('sends jurisdiction_id on GETs', async () => {
    route('GET', '/open311/v2/services.json', [200, '[]']);
    await client({ jurisdictionId: 'larkmead.gov.uk' }).services();
    expect(hits[0]!.query.get('jurisdiction_id')).toBe('larkmead.gov.uk');
  });
});

describe('language', () => {
  it("sends the resident's language as Accept-Language on every call, and nothing when none is set", async () => {
    route('GET', '/open311/v2/services.json', json('services.json'));
    route('GET', '/open311/v2/services/17.json', json('definition.json'));
    route('POST', '/open311/v2/requests.xml', xml('created.xml'));
    const welsh = client({ format: 'json', language: 'cy' });
    await welsh.services();
    await welsh.serviceDefinition('17');
    await client({ format: 'xml', language: 'cy' }).createRequest({ serviceCode: '17', lat: 51.75, long: -1.25 });
    expect(hits.map((h) => [h.path, h.headers['accept-language']])).toEqual([
      ['/open311/v2/services.json', 'cy'],
      ['/open311/v2/services/17.json', 'cy'],
      ['/open311/v2/requests.xml', 'cy'],
    ]);
    // No query parameter: a plain Open311 server sees a request it already knows.
    expect(hits.every((h) => !h.query.has('locale'))).toBe(true);
    hits = [];
    await client({ format: 'json' }).services();
    expect(hits[0]!.headers['accept-language']).not.toBe('cy');
  });
});

describe('the list as a URL a page can preload', () => {
  it('services({ locale: true }) puts the language in the URL too, and nothing when none is set', async () => {
    route('GET', '/open311/v2/services.json', json('services.json'));
    await client({ format: 'json', language: 'cy' }).services({ locale: true });
    expect([hits[0]!.query.get('locale'), hits[0]!.headers['accept-language']]).toEqual(['cy', 'cy']);
    hits = [];
    await client({ format: 'json' }).services({ locale: true });
    expect(hits[0]!.query.has('locale')).toBe(false);
  });
});

describe("format 'auto'", () => {
  it('falls back to XML when the JSON is invalid (zero-padded numbers) and remembers it', async () => {
    route('GET', '/open311/v2/services.json', json('services-leading-zero.json'));
    route('GET', '/open311/v2/services.xml', xml('services-fms.xml'));
    const api = client();
    expect(api.format).toBeUndefined();
    const services = await api.services();
    expect(services[0]!.code).toBe('001');
    expect(api.format).toBe('xml');
    await api.services();
    expect(hitsTo('/open311/v2/services.json')).toHaveLength(1);
    expect(hitsTo('/open311/v2/services.xml')).toHaveLength(2);
    expect(hitsTo('/open311/v2/services.xml')[0]!.headers.accept).toContain('xml');
  });

  it('falls back to XML on a 404 page or a 415 for .json', async () => {
    route('GET', '/open311/v2/services.xml', xml('services-fms.xml'));
    expect((await client().services()).length).toBe(3);
    route('GET', '/open311/v2/services.json', [415, 'Unsupported Media Type', 'text/plain']);
    expect((await client().services()).length).toBe(3);
  });

  it('stays with JSON when JSON works, and treats a JSON error array as an answer, not a missing format', async () => {
    route('GET', '/open311/v2/services.json', json('services.json'));
    route('GET', '/open311/v2/requests/nope.json', [404, '[{"code":404,"description":"No such request"}]']);
    const api = client();
    await api.services();
    expect(api.format).toBe('json');
    expect(await client().request('nope')).toBeNull();
    expect(hits.some((h) => h.path.endsWith('.xml'))).toBe(false);
  });
});

describe('service definitions', () => {
  it('reads XML attributes sorted by order, with lists, information-only and server-set attributes', async () => {
    route('GET', '/open311/v2/services/001.xml', xml('definition.xml'));
    const def = await client({ format: 'xml' }).serviceDefinition('001');
    expect(def.serviceCode).toBe('001');
    expect(def.attributes.map((a) => a.code)).toEqual(['type', 'notice', 'colour', 'usrn', 'sides']);
    const [type, notice, colour, usrn, sides] = def.attributes;
    expect(type).toEqual({
      code: 'type',
      variable: true,
      datatype: 'string',
      required: false,
      datatypeDescription: '',
      order: 1,
      description: 'Type of bin',
      values: [],
    });
    expect(notice!.variable).toBe(false);
    expect(colour!.required).toBe(true);
    expect(colour!.datatypeDescription).toBe('Choose the colour of the bin');
    expect(colour!.values).toEqual([
      { key: '1', name: 'Green' },
      { key: '2', name: 'Black' },
    ]);
    expect(usrn!.automated).toBe('server_set');
    // One <value> element is still a list of one; datatype case is normalised.
    expect(sides!.datatype).toBe('multivaluelist');
    expect(sides!.values).toEqual([{ key: 'left', name: 'Left' }]);
  });

  it('reads JSON with missing order, values as one object, string booleans and keys without names', async () => {
    route('GET', '/open311/v2/services/17.json', json('definition.json'));
    const def = await client().serviceDefinition('17');
    expect(def.serviceCode).toBe('17');
    expect(def.attributes.map((a) => [a.code, a.order])).toEqual([
      ['info', 1],
      ['when', 2],
      ['depth', 3],
      ['kinds', 4],
      ['asset_id', 5],
    ]);
    const byCode = Object.fromEntries(def.attributes.map((a) => [a.code, a]));
    expect(byCode.asset_id!.required).toBe(true);
    expect(byCode.asset_id!.variable).toBe(true);
    expect(byCode.info!.variable).toBe(false);
    expect(byCode.when!.values).toEqual([{ key: 'night', name: 'At night' }]);
    expect(byCode.kinds!.variable).toBe(true);
    expect(byCode.kinds!.values).toEqual([
      { key: '1', name: 'Flickering' },
      { key: '2', name: '2' },
    ]);
  });

  it('reads an empty <attributes> element as no attributes and escapes the code in the path', async () => {
    route('GET', '/open311/v2/services/100.xml', xml('definition-empty.xml'));
    expect(await client({ format: 'xml' }).serviceDefinition('100')).toEqual({ serviceCode: '100', attributes: [] });
    route('GET', '/open311/v2/services/a%2Fb.json', [200, '{"service_code":"a/b","attributes":[]}']);
    expect((await client().serviceDefinition('a/b')).serviceCode).toBe('a/b');
  });
});

describe('requests', () => {
  it('reads XML requests: statuses lowercased, zoned and zone-less dates, empty elements, coordinates', async () => {
    route('GET', '/open311/v2/requests.xml', xml('requests.xml'));
    const [a, b] = await client({ format: 'xml' }).requests();
    expect(a).toEqual({
      id: '638344',
      status: 'open',
      statusNotes: 'Duplicate request.',
      serviceName: 'Sidewalk and Curb Issues',
      serviceCode: '006',
      description: '',
      agencyResponsible: '',
      serviceNotice: '',
      requestedAt: new Date('2010-04-14T14:37:38Z'),
      updatedAt: new Date('2010-04-14T14:37:38Z'),
      expectedAt: new Date('2010-04-15T14:37:38Z'),
      address: '8TH AVE and JUDAH ST',
      addressId: '545483',
      zipcode: '94122',
      lat: 37.762221815,
      long: -122.4651145,
      mediaUrl: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
      mediaUrls: ['http://city.gov.s3.amazonaws.com/requests/media/638344.jpg'],
    });
    expect(b!.status).toBe('closed');
    expect(b!.serviceCode).toBe('7');
    // No zone: the resident's local time, read as a wall-clock time.
    expect(b!.requestedAt).toEqual(new Date(2024, 2, 1, 9, 15, 0));
    expect(b!.updatedAt).toEqual(new Date('2024-03-02T10:00:00Z'));
    expect(b!.expectedAt).toBeNull();
    expect(b!.lat).toBe(51.5);
  });

  it('reads a single object where a list was due, with an extended status and a +0100 offset', async () => {
    route('GET', '/open311/v2/requests.json', json('requests-single.json'));
    const list = await client().requests();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: '1001',
      status: 'action_scheduled',
      serviceCode: '17',
      lat: 51.75,
      long: -1.25,
      agencyResponsible: 'Larkmead District Council',
      requestedAt: new Date('2024-05-01T07:00:00.123Z'),
      updatedAt: new Date('2024-05-02T08:30:00Z'),
      expectedAt: null,
    });
  });

  it("reads the reference server's extended_status next to Open311's open/closed", async () => {
    const body = [{ service_request_id: 'LDC-1', status: 'open', extended_status: 'Action Scheduled' }, { service_request_id: 'LDC-2', status: 'closed' }];
    route('GET', '/open311/v2/requests.json', [200, JSON.stringify(body), 'application/json']);
    const [scheduled, plain] = await client().requests();
    expect(scheduled).toMatchObject({ status: 'open', extendedStatus: 'action_scheduled' });
    expect(plain!.extendedStatus).toBeUndefined();
  });

  it('reads XML::Simple-shaped JSON requests, naming every agency responsible', async () => {
    route('GET', '/open311/v2/requests.json', json('requests-xmlsimple.json'));
    const [r] = await client().requests();
    expect(r).toMatchObject({
      id: '55',
      status: 'open',
      serviceCode: 'Potholes',
      agencyResponsible: 'Oxfordshire County Council, Oxford City Council',
      lat: 51.1,
      requestedAt: new Date('2011-04-23T08:28:55Z'),
    });
  });

  it('encodes the filters, including the near-a-point and paging extensions', async () => {
    route('GET', '/open311/v2/requests.json', [200, '[]']);
    await client().requests({
      serviceRequestId: ['LDC-1001', 'LDC-1002'],
      serviceCode: 'pothole',
      status: 'open',
      startDate: new Date('2024-01-01T00:00:00Z'),
      endDate: '2024-02-01T00:00:00Z',
      lat: 51.75,
      long: -1.25,
      radius: 200,
      page: 2,
      pageSize: 20,
    });
    expect(Object.fromEntries(hits[0]!.query)).toEqual({
      service_request_id: 'LDC-1001,LDC-1002',
      service_code: 'pothole',
      status: 'open',
      start_date: '2024-01-01T00:00:00.000Z',
      end_date: '2024-02-01T00:00:00Z',
      lat: '51.75',
      long: '-1.25',
      radius: '200',
      page: '2',
      page_size: '20',
    });
  });

  it('keeps only requests within the radius when the server ignores the near-a-point extension', async () => {
    // A plain Open311 server: every recent request, whatever lat/long/radius asked.
    const at = (id: string, lat: number, long: number) =>
      `<request><service_request_id>${id}</service_request_id><status>open</status><lat>${lat}</lat><long>${long}</long></request>`;
    route('GET', '/open311/v2/requests.xml', [
      200,
      `<service_requests>${at('here', 51.75, -1.25)}${at('150m-north', 51.75135, -1.25)}${at('300m-east', 51.75, -1.24566)}${at('far', 52.5, -1.9)}<request><service_request_id>no-place</service_request_id><status>open</status></request></service_requests>`,
      'text/xml',
    ]);
    const api = client({ format: 'xml' });
    const near = await api.requests({ lat: 51.75, long: -1.25, radius: 200 });
    expect(near.map((r) => r.id)).toEqual(['here', '150m-north']);
    expect((await api.requests({ lat: 51.75, long: -1.25, radius: 400 })).map((r) => r.id)).toEqual(['here', '150m-north', '300m-east']);
    expect(await api.requests()).toHaveLength(5);
  });

    it('returns one request by id, and null for an unknown one', async () => {
    route('GET', '/open311/v2/requests/638344.xml', xml('requests.xml'));
    route('GET', '/open311/v2/requests/999.xml', [404, fixture('errors.xml'), 'text/xml']);
    const api = client({ format: 'xml' });
    expect((await api.request('638344'))!.id).toBe('638344');
    expect(await api.request('999')).toBeNull();
  });
});

describe('service request updates (extension)', () => {
  it('reads XML updates with upper-case and underscored statuses and a back-office status code', async () => {
    route('GET', '/open311/v2/servicerequestupdates.xml', xml('updates.xml'));
    const updates = await client({ format: 'xml' }).updates({ serviceRequestId: '12345' });
    expect(hits[0]!.query.get('service_request_id')).toBe('12345');
    expect(updates).toEqual([
      {
        id: 'UPDATE_1',
        serviceRequestId: '12345',
        status: 'open',
        updatedAt: new Date('2024-03-04T10:00:00Z'),
        description: '',
        mediaUrl: '',
        externalStatusCode: '1600',
      },
      {
        id: 'UPDATE_2',
        serviceRequestId: '12345',
        status: 'not_councils_responsibility',
        updatedAt: new Date(2024, 2, 5, 11, 0, 0),
        description: 'This is a note',
        mediaUrl: 'https://example.org/photo.jpg',
      },
    ]);
  });

  it("reads mySociety's JSON wrapper, keeping markup as plain text", async () => {
    route('GET', '/open311/v2/servicerequestupdates.json', json('updates.json'));
    const updates = await client().updates({ serviceRequestId: 'LDC-1001' });
    expect(updates.map((u) => [u.id, u.status, u.description, u.mediaUrl])).toEqual([
      ['9', 'investigating', 'An inspector will visit', ''],
      ['10', 'fixed', '<b>Repaired</b>', ''],
    ]);
  });

  it('reports a server without the extension as UnsupportedError (404 page in both formats, or 501)', async () => {
    const e1 = await client().updates().catch((e) => e);
    expect(e1).toBeInstanceOf(UnsupportedError);
    expect(e1.feature).toBe('servicerequestupdates');
    expect(hitsTo('/open311/v2/servicerequestupdates.xml')).toHaveLength(1);
    route('GET', '/open311/v2/servicerequestupdates.json', [501, '[{"code":501,"description":"Not implemented"}]']);
    const e2 = await client({ format: 'json' }).updates().catch((e) => e);
    expect(e2).toBeInstanceOf(UnsupportedError);
    expect(e2.status).toBe(501);
  });
});

describe('errors', () => {
  it('carries the JSON error array, the status and a message a resident can read', async () => {
    route('POST', '/open311/v2/requests.json', [400, fixture('errors.json')]);
    const e = await client().createRequest({ serviceCode: 'x', lat: 91 }).catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
    expect(e.status).toBe(400);
    expect(e.kind).toBe('invalid');
    expect(e.errors).toEqual([
      { code: '400', description: 'lat must be a number between -90 and 90' },
      { code: '400', description: 'Enter a description of the problem' },
    ]);
    expect(e.userMessage).toBe('lat must be a number between -90 and 90 Enter a description of the problem');
  });

  it('reads XML <errors><error> bodies', async () => {
    route('POST', '/open311/v2/requests.xml', [403, fixture('errors.xml'), 'text/xml']);
    const e = await client({ format: 'xml' }).createRequest({ serviceCode: 'x' }).catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
    expect(e.kind).toBe('forbidden');
    expect(e.errors.map((x: { code: string }) => x.code)).toEqual(['403', '400']);
    // A refused key is for the website's integrator: the resident is told something they can act on instead.
    expect(e.errors[0].description).not.toBe('');
    expect(e.userMessage).toBe('');
  });

  it('keeps the text of a 5xx HTML page away from residents', async () => {
    route('GET', '/open311/v2/services.json', [500, '<html>Traceback (most recent call last)…</html>', 'text/html']);
    const e = await client({ format: 'json', retries: 0 }).services().catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
    expect(e.kind).toBe('server');
    expect(e.errors).toEqual([]);
    expect(e.userMessage).toBe('');
  });

  it('treats an error array sent with 200 instead of an id as an error', async () => {
    route('POST', '/open311/v2/requests.json', [200, '{"errors":[{"code":"400","description":"Missing service_code"}]}']);
    const e = await client().createRequest({ serviceCode: '' }).catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
    expect(e.errors[0].description).toBe('Missing service_code');
  });

  it('times out on a server that never answers', async () => {
    route('GET', '/open311/v2/services.json', () => {});
    const e = await client({ timeoutMs: 150, retries: 0 }).services().catch((e) => e);
    expect(e).toBeInstanceOf(TimeoutError);
  });

  it('reports an unreachable server as NetworkError', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await new Open311Client({ endpoint: `http://127.0.0.1:${port}`, retries: 0 }).services().catch((e) => e);
    expect(e).toBeInstanceOf(NetworkError);
  });

  it('rethrows the caller’s abort as is', async () => {
    route('GET', '/open311/v2/services.json', () => {});
    const ctl = new AbortController();
    const p = client().services({ signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    const e = await p.catch((e) => e);
    expect(e).toBe(ctl.signal.reason);
    expect(e.name).toBe('AbortError');
  });
});

describe('retries', () => {
  it('retries a GET that fails twice with 503, then succeeds', async () => {
    route('GET', '/open311/v2/services.json', (res, _hit, n) =>
      n <= 2 ? reply(503, 'busy', 'text/plain')(res, _hit, n) : reply(...json('services.json'))(res, _hit, n),
    );
    const services = await client({ format: 'json' }).services();
    expect(services).toHaveLength(3);
    expect(hits).toHaveLength(3);
  });

  it('retries a GET after a dropped connection', async () => {
    route('GET', '/open311/v2/services.json', (res, hit, n) =>
      n <= 2 ? res.socket!.destroy() : reply(...json('services.json'))(res, hit, n),
    );
    expect(await client({ format: 'json' }).services()).toHaveLength(3);
    expect(hits).toHaveLength(3);
  });

  it('gives up after `retries` extra attempts', async () => {
    route('GET', '/open311/v2/services.json', [502, 'bad gateway', 'text/plain']);
    const e = await client({ format: 'json', retries: 1 }).services().catch((e) => e);
    expect(e.status).toBe(502);
    expect(hits).toHaveLength(2);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    route('GET', '/open311/v2/services.json', (res, hit, n) =>
      n === 1
        ? reply(429, '[{"code":429,"description":"Too many requests"}]', 'application/json', { 'retry-after': '1' })(res, hit, n)
        : reply(200, '[]')(res, hit, n),
    );
    await client({ format: 'json' }).services();
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: the caller gets it', async () => {
    route('GET', '/open311/v2/services.json', [429, '[{"code":429,"description":"Slow down"}]', 'application/json', { 'retry-after': '120' }]);
    const e = await client({ format: 'json' }).services().catch((e) => e);
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterMs).toBe(120_000);
    expect(hits).toHaveLength(1);
  });

  it('never retries a POST by itself', async () => {
    route('POST', '/open311/v2/requests.json', [503, 'busy', 'text/plain']);
    const e = await client({ format: 'json' }).createRequest({ serviceCode: 'x' }).catch((e) => e);
    expect(e.status).toBe(503);
    expect(hits).toHaveLength(1);
  });
});

describe('createRequest', () => {
  it('form-encodes every field, attributes and multivaluelist answers, api_key and jurisdiction_id', async () => {
    route('POST', '/open311/v2/requests.xml', xml('created.xml'));
    const created = await client({ format: 'xml', apiKey: 'site-key', jurisdictionId: 'larkmead' }).createRequest({
      serviceCode: '001',
      lat: 51.75,
      long: -1.25,
      addressString: '1 High Street, Larkmead',
      addressId: '100012345',
      email: 'sam@example.org',
      deviceId: 'dev',
      accountId: 'acc',
      firstName: 'Sam',
      lastName: 'Jones',
      phone: '01234 567890',
      description: 'Deep pothole & a broken kerb',
      mediaUrl: 'https://council.example/media/1.jpg',
      attributes: { depth: 12, colour: 'green', sides: ['left', 'right'], urgent: true, empty: '', none: undefined },
    });
    expect(created).toEqual({
      serviceRequestId: '293944',
      token: null,
      serviceNotice: expect.stringMatching(/^The City will inspect/),
      accountId: null,
    });
    const hit = hits[0]!;
    expect(hit.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(hit.body.toString());
    expect([...form]).toEqual([
      ['jurisdiction_id', 'larkmead'],
      ['service_code', '001'],
      ['lat', '51.75'],
      ['long', '-1.25'],
      ['address_string', '1 High Street, Larkmead'],
      ['address_id', '100012345'],
      ['email', 'sam@example.org'],
      ['device_id', 'dev'],
      ['account_id', 'acc'],
      ['first_name', 'Sam'],
      ['last_name', 'Jones'],
      ['phone', '01234 567890'],
      ['description', 'Deep pothole & a broken kerb'],
      ['media_url', 'https://council.example/media/1.jpg'],
      ['api_key', 'site-key'],
      ['attribute[depth]', '12'],
      ['attribute[colour]', 'green'],
      ['attribute[sides][]', 'left'],
      ['attribute[sides][]', 'right'],
      ['attribute[urgent]', 'true'],
    ]);
  });

  it('reads every photo: media_urls (extension) in JSON and XML, and a repeated <media_url>', async () => {
    const photo = (n: number) => `https://council.example/open311/v2/media/${n}.jpg`;
    route('GET', '/open311/v2/requests/A.json', [
      200,
      JSON.stringify([{ service_request_id: 'A', status: 'open', media_url: photo(1), media_urls: [photo(1), photo(2), photo(3)] }]),
    ]);
    expect((await client({ format: 'json' }).request('A'))!.mediaUrls).toEqual([photo(1), photo(2), photo(3)]);
    // The reference server's XML, and an XML server that repeats Open311's element instead.
    route('GET', '/open311/v2/requests/B.xml', [
      200,
      `<service_requests><request><service_request_id>B</service_request_id><status>open</status><media_url>${photo(1)}</media_url>` +
        `<media_urls><media_url>${photo(1)}</media_url><media_url>${photo(2)}</media_url></media_urls></request></service_requests>`,
      'text/xml',
    ]);
    route('GET', '/open311/v2/requests/C.xml', [
      200,
      `<service_requests><request><service_request_id>C</service_request_id><status>open</status>` +
        `<media_url>${photo(4)}</media_url><media_url>${photo(5)}</media_url><media_urls/></request></service_requests>`,
      'text/xml',
    ]);
    const xmlApi = client({ format: 'xml' });
    const b = (await xmlApi.request('B'))!;
    expect([b.mediaUrl, b.mediaUrls]).toEqual([photo(1), [photo(1), photo(2)]]);
    const c = (await xmlApi.request('C'))!;
    expect([c.mediaUrl, c.mediaUrls]).toEqual([photo(4), [photo(4), photo(5)]]);
  });

  it('sends several photos as media_urls[] (extension) with the first as media_url, one photo as media_url alone', async () => {
    route('POST', '/open311/v2/requests.json', json('created-token.json'));
    const api = client({ format: 'json' });
    await api.createRequest({ serviceCode: 'a', mediaUrls: ['https://x/1.jpg', 'https://x/2.jpg'] });
    await api.createRequest({ serviceCode: 'a', mediaUrls: ['https://x/3.jpg'] });
    const [several, one] = hits.map((h) => new URLSearchParams(h.body.toString()));
    expect(several!.getAll('media_url')).toEqual(['https://x/1.jpg']);
    expect(several!.getAll('media_urls[]')).toEqual(['https://x/1.jpg', 'https://x/2.jpg']);
    expect(one!.getAll('media_url')).toEqual(['https://x/3.jpg']);
    expect(one!.has('media_urls[]')).toBe(false);
  });

  it('sends email_updates (extension) only when the resident asked for updates', async () => {
    route('POST', '/open311/v2/requests.json', json('created-token.json'));
    const api = client({ format: 'json' });
    await api.createRequest({ serviceCode: 'a', email: 'sam@example.org', emailUpdates: true });
    await api.createRequest({ serviceCode: 'a', email: 'sam@example.org', emailUpdates: false });
    const forms = hits.map((h) => new URLSearchParams(h.body.toString()));
    expect(forms[0]!.get('email_updates')).toBe('true');
    expect(forms[1]!.has('email_updates')).toBe(false);
  });

  it('sends an Idempotency-Key on every POST, the caller’s own stable across retries', async () => {
    route('POST', '/open311/v2/requests.json', json('created-token.json'));
    const api = client({ format: 'json' });
    await api.createRequest({ serviceCode: 'a' });
    await api.createRequest({ serviceCode: 'a' });
    const key = createIdempotencyKey();
    await api.createRequest({ serviceCode: 'a' }, { idempotencyKey: key });
    await api.createRequest({ serviceCode: 'a' }, { idempotencyKey: key });
    const keys = hits.map((h) => h.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe(key);
    expect(keys[3]).toBe(key);
  });

  it('keeps the same key when the caller retries after a timeout', async () => {
    route('POST', '/open311/v2/requests.json', (res, hit, n) => (n === 1 ? undefined : reply(...json('created-token.json'))(res, hit, n)));
    const api = client({ format: 'json', timeoutMs: 150 });
    const key = createIdempotencyKey();
    const first = await api.createRequest({ serviceCode: 'a' }, { idempotencyKey: key }).catch((e) => e);
    expect(first).toBeInstanceOf(TimeoutError);
    const second = await api.createRequest({ serviceCode: 'a' }, { idempotencyKey: key });
    expect(second).toEqual({ serviceRequestId: null, token: '12345', serviceNotice: '', accountId: null });
    expect(hits.map((h) => h.headers['idempotency-key'])).toEqual([key, key]);
  });

  it('exchanges a token for the id (tokens/{token}) once the server has made the request', async () => {
    route('GET', '/open311/v2/tokens/12345.xml', (res, hit, n) =>
      n === 1 ? reply(200, '<service_requests><request><token>12345</token></request></service_requests>', 'text/xml')(res, hit, n) : reply(...xml('token.xml'))(res, hit, n),
    );
    const api = client({ format: 'xml' });
    expect(await api.token('12345')).toEqual({ token: '12345', serviceRequestId: null });
    expect(await api.token('12345')).toEqual({ token: '12345', serviceRequestId: '638344' });
  });
});

// Uploads without progress go through fetch: tested in open311-media.spec.ts, in Node's own
// environment, because Node's fetch cannot send jsdom's FormData (browsers have one of each).
describe('media upload with progress (extension)', () => {
  it('reports progress through XMLHttpRequest, across CORS, and ends at 1', async () => {
    route('POST', '/open311/v2/media', [200, '[{"media_url":"/media/p.jpg"}]']);
    const seen: number[] = [];
    const big = new Blob([new Uint8Array(256 * 1024)], { type: 'image/jpeg' });
    const res = await client().uploadMedia(big, { onProgress: (f) => seen.push(f) });
    expect(res.mediaUrl).toBe('/media/p.jpg');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]!))).toBe(true);
    expect(hits[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(hits[0]!.body.length).toBeGreaterThan(256 * 1024);
  });

  it('reads an XML answer from the media extension', async () => {
    route('POST', '/open311/v2/media', [201, '<?xml version="1.0"?><media><media_url>https://council.example/m/2.jpg</media_url></media>', 'text/xml']);
    const res = await client().uploadMedia(new Blob(['x']), { onProgress: () => {} });
    expect(res.mediaUrl).toBe('https://council.example/m/2.jpg');
  });

  it('reports a server without media upload as UnsupportedError on this route too', async () => {
    const e = await client().uploadMedia(new Blob(['x']), { onProgress: () => {} }).catch((e) => e);
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.feature).toBe('media');
  });
});

describe('subscriptions (extension)', () => {
  it('posts the request id and email with an Idempotency-Key', async () => {
    route('POST', '/open311/v2/subscriptions', [202, '{"status":"pending_confirmation"}']);
    await client({ jurisdictionId: 'j' }).subscribe('LDC-1001', 'sam@example.org');
    const form = new URLSearchParams(hits[0]!.body.toString());
    expect(Object.fromEntries(form)).toEqual({ jurisdiction_id: 'j', service_request_id: 'LDC-1001', email: 'sam@example.org' });
    expect(hits[0]!.headers['idempotency-key']).toBeTruthy();
  });

  it('reports a server without subscriptions as UnsupportedError', async () => {
    route('POST', '/open311/v2/subscriptions', [405, 'Method Not Allowed', 'text/plain']);
    const e = await client().subscribe('1', 'a@b.c').catch((e) => e);
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.status).toBe(405);
  });
});

describe('createIdempotencyKey', () => {
  it('makes distinct v4 UUIDs, also where randomUUID is missing (insecure contexts)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const a = createIdempotencyKey();
    expect(a).toMatch(uuid);
    expect(createIdempotencyKey()).not.toBe(a);
    const c = globalThis.crypto;
    Object.defineProperty(c, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, createIdempotencyKey));
      expect(keys.size).toBe(50);
      for (const k of keys) expect(k).toMatch(uuid);
    } finally {
      delete (c as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof c.randomUUID).toBe('function');
  });

  it('requires an endpoint, saying so', () => {
    expect(() => new Open311Client({} as Open311ClientOptions)).toThrow('"endpoint" is required');
  });
});
