import { describe, expect, it } from 'vitest';
import { call, pothole, STAFF_KEY, testDatabases, useTestServer } from './helpers.ts';

/*
 * Issue #13 item 3: no state-changing route takes a request from a browser on another site.
 * The demo council allows http://localhost:* (its council site); https://evil.example is any
 * other website. A CRM or curl sends neither Origin nor Sec-Fetch-Site.
 */
const COUNCIL_SITE = 'http://localhost:5173';
const EVIL = 'https://evil.example';
const DRAFTS = '/api/consultations/town-centre-2026/drafts';

describe.each(testDatabases())('cross-site requests on %s', (kind) => {
  const t = useTestServer(kind);
  const send = (method: string, path: string, init: Parameters<typeof call>[3]) => call(t.server.base, method, path, init);
  const own = () => t.server.base;

  it('Open311 reports: from the council site or a non-browser client, never from another site', async () => {
    expect((await send('POST', '/open311/v2/requests.json', { form: pothole(), headers: { origin: COUNCIL_SITE, 'sec-fetch-site': 'cross-site' } })).status).toBe(201);
    expect((await send('POST', '/open311/v2/requests.json', { form: pothole() })).status).toBe(201);
    const evil = await send('POST', '/open311/v2/requests.json', { form: pothole(), headers: { origin: EVIL } });
    expect(evil.status).toBe(403);
    expect(evil.body).toEqual([{ code: 403, description: `This server does not accept reports from ${EVIL}. Ask the council to add the site to its allowed origins.` }]);
    // A browser that left Origin out still says where the request came from.
    const hidden = await send('POST', '/open311/v2/requests.json', { form: pothole(), headers: { 'sec-fetch-site': 'cross-site' } });
    expect(hidden.status).toBe(403);
    expect(hidden.body).toEqual([{ code: 403, description: 'This server does not accept reports sent from another site.' }]);
    // Sandboxed frames and some redirects send "null".
    expect((await send('POST', '/open311/v2/requests.json', { form: pothole(), headers: { origin: 'null' } })).status).toBe(403);
  });

  it('Open311 updates with a staff key: a CRM may, a browser on another site may not', async () => {
    await send('POST', '/open311/v2/requests.json', { form: pothole() });
    const update = { api_key: STAFF_KEY, service_request_id: 'LDC-1001', status: 'investigating', description: 'Looking into it' };
    expect((await send('POST', '/open311/v2/servicerequestupdates.json', { form: update, headers: { origin: EVIL } })).status).toBe(403);
    expect((await send('POST', '/open311/v2/servicerequestupdates.json', { form: update })).status).toBe(201);
  });

  it('consultation drafts and responses take JSON only, and not from another site', async () => {
    const answers = { answers: { drives: 'no' } };
    expect((await send('POST', DRAFTS, { json: answers, headers: { origin: COUNCIL_SITE } })).status).toBe(201);
    // A plain HTML form can send form-encoded or text/plain bodies, never JSON.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const form = await send('POST', DRAFTS, { headers: { 'content-type': type } });
      expect(form.status, type).toBe(415);
      expect(form.body).toEqual([{ code: 415, description: 'Send the body as JSON (Content-Type: application/json).' }]);
    }
    expect((await send('POST', DRAFTS, { form: { 'answers[drives]': 'no' } })).status).toBe(415);
    for (const path of [DRAFTS, '/api/consultations/town-centre-2026/responses']) {
      const evil = await send('POST', path, { json: answers, headers: { origin: EVIL } });
      expect(evil.status, path).toBe(403);
      expect(evil.body).toEqual([{ code: 403, description: `This server does not accept requests from ${EVIL}. Ask the council to add the site to its allowed origins.` }]);
      expect((await send('POST', path, { json: answers, headers: { 'sec-fetch-site': 'cross-site' } })).status, path).toBe(403);
    }
    const saved = await send('POST', DRAFTS, { json: answers });
    expect(saved.status).toBe(201);
    expect((await send('PUT', `${DRAFTS}/${saved.body.resumeCode}`, { json: answers, headers: { origin: EVIL } })).status).toBe(403);
    expect((await send('PUT', `${DRAFTS}/${saved.body.resumeCode}`, { form: { page: 'x' } })).status).toBe(415);
  });

  it('the subscription and staff forms post only from the server’s own pages', async () => {
    for (const path of ['/open311/v2/subscriptions/confirm', '/open311/v2/subscriptions/unsubscribe', '/staff/reports/LDC-9999/updates', '/staff/consultations/x/results']) {
      // Even an allowed council site is not this server's page.
      for (const origin of [COUNCIL_SITE, EVIL]) {
        const answer = await send('POST', path, { form: { token: 'x' }, headers: { origin } });
        expect(answer.status, `${path} from ${origin}`).toBe(403);
        expect(answer.body).toEqual([{ code: 403, description: `This form can only be sent from this site's own pages, not from ${origin}.` }]);
      }
      expect((await send('POST', path, { form: { token: 'x' }, headers: { 'sec-fetch-site': 'cross-site' } })).status, path).toBe(403);
      // From its own page it gets through to the route (an unknown token or report: 404), also
      // when the browser hid the origin ("null") but says same-origin in Sec-Fetch-Site.
      expect((await send('POST', path, { form: { token: 'x' }, headers: { origin: own(), 'sec-fetch-site': 'same-origin' } })).status, path).toBe(404);
      expect((await send('POST', path, { form: { token: 'x' }, headers: { origin: 'null', 'sec-fetch-site': 'same-origin' } })).status, path).toBe(404);
      expect((await send('POST', path, { form: { token: 'x' }, headers: { origin: 'null', 'sec-fetch-site': 'cross-site' } })).status, path).toBe(403);
    }
  });

  it('reads, and CORS preflights, are left alone', async () => {
    expect((await send('GET', '/open311/v2/services.json', { headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    const preflight = await send('OPTIONS', DRAFTS, { headers: { origin: COUNCIL_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(COUNCIL_SITE);
  });
});
