import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadConfig, type CouncilConfig } from '../src/index.ts';
import { call, startServer, testDatabases, useTestServer } from './helpers.ts';

const lists = ['discovery.endpoints.endpoint', 'discovery.endpoints.endpoint.formats.format'];
const xml = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => lists.includes(String(jpath)) });
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe.each(testDatabases())('Open311 Service Discovery on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);

  it('serves the spec fields as JSON at discovery.json and discovery', async () => {
    const before = Date.now();
    const answer = await get('/open311/discovery.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = answer.body;
    expect(doc).toEqual({
      changeset: expect.stringMatching(iso),
      contact: 'Larkmead District Council: email customer.services@larkmead.example.gov.uk, phone 01632 960000, website https://larkmead.example.gov.uk/.',
      key_service: `No key is needed to read services or reports. To send reports from your own website or app, ask Larkmead District Council for an API key: email customer.services@larkmead.example.gov.uk. API description: ${t.server.base}/openapi.json`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${t.server.base}/open311/v2`,
          changeset: doc.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
      widget_config: `${t.server.base}/open311/v2/widget-config.json`,
    });
    // First served just now (the database is new), to the second.
    expect(Date.parse(doc.changeset)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(Date.parse(doc.changeset)).toBeLessThanOrEqual(Date.now());
    expect((await get('/open311/discovery')).body).toEqual(doc);
  });

  it('serves the same document as XML in the spec element names', async () => {
    const json = (await get('/open311/discovery.json')).body;
    const answer = await get('/open311/discovery.xml');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(answer.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery>/);
    expect(answer.text).toContain('<formats>\n        <format>text/xml</format>\n        <format>application/json</format>\n      </formats>');
    const parsed = xml.parse(answer.text);
    expect(parsed.discovery).toEqual({
      changeset: json.changeset,
      contact: json.contact,
      key_service: json.key_service,
      endpoints: {
        endpoint: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${t.server.base}/open311/v2`,
            changeset: json.changeset,
            type: 'production',
            formats: { format: ['text/xml', 'application/json'] },
          },
        ],
      },
    });
  });

  it("points at a GeoReport v2 endpoint that answers in both of the formats it lists", async () => {
    const [endpoint] = (await get('/open311/discovery.json')).body.endpoints;
    const services = await fetch(`${endpoint.url}/services.json`);
    expect(services.status).toBe(200);
    const list = (await services.json()) as { service_code: string }[];
    expect(list.map((s) => s.service_code)).toEqual(['potholes', 'street_lights', 'fly_tipping', 'graffiti', 'speeding_traffic']);
    const asXml = await fetch(`${endpoint.url}/services.xml`);
    expect(asXml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await asXml.text()).toContain('<service_code>potholes</service_code>');
    const definition = await fetch(`${endpoint.url}/services/potholes.json`);
    expect(definition.status).toBe(200);
  });

  it('is linked from the GeoReport v2 index, the server root and the OpenAPI document', async () => {
    expect((await get('/open311/v2/')).body.discovery).toBe(`${t.server.base}/open311/discovery.json`);
    expect((await get('/')).body.open311_discovery).toBe(`${t.server.base}/open311/discovery.json`);
    const doc = (await get('/openapi.json')).body;
    expect(doc.paths['/open311/discovery.{format}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Discovery' });
    expect(doc.components.schemas.Discovery.required).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
  });

  it('keeps the changeset across restarts and processes, and moves it forward when a service changes', async () => {
    const first = (await get('/open311/discovery.json')).body.changeset;
    // Another process on the same database with the same config: the same changeset.
    const twin = await startServer(t.db, { publicUrl: t.server.base });
    try {
      expect((await call(twin.base, 'GET', '/open311/discovery.json')).body.changeset).toBe(first);
    } finally {
      await twin.close();
    }

    // The council renames a category: clients must refresh their cached services.
    const config = loadConfig();
    const renamed: CouncilConfig = { ...config, services: config.services.map((s) => (s.service_code === 'potholes' ? { ...s, service_name: 'Pothole or sunken road' } : s)) };
    const edited = await startServer(t.db, { config: renamed, publicUrl: t.server.base });
    let second: string;
    try {
      const doc = (await call(edited.base, 'GET', '/open311/discovery.json')).body;
      second = doc.changeset;
      expect(second > first).toBe(true);
      expect(doc.endpoints[0].changeset).toBe(second);
      expect((await call(edited.base, 'GET', '/open311/v2/services.json')).body[0].service_name).toBe('Pothole or sunken road');
    } finally {
      await edited.close();
    }

    // A question's wording changes (service definitions count too).
    const reworded: CouncilConfig = {
      ...config,
      services: config.services.map((s) => (s.service_code === 'potholes' ? { ...s, attributes: s.attributes.map((a, i) => (i === 0 ? { ...a, description: `${a.description} (roughly)` } : a)) } : s)),
    };
    const third = await startServer(t.db, { config: reworded, publicUrl: t.server.base });
    try {
      expect((await call(third.base, 'GET', '/open311/discovery.json')).body.changeset > second).toBe(true);
    } finally {
      await third.close();
    }
  });
});
