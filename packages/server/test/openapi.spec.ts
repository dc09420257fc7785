import { describe, expect, it } from 'vitest';
import { call, STAFF_KEY, testDatabases, useTestServer } from './helpers.ts';

/*
 * One schema per route (issue #13, item 9): /openapi.json is written from the schemas the routes
 * validate with, so every route the API documents is there with its parameters and bodies, and a
 * request the schema refuses gets the route's own words, in the route's own error shape.
 */

type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

/** [method, documented path, its parameters as `in:name`, the body's content types]. */
const documented: [string, string, string[], string[]?][] = [
  ['get', '/open311/discovery.{format}', ['path:format']],
  ['get', '/open311/v2/services.{format}', ['path:format', 'query:locale', 'header:accept-language']],
  ['get', '/open311/v2/services/{service_code}.{format}', ['path:service_code', 'path:format', 'query:locale']],
  ['post', '/open311/v2/requests.{format}', ['path:format', 'header:idempotency-key', 'query:locale'], ['application/x-www-form-urlencoded', 'application/json']],
  [
    'get',
    '/open311/v2/requests.{format}',
    ['path:format', 'query:service_request_id', 'query:service_code', 'query:status', 'query:start_date', 'query:end_date', 'query:lat', 'query:long', 'query:radius', 'query:page', 'query:page_size'],
  ],
  ['get', '/open311/v2/requests/{service_request_id}.{format}', ['path:service_request_id', 'path:format']],
  ['get', '/open311/v2/tokens/{token}.{format}', ['path:token', 'path:format']],
  ['get', '/open311/v2/servicerequestupdates.{format}', ['path:format', 'query:service_request_id', 'query:start_date', 'query:end_date']],
  ['post', '/open311/v2/servicerequestupdates.{format}', ['path:format', 'header:authorization', 'header:idempotency-key'], ['application/x-www-form-urlencoded', 'application/json']],
  ['post', '/open311/v2/media', ['header:idempotency-key']],
  ['get', '/open311/v2/media/{file}', ['path:file']],
  ['post', '/open311/v2/subscriptions', [], ['application/x-www-form-urlencoded', 'application/json']],
  ['get', '/open311/v2/subscriptions/confirm', ['query:token']],
  ['post', '/open311/v2/subscriptions/confirm', ['query:token'], ['application/x-www-form-urlencoded']],
  ['get', '/open311/v2/subscriptions/unsubscribe', ['query:token']],
  ['post', '/open311/v2/subscriptions/unsubscribe', ['query:token'], ['application/x-www-form-urlencoded']],
  ['get', '/open311/v2/widget-config.json', []],
  ['get', '/cases/{id}', ['path:id']],
  ['get', '/api/consultations', []],
  ['get', '/api/consultations/widget-config.json', []],
  ['get', '/api/consultations/{id}', ['path:id']],
  ['put', '/api/consultations/{id}', ['path:id', 'header:authorization'], ['application/json']],
  ['post', '/api/consultations/{id}/responses', ['path:id', 'header:idempotency-key'], ['application/json']],
  ['post', '/api/consultations/{id}/drafts', ['path:id'], ['application/json']],
  ['get', '/api/consultations/{id}/drafts/{code}', ['path:id', 'path:code']],
  ['put', '/api/consultations/{id}/drafts/{code}', ['path:id', 'path:code'], ['application/json']],
  ['get', '/api/consultations/{id}/results', ['path:id']],
  ['post', '/api/consultations/{id}/results', ['path:id', 'header:authorization'], ['application/json']],
  ['get', '/api/consultations/{id}/responses.csv', ['path:id', 'header:authorization']],
  ['post', '/api/consultations/alerts', [], ['application/json']],
  ['get', '/api/consultations/alerts/confirm', ['query:token']],
  ['post', '/api/consultations/alerts/unsubscribe', ['query:token'], ['application/x-www-form-urlencoded']],
  ['get', '/api/addresses', ['query:q', 'query:limit']],
  ['get', '/health', []],
];

const SERVICE_CODES = 'potholes, street_lights, fly_tipping, graffiti, speeding_traffic';

describe.each(testDatabases())('The OpenAPI document, from the routes’ schemas, on %s', (kind) => {
  const t = useTestServer(kind);
  const doc = async () => (await call(t.server.base, 'GET', '/openapi.json')).body;
  const op = async (method: string, path: string): Promise<Operation> => (await doc()).paths[path]?.[method];

  it('documents every route with its parameters and bodies', async () => {
    const document = await doc();
    for (const [method, path, parameters, bodyTypes] of documented) {
      const operation: Operation | undefined = document.paths[path]?.[method];
      expect(operation, `${method.toUpperCase()} ${path}`).toBeDefined();
      const have = (operation!.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect(have, `${method.toUpperCase()} ${path}`).toEqual(expect.arrayContaining(parameters));
      if (bodyTypes) expect(Object.keys(operation!.requestBody?.content ?? {}).sort(), `${method.toUpperCase()} ${path}`).toEqual([...bodyTypes].sort());
    }
    // Every $ref points at a component the document defines; no suffix variant is shown twice.
    const text = JSON.stringify(document);
    for (const ref of new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!))) {
      expect(document.components.schemas, ref).toHaveProperty(ref);
    }
    expect(Object.keys(document.paths).filter((p) => /\/(services|requests|servicerequestupdates|discovery)(\.json|\.xml)?$/.test(p))).toEqual([]);
  });

  it('shows what the rules check: the report fields with their limits and the council’s service codes', async () => {
    const report = await op('post', '/open311/v2/requests.{format}');
    const schema = report.requestBody!.content['application/x-www-form-urlencoded']!.schema as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.description).toMatchObject({ type: 'string', maxLength: 4000 });
    expect(schema.properties.address_string).toMatchObject({ type: 'string', maxLength: 500 });
    expect(schema.properties.service_code!.enum).toEqual(SERVICE_CODES.split(', '));
    expect(schema.properties.lat).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    const page = (await op('get', '/open311/v2/requests.{format}')).parameters!.find((p) => p.name === 'page_size') as unknown as { schema: Record<string, unknown> };
    expect(page.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 100 });
    // Errors: Open311's [{code, description}] for Open311, word codes for the consultation API.
    expect(report.responses['400']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Open311Errors' });
    const respond = await op('post', '/api/consultations/{id}/responses');
    expect(respond.responses['409']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ConsultationErrors' });
    const body = respond.requestBody!.content['application/json']!.schema as { required: string[] };
    expect(body.required).toEqual(['answers']);
    const definition = (await op('put', '/api/consultations/{id}')).requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] };
    expect(definition.required).toEqual(expect.arrayContaining(['title', 'opens', 'closes', 'overview', 'pages']));
  });

  it('refuses a bad report, query or update with the route’s own Open311 errors', async () => {
    const base = t.server.base;
    const empty = await call(base, 'POST', '/open311/v2/requests.json', { form: { description: 'No code, no place' } });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual([
      { code: 400, description: `service_code is required. Choose one from GET services.json (${SERVICE_CODES}).` },
      { code: 400, description: 'Say where the problem is: send lat and long, or address_string.' },
    ]);
    const onePoint = await call(base, 'GET', '/open311/v2/requests.json?lat=52.2');
    expect([onePoint.status, onePoint.body]).toEqual([400, [{ code: 400, description: 'Send lat and long together to search near a point.' }]]);
    const inXml = await call(base, 'GET', '/open311/v2/requests.xml?page_size=0');
    expect(inXml.status).toBe(400);
    expect(inXml.text).toContain('<description>page_size must be a whole number from 1 to 1000 (got &quot;0&quot;).</description>');
    const badDate = await call(base, 'GET', '/open311/v2/servicerequestupdates.json?start_date=soon');
    expect(badDate.body).toEqual([{ code: 400, description: 'start_date must be a date and time in W3C format, like 2026-03-31T00:00:00Z.' }]);
    // The staff key is checked before the body, as before the schemas.
    expect((await call(base, 'POST', '/open311/v2/servicerequestupdates.json', { form: { status: 'nonsense' } })).status).toBe(403);
    const update = await call(base, 'POST', '/open311/v2/servicerequestupdates.json', { form: { status: 'nonsense' }, headers: { Authorization: `Bearer ${STAFF_KEY}` } });
    expect(update.status).toBe(400);
    expect(update.body.map((e: { description: string }) => e.description)).toEqual([
      'service_request_id is required: the reference of the report to update.',
      expect.stringMatching(/^status "nonsense" is not a status\. Use one of open, /),
      'description is required: what the resident should be told.',
    ]);
  });

  it('refuses a bad consultation body with the API’s word codes, after its 404 and 409 answers', async () => {
    const base = t.server.base;
    const noAnswers = await call(base, 'POST', '/api/consultations/town-centre-2026/responses', { json: { answer: {} } });
    expect([noAnswers.status, noAnswers.body]).toEqual([400, [{ code: 'invalid_body', description: 'Send a JSON object with "answers": an object of question id → answer.' }]]);
    const unknown = await call(base, 'POST', '/api/consultations/no-such-thing/responses', { json: { answer: {} } });
    expect([unknown.status, unknown.body[0].code]).toEqual([404, 'not_found']);
    const closed = await call(base, 'POST', '/api/consultations/library-hours-2026/drafts', { json: { answers: 'none' } });
    expect([closed.status, closed.body[0].code]).toEqual([409, 'consultation_closed']);
    const draft = await call(base, 'POST', '/api/consultations/town-centre-2026/drafts', { json: { answers: 'none' } });
    expect(draft.status).toBe(400);
    expect(draft.body[0]).toEqual({ code: 'invalid_body', description: expect.stringMatching(/^answers: /) });
    const alert = await call(base, 'POST', '/api/consultations/alerts', { json: { topics: ['parks'] } });
    expect([alert.status, alert.body[0]]).toEqual([400, { code: 'invalid_body', description: expect.stringMatching(/^email: /) }]);
  });
});
