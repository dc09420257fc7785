import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { call, testDatabases, useTestServer } from './helpers.ts';

const lists = [
  'services.service',
  'services.service.groups.group',
  'services.service.service_definition.attributes.attribute',
  'services.service.service_definition.attributes.attribute.values.value',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
  'errors.error',
];
const xml = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => lists.includes(String(jpath)) });

describe.each(testDatabases())('Open311 services, CORS and the API description on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string, headers: Record<string, string> = {}) => call(t.server.base, 'GET', path, { headers });

  it('lists services with the spec fields, groups and the emergency notice', async () => {
    for (const path of ['/open311/v2/services.json', '/open311/v2/services']) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.body.map((s: { service_code: string }) => s.service_code)).toEqual(['potholes', 'street_lights', 'fly_tipping', 'graffiti', 'speeding_traffic']);
    }
    const potholes = (await get('/open311/v2/services.json')).body[0];
    expect(potholes).toEqual({
      service_code: 'potholes',
      service_name: 'Pothole',
      description: 'A hole or broken surface in a road, pavement or cycle lane.',
      metadata: true,
      type: 'realtime',
      keywords: 'pothole,road,hole,pavement,surface',
      group: 'Roads and pavements',
      groups: ['Roads and pavements'],
      emergency_notice: 'If someone is in danger, call 999. If a pothole is causing danger to traffic right now, call us on 01632 960000.',
    });
  });

  it('lists services as XML with the spec element names', async () => {
    const answer = await get('/open311/v2/services.xml');
    expect(answer.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const services = xml.parse(answer.text).services.service;
    expect(services).toHaveLength(5);
    expect(services[1]).toMatchObject({ service_code: 'street_lights', metadata: 'true', type: 'realtime', group: 'Roads and pavements' });
    expect(services[1].groups.group).toEqual(['Roads and pavements', 'Street lights']);
  });

  it('describes a service: questions in order, list values and conditions', async () => {
    const answer = await get('/open311/v2/services/potholes.json');
    expect(answer.body.service_code).toBe('potholes');
    expect(answer.body.attributes.map((a: { code: string }) => a.code)).toEqual(['depth', 'position', 'caused_damage', 'damage_details']);
    expect(answer.body.attributes[0]).toEqual({
      variable: true,
      code: 'depth',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'Your best guess is fine.',
      order: 1,
      description: 'How deep is it?',
      values: [
        { key: 'shallow', name: 'Less than 4cm (about the depth of a matchbox)' },
        { key: 'medium', name: '4cm to 10cm' },
        { key: 'deep', name: 'More than 10cm' },
      ],
    });
    expect(answer.body.attributes[3].show_when).toEqual({ code: 'caused_damage', values: ['yes'] });

    const asXml = xml.parse((await get('/open311/v2/services/street_lights.xml')).text).service_definition;
    expect(asXml.service_code).toBe('street_lights');
    expect(asXml.attributes.attribute[0]).toMatchObject({ code: 'asset_id', datatype: 'string', required: 'false' });
    expect(asXml.attributes.attribute[1].values.value[0]).toEqual({ key: 'off', name: 'It is off at night' });
    expect(asXml.attributes.attribute[2].show_when).toEqual({ code: 'fault', values: { value: 'off' } });
  });

  it('publishes a stopping answer as the value\'s "stop" (our extension), in Welsh when asked', async () => {
    const fault = (await get('/open311/v2/services/street_lights.json')).body.attributes[1];
    expect(fault.values.at(-1)).toEqual({
      key: 'wires',
      name: 'Wires are showing or it has been knocked down',
      stop: expect.stringMatching(/^This is dangerous\. Call us now on 01632 960000/),
    });
    // An answer that does not stop the form has no "stop".
    expect(fault.values[0]).toEqual({ key: 'off', name: 'It is off at night' });
    const welsh = (await get('/open311/v2/services/street_lights.json', { 'Accept-Language': 'cy' })).body.attributes[1];
    expect(welsh.values.at(-1).stop).toMatch(/^Mae hyn yn beryglus\. Ffoniwch ni nawr ar 01632 960000/);
    const asXml = xml.parse((await get('/open311/v2/services/street_lights.xml')).text).service_definition;
    expect(asXml.attributes.attribute[1].values.value.at(-1).stop).toMatch(/^This is dangerous/);
  });

  it('puts the definitions asked for in the list (?definitions=, our extension): the same as GET services/{code}, in the language asked for, cached', async () => {
    const list = await get('/open311/v2/services.json?definitions=potholes,dragons&locale=cy');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('public, max-age=300');
    expect(list.headers.get('etag')).toBeTruthy();
    const [potholes, ...others] = list.body;
    // Everything GET services says, plus the definition GET services/potholes.json gives in Welsh.
    const { service_definition: embedded, ...summary } = potholes;
    expect(summary).toEqual((await get('/open311/v2/services.json?locale=cy')).body[0]);
    expect(embedded).toEqual((await get('/open311/v2/services/potholes.json', { 'Accept-Language': 'cy' })).body);
    expect(embedded.attributes[0].description).toBe("Pa mor ddwfn yw'r twll?");
    // Only what was named: an unknown code is ignored, as GET services ignores what it does not know.
    for (const other of others) expect(other).not.toHaveProperty('service_definition');
    // Without the parameter, the list a plain Open311 client knows.
    for (const service of (await get('/open311/v2/services.json')).body) expect(service).not.toHaveProperty('service_definition');

    // Several codes, repeated or comma-separated, each carried in the list's own order.
    const several = (await get('/open311/v2/services.json?definitions=street_lights&definitions=graffiti,potholes')).body;
    const carried = several.filter((s: { service_definition?: unknown }) => s.service_definition).map((s: { service_code: string }) => s.service_code);
    expect(carried).toEqual(['potholes', 'street_lights', 'graffiti']);

    // XML: <service_definition> inside its <service>, shaped as GET services/{code}.xml.
    const asXml = xml.parse((await get('/open311/v2/services.xml?definitions=potholes')).text).services.service[0];
    expect(asXml.service_definition).toEqual(xml.parse((await get('/open311/v2/services/potholes.xml')).text).service_definition);
  });

  it('answers an unknown service or format with an error array', async () => {
    const missing = await get('/open311/v2/services/dragons.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: 'There is no service "dragons". GET services.json lists them: potholes, street_lights, fly_tipping, graffiti, speeding_traffic.' }]);
    const missingXml = await get('/open311/v2/services/dragons.xml');
    expect(xml.parse(missingXml.text).errors.error[0].code).toBe('404');
    const format = await get('/open311/v2/services/potholes.csv');
    expect(format.status).toBe(400);
    expect(format.body[0].description).toBe('Unknown format "csv": use .json or .xml.');
    const nothing = await get('/nowhere');
    expect(nothing.body).toEqual([{ code: 404, description: 'There is nothing at GET /nowhere.' }]);
  });

  it('lets allowed browser origins in (CORS) and keeps others out', async () => {
    const preflight = await fetch(`${t.server.base}/open311/v2/requests.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:8000');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const loopback = await get('/open311/v2/services.json', { Origin: 'http://127.0.0.1:6006' });
    expect(loopback.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:6006');
    const other = await get('/open311/v2/services.json', { Origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const lookalike = await get('/open311/v2/services.json', { Origin: 'http://localhost.evil.example' });
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves an OpenAPI document covering Open311, consultations and geo', async () => {
    const doc = (await get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/open311/v2/services.{format}',
        '/open311/v2/requests.{format}',
        '/open311/v2/servicerequestupdates.{format}',
        '/open311/v2/media',
        '/open311/v2/subscriptions',
        '/api/consultations',
        '/api/addresses',
      ]),
    );
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('says what it serves at / and is healthy', async () => {
    const root = (await get('/')).body;
    expect(root).toEqual({
      name: 'Larkmead District Council: Civic Widgets reference server',
      open311: `${t.server.base}/open311/v2/`,
      open311_discovery: `${t.server.base}/open311/discovery.json`,
      openapi: `${t.server.base}/openapi.json`,
      dev_mailbox: `${t.server.base}/dev/mailbox`,
    });
    expect((await get('/health')).body).toEqual({ status: 'ok', database: kind });
  });
});
