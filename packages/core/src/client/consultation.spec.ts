// Over real HTTP against a node:http server answering as docs/consultation-api.md specifies.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConsultationClient, ConsultationError, TimeoutError, localizedText } from './index.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

interface Hit {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (res: ServerResponse, n: number) => void;

let server: Server;
let api: ConsultationClient;
let endpoint: string;
const routes = new Map<string, Handler>();
let hits: Hit[] = [];

const send =
  (status: number, body: string, headers: Record<string, string> = {}): Handler =>
  (res) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      const hit = { method: req.method!, path: req.url!, headers: req.headers, body };
      hits.push(hit);
      const n = hits.filter((h) => h.method === hit.method && h.path === hit.path).length;
      (routes.get(`${req.method} ${req.url}`) ?? send(404, '[{"code":"not_found","description":"Not found"}]'))(res, n);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/consultations`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  routes.clear();
  hits = [];
  api = new ConsultationClient({ endpoint: endpoint + '/', retryDelayMs: 5 });
});

const C = '/api/consultations/town-centre-2026';

describe('ConsultationClient', () => {
  it('lists consultations and gets one whole definition', async () => {
    const summary = JSON.parse(fixture('consultation.json'));
    routes.set('GET /api/consultations', send(200, JSON.stringify([summary])));
    routes.set(`GET ${C}`, send(200, fixture('consultation.json')));
    const [first] = await api.list();
    expect(first!.id).toBe('town-centre-2026');
    const c = await api.get('town-centre-2026');
    expect(c.pages[0]!.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(c.pages[0]!.questions[1]!.showIf).toEqual({ question: 'q1', in: ['daily', 'weekly'] });
    expect(localizedText(c.title, 'cy')).toBe('Canol tref Larkmead: eich barn');
    expect(localizedText(c.overview.proposal, 'cy')).toBe('Close the High Street to through traffic.');
    expect(localizedText(c.overview.audience, 'en')).toBe('Anyone who lives, works or studies in Larkmead');
  });

  it('reports an unknown consultation as a not-found ConsultationError with the code', async () => {
    const e = await api.get('nope').catch((e) => e);
    expect(e).toBeInstanceOf(ConsultationError);
    expect(e.kind).toBe('not-found');
    expect(e.errors).toEqual([{ code: 'not_found', description: 'Not found' }]);
  });

  it('submits JSON with an Idempotency-Key, the caller’s own on a retry, and returns the reference', async () => {
    routes.set(
      `POST ${C}/responses`,
      send(201, '{"reference":"LDC-C-4QJ7-M2XD","submittedAt":"2026-11-23T15:04:05.000Z"}'),
    );
    const body = { answers: { q1: 'daily', q2: 'yes', q8: { lat: 52.2, lng: -1.5, address: 'High Street' } }, lang: 'cy' as const };
    const res = await api.submit('town-centre-2026', body, { idempotencyKey: 'resident-key-1' });
    await api.submit('town-centre-2026', body, { idempotencyKey: 'resident-key-1' });
    await api.submit('town-centre-2026', body);
    expect(res).toEqual({ reference: 'LDC-C-4QJ7-M2XD', submittedAt: '2026-11-23T15:04:05.000Z' });
    expect(hits[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hits[0]!.body)).toEqual(body);
    const keys = hits.map((h) => h.headers['idempotency-key']);
    expect(keys.slice(0, 2)).toEqual(['resident-key-1', 'resident-key-1']);
    expect(keys[2]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries per-question errors so a form can link each to its field', async () => {
    const errors = [
      { code: 'required', description: 'Answer “How often do you visit?”', question: 'q1' },
      { code: 'too_long', description: 'Your answer is too long', question: 'q3' },
    ];
    routes.set(`POST ${C}/responses`, send(400, JSON.stringify(errors)));
    const e = await api.submit('town-centre-2026', { answers: {} }).catch((e) => e);
    expect(e).toBeInstanceOf(ConsultationError);
    expect(e.status).toBe(400);
    expect(e.errors).toEqual(errors);
    expect(hits).toHaveLength(1);
  });

  it('passes on 409 consultation_closed and 429 with Retry-After without retrying the POST', async () => {
    routes.set(`POST ${C}/responses`, send(409, '[{"code":"consultation_closed","description":"Closed on 22 January"}]'));
    const closed = await api.submit('town-centre-2026', { answers: {} }).catch((e) => e);
    expect(closed.kind).toBe('conflict');
    expect(closed.errors[0].code).toBe('consultation_closed');
    routes.set(`POST ${C}/responses`, send(429, '[{"code":"rate_limited","description":"Slow down"}]', { 'retry-after': '30' }));
    const limited = await api.submit('town-centre-2026', { answers: {} }).catch((e) => e);
    expect(limited.kind).toBe('rate-limited');
    expect(limited.retryAfterMs).toBe(30_000);
    expect(hits).toHaveLength(2);
  });

  it('saves, fetches and updates a draft by resume code', async () => {
    const saved = '{"resumeCode":"K7M3QX9P","expiresAt":"2026-12-23T15:04:05.000Z","emailed":true}';
    routes.set(`POST ${C}/drafts`, send(201, saved));
    routes.set(
      `GET ${C}/drafts/k7m3-qx9p`,
      send(200, '{"resumeCode":"K7M3QX9P","answers":{"q1":"daily"},"page":"p1","updatedAt":"2026-11-23T15:04:05.000Z","expiresAt":"2026-12-23T15:04:05.000Z"}'),
    );
    routes.set(`PUT ${C}/drafts/K7M3QX9P`, send(200, saved));
    const draft = { answers: { q1: 'daily' }, page: 'p1', email: 'sam@example.org', returnUrl: 'https://larkmead.example/c', lang: 'en' as const };
    expect(await api.saveDraft('town-centre-2026', draft)).toEqual({
      resumeCode: 'K7M3QX9P',
      expiresAt: '2026-12-23T15:04:05.000Z',
      emailed: true,
    });
    expect(JSON.parse(hits[0]!.body)).toEqual(draft);
    expect(hits[0]!.headers['idempotency-key']).toBeTruthy();
    const back = await api.getDraft('town-centre-2026', 'k7m3-qx9p');
    expect(back.answers).toEqual({ q1: 'daily' });
    expect(back.page).toBe('p1');
    await api.updateDraft('town-centre-2026', 'K7M3QX9P', { answers: { q1: 'weekly' } });
    expect(hits[2]!.method).toBe('PUT');
    expect(JSON.parse(hits[2]!.body)).toEqual({ answers: { q1: 'weekly' } });
  });

  it('escapes ids and codes in the path', async () => {
    routes.set('GET /api/consultations/a%2Fb/drafts/x%20y', send(404, '[{"code":"draft_not_found","description":"Unknown code"}]'));
    const e = await api.getDraft('a/b', 'x y').catch((e) => e);
    expect(e.errors[0].code).toBe('draft_not_found');
  });

  it('retries a GET (results) that fails twice, and a PUT, but never a POST', async () => {
    routes.set(`GET ${C}/results`, (res, n) => (n <= 2 ? send(503, 'busy')(res, n) : send(200, fixture('consultation-results.json'))(res, n)));
    const results = await api.results('town-centre-2026');
    expect(results.responseCount).toBe(212);
    expect(results.questions[0]!.options!.map((o) => o.percent)).toEqual([75.8, 24.2]);
    expect(hits).toHaveLength(3);
    hits = [];
    routes.set(`PUT ${C}/drafts/K`, (res, n) => (n === 1 ? res.socket!.destroy() : send(200, '{"resumeCode":"K","expiresAt":"x","emailed":false}')(res, n)));
    await api.updateDraft('town-centre-2026', 'K', { answers: {} });
    expect(hits).toHaveLength(2);
    hits = [];
    routes.set(`POST ${C}/drafts`, send(502, 'bad gateway'));
    const e = await api.saveDraft('town-centre-2026', { answers: {} }).catch((e) => e);
    expect(e.kind).toBe('server');
    expect(hits).toHaveLength(1);
  });

  it('times out on a server that never answers', async () => {
    routes.set(`GET ${C}`, () => {});
    const slow = new ConsultationClient({ endpoint, timeoutMs: 150, retries: 0 });
    expect(await slow.get('town-centre-2026').catch((e) => e)).toBeInstanceOf(TimeoutError);
  });

  it('requires an endpoint, saying so', () => {
    expect(() => new ConsultationClient({ endpoint: '' })).toThrow('"endpoint" is required');
  });
});
