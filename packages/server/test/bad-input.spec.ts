import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { call, pothole, POINTS, testDatabases, useTestServer, type Answer } from './helpers.ts';

/*
 * Issue #13 item 7: bad input never gets a 500 and always gets an Open311 error array with a 4xx
 * status, and the server answers /health afterwards. Each case is one the issue found.
 */
describe.each(testDatabases())('bad input on %s', (kind) => {
  const t = useTestServer(kind);
  const post = (path: string, init: Parameters<typeof call>[3]) => call(t.server.base, 'POST', path, init);
  const get = (path: string) => call(t.server.base, 'GET', path);

  /** An error array of one entry with `status` as code, matching `description`. */
  function expectError(answer: Answer, status: number, description: RegExp) {
    expect(answer.status, answer.text.slice(0, 300)).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual([{ code: status, description: expect.stringMatching(description) }]);
  }

  async function expectHealthy() {
    expect((await get('/health')).body).toEqual({ status: 'ok', database: kind });
  }

  it('refuses NUL and other control characters, naming the field', async () => {
    expectError(await post('/open311/v2/requests.json', { form: pothole({ description: 'Deep\u0000hole' }) }), 400, /^description must not contain control characters \(it has U\+0000\)\.$/);
    expectError(await post('/open311/v2/requests.json', { form: pothole({ service_code: 'pot\u0000holes' }) }), 400, /^service_code must not contain/);
    expectError(await post('/open311/v2/requests.json', { form: pothole({ 'attribute[depth]': 'deep\u0000' }) }), 400, /^attribute\[depth\] must not contain control characters \(it has U\+0000\)/);
    expectError(await post('/open311/v2/requests.json', { json: { ...pothole(), first_name: 'A\u0000' } }), 400, /^first_name must not contain/);
    expectError(await post('/open311/v2/requests.json', { form: { ...pothole(), 'email\u0007': 'a@example.com' } }), 400, /^A field name must not contain control characters \("email\\u0007" has U\+0007\)\.$/);
    // In the path and the query string, any control character (%1B is ESC).
    expectError(await get('/open311/v2/requests.json?service_request_id=LDC-1%00'), 400, /^service_request_id must not contain/);
    expectError(await get('/open311/v2/requests.json?service_code=potholes%1B'), 400, /^service_code must not contain control characters \(it has U\+001B\)/);
    expectError(
      await post('/api/consultations/town-centre-2026/drafts', { json: { answers: { 'visit-frequency': 'weekly\u0000' } } }),
      400,
      /^answers\[visit-frequency\] must not contain/,
    );
    // Line breaks and tabs are what a textarea sends: still accepted.
    expect((await post('/open311/v2/requests.json', { form: pothole({ description: 'Deep hole\r\n\tby the bakery' }) })).status).toBe(201);
    await expectHealthy();
  });

  it('answers a NUL or a broken escape in the address with a 400 array', async () => {
    expectError(await get('/open311/v2/requests/%00.json'), 400, /^The address must not contain control characters/);
    expectError(await get('/open311/v2/tokens/%FF.json'), 400, /^The address is not valid/);
    expectError(await get('/api/consultations/%00'), 400, /^The address must not contain/);
    await expectHealthy();
  });

  it('answers an over-long id with 414 and an over-long query string with 431', async () => {
    expectError(await get(`/open311/v2/requests/${'x'.repeat(5000)}.json`), 414, /^The address is too long/);
    expectError(await get(`/open311/v2/requests.json?q=${'x'.repeat(60_000)}`), 431, /^The address or the headers are too long/);
    await expectHealthy();
  });

  it('refuses a JSON body nested 100,000 levels deep, with an Idempotency-Key, before walking it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const answer = await rawPost(t.server.base, '/open311/v2/requests.json', `{"service_code":"potholes","attribute":${deep}}`, {
      'content-type': 'application/json',
      'idempotency-key': 'deep-1',
    });
    expectError(answer, 400, /^The body is nested too deeply: send at most 32 levels\.$/);
    const consultation = await rawPost(t.server.base, '/api/consultations/town-centre-2026/responses', `{"answers":${deep}}`, { 'content-type': 'application/json' });
    expectError(consultation, 400, /nested too deeply/);
    await expectHealthy();
  });

  it('refuses 40,000 unknown attributes with one short answer', async () => {
    const attribute = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`a${i}`, 'x']));
    const json = await post('/open311/v2/requests.json', { json: { ...pothole(), attribute } });
    expectError(json, 413, /^The body has too many values: send at most 10,000\.$/);
    // Within the body limits, still one problem rather than one per field.
    const some = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`a${i}`, 'x']));
    const answer = await post('/open311/v2/requests.json', { json: { service_code: 'potholes', lat: POINTS.highStreet[0], long: POINTS.highStreet[1], attribute: some } });
    expectError(answer, 400, /^Send at most 100 attribute fields \(this report has 500\)\. "Pothole" asks: depth, position, caused_damage, damage_details\.$/);
    expect(answer.text.length).toBeLessThan(500);
    await expectHealthy();
  });

  it('caps the error list, saying how many more there are', async () => {
    const attribute = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${i}`, 'x']));
    const answer = await post('/open311/v2/requests.json', { json: { ...pothole(), attribute } });
    expect(answer.status).toBe(400);
    expect(answer.body).toHaveLength(21);
    expect(answer.body[0]).toEqual({ code: 400, description: expect.stringMatching(/^attribute\[a0\] is not a question of "Pothole"/) });
    expect(answer.body[20]).toEqual({ code: 400, description: expect.stringMatching(/^There are \d+ more problems like these\. Fix the ones above first\.$/) });
    await expectHealthy();
  });

  it('refuses a form over 1,000 fields instead of cutting it and blaming a missing field', async () => {
    const fields = Array.from({ length: 1200 }, (_, i) => `f${i}=x`).join('&');
    expectError(await post('/open311/v2/requests.json', { form: `${fields}&service_code=potholes` }), 413, /^The form has too many fields: send at most 1,000\.$/);
    const deepName = await post('/open311/v2/requests.json', { form: 'attribute[a][b][c][d][e][f][g]=x' });
    expectError(deepName, 400, /^A form field name is nested too deeply/);
    const repeated = Array.from({ length: 150 }, () => 'attribute[depth][]=deep').join('&');
    expectError(await post('/open311/v2/requests.json', { form: repeated }), 413, /^A form field is repeated too often/);
    await expectHealthy();
  });

  it('wraps fastify’s own refusals: body too large, unknown content type, broken JSON', async () => {
    expectError(await post('/open311/v2/requests.json', { form: { description: 'x'.repeat(2_000_000) } }), 413, /^The request body is too large\.$/);
    expectError(await rawPost(t.server.base, '/api/consultations/town-centre-2026/responses', '<a/>', { 'content-type': 'application/xml' }), 415, /^Send the body as/);
    expectError(await rawPost(t.server.base, '/open311/v2/requests.json', '{"service_code":', { 'content-type': 'application/json' }), 400, /^The body is not valid JSON\.$/);
    await expectHealthy();
  });
});

/** A POST with an exact body and headers (fetch would refuse some of these). */
function rawPost(base: string, path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: h, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
