import { request } from 'node:http';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestServer } from './helpers.ts';

/**
 * The offline basemap, areas and gazetteer over real HTTP, served from the demo geography
 * (packages/server/demo/geo), as the location picker and MapLibre will fetch them.
 */

type Feature = { type: 'Feature'; properties: Record<string, any>; geometry: { type: string; coordinates: any } };

// The geography never touches the database, so one kind of database is enough here.
describe.each(testDatabases().slice(0, 1))('Gazetteer and basemap on %s', (kind) => {
  const t = useTestServer(kind);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.server.url}${path}`, { headers });
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as any };
  };

  describe('offline basemap', () => {
    it('serves a MapLibre v8 style whose sources point back at the host the request used', async () => {
      // fetch() may not set Host, so ask with node:http as a page on another host would reach us.
      const { status, body } = await new Promise<{ status: number; body: any }>((resolve, reject) => {
        const req = request(`${t.server.url}/basemap/style.json`, { headers: { Host: 'maps.larkmead.example:8443' } }, (res) => {
          let data = '';
          res.on('data', (chunk) => (data += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      expect(body.version).toBe(8);
      expect(Object.keys(body.sources).sort()).toEqual(['boundary', 'parishes', 'places', 'roads']);
      for (const [name, source] of Object.entries<any>(body.sources)) {
        expect(source.type).toBe('geojson');
        expect(source.data).toBe(`http://maps.larkmead.example:8443/basemap/${name}.geojson`);
        expect(source.attribution).toBe('Demo data © Civic Widgets, fictional');
      }
      // Never a third-party host anywhere in the style.
      const urls = JSON.stringify(body).match(/https?:\/\/[^"/]+/g) ?? [];
      expect(new Set(urls)).toEqual(new Set(['http://maps.larkmead.example:8443']));
    });

    it('has layers for the background, boundary, parishes, every road class and places', async () => {
      const { body } = await get('/basemap/style.json');
      const ids = body.layers.map((l: { id: string }) => l.id);
      expect(ids[0]).toBe('background');
      for (const id of ['council-fill', 'council-line', 'neighbour-fill', 'parish-line', 'place-dot']) expect(ids).toContain(id);
      for (const cls of ['primary', 'secondary', 'tertiary', 'residential']) expect(ids).toContain(`road-${cls}`);
      // MapLibre cannot draw text without glyphs: text layers only when the style names glyphs.
      const hasText = body.layers.some((l: { type: string }) => l.type === 'symbol');
      expect(hasText).toBe(Boolean(body.glyphs));
      // Every layer's source exists.
      for (const layer of body.layers) if (layer.source) expect(body.sources).toHaveProperty(layer.source);
    });

    it('draws labels with glyphs served by this server, for Welsh letters too', async () => {
      const { body } = await get('/basemap/style.json');
      expect(body.glyphs).toBe(`${t.server.url}/basemap/fonts/{fontstack}/{range}.pbf`);
      const labels = body.layers.filter((l: { type: string }) => l.type === 'symbol');
      expect(labels.map((l: { id: string }) => l.id).sort()).toEqual(['parish-label', 'place-label', 'road-label']);
      const fonts = new Set(labels.map((l: any) => l.layout['text-font'][0]));
      expect(fonts.size).toBe(1);
      // MapLibre asks for {fontstack}/{range}.pbf with the stack URL-encoded.
      for (const range of ['0-255', '256-511']) {
        const url = body.glyphs.replace('{fontstack}', encodeURIComponent([...fonts][0] as string)).replace('{range}', range);
        const response = await fetch(url);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/x-protobuf');
        const bytes = Buffer.from(await response.arrayBuffer());
        // glyphs { stacks (field 1, length-delimited) { name, range, glyphs… } }
        expect(bytes[0]).toBe(0x0a);
        expect(bytes.includes(Buffer.from(range))).toBe(true);
        expect(bytes.length).toBeGreaterThan(20_000);
      }
      const missing = await fetch(`${t.server.url}/basemap/fonts/DejaVu%20Sans/65280-65535.pbf`);
      expect(missing.status).toBe(404);
    });

    it('serves each layer as GeoJSON that matches the demo council', async () => {
      const roads = await get('/basemap/roads.geojson');
      expect(roads.type).toContain('application/geo+json');
      expect(roads.body.type).toBe('FeatureCollection');
      const classes = new Set(roads.body.features.map((f: Feature) => f.properties.class));
      expect(classes).toEqual(new Set(['primary', 'secondary', 'tertiary', 'residential']));
      expect(roads.body.features.every((f: Feature) => f.geometry.type === 'LineString' && f.properties.name)).toBe(true);

      const places = await get('/basemap/places.geojson');
      const kinds = Object.fromEntries(places.body.features.map((f: Feature) => [f.properties.name, f.properties.kind]));
      expect(kinds).toMatchObject({ Larkmead: 'town', Fenbury: 'village' });

      const boundary = await get('/basemap/boundary.geojson');
      expect(boundary.body.features.map((f: Feature) => f.properties.name)).toEqual(['Larkmead District Council', 'Westshire', 'Eastmoor']);
    });
  });

  describe('areas', () => {
    it('GET /api/area: the council and the neighbours that surround it', async () => {
      const { status, body } = await get('/api/area');
      expect(status).toBe(200);
      const council = body.features.find((f: Feature) => f.properties.role === 'council');
      const neighbours = body.features.filter((f: Feature) => f.properties.role === 'neighbour');
      expect(council.properties.name).toBe('Larkmead District Council');
      // The council's Welsh name comes from the config, for Welsh pages ("outside Cyngor Dosbarth Larkmead").
      expect(council.properties.cy).toEqual({ name: 'Cyngor Dosbarth Larkmead' });
      expect(neighbours.map((f: Feature) => f.properties.name)).toEqual(['Westshire', 'Eastmoor']);
      for (const n of neighbours) {
        expect(n.properties.url).toMatch(/^https:\/\/\w+\.example\.gov\.uk\/report$/);
        expect(n.properties.message).toContain(`Report it to ${n.properties.name} Council`);
        expect(n.properties.cy.message).toContain(`Rhowch wybod amdano i Gyngor ${n.properties.name}`);
      }
      // A point just outside the council, on any side, is in exactly one named neighbour.
      const [lng0, lat0] = [-1.5, 52.225];
      // Odd angles: due north and south the two neighbours meet, on their shared edge.
      for (let angle = 7.5; angle < 360; angle += 15) {
        const r = (angle * Math.PI) / 180;
        // Walk outwards until we leave the council, then check the next step.
        let step = 0.01;
        let point: [number, number] = [lng0, lat0];
        while (booleanPointInPolygon(point, council)) {
          point = [lng0 + Math.cos(r) * step * 2, lat0 + Math.sin(r) * step];
          step += 0.002;
        }
        const owners = neighbours.filter((n: any) => booleanPointInPolygon(point, n));
        expect(owners, `angle ${angle}`).toHaveLength(1);
      }
    });

    it('GET /api/parishes: parishes inside the council with their clerks, and the town unparished', async () => {
      const [{ body: parishes }, { body: area }] = await Promise.all([get('/api/parishes'), get('/api/area')]);
      const council = area.features.find((f: Feature) => f.properties.role === 'council');
      expect(parishes.features.length).toBeGreaterThanOrEqual(3);
      for (const parish of parishes.features as Feature[]) {
        expect(parish.properties).toMatchObject({ name: expect.any(String), code: expect.any(String) });
        expect(parish.properties.clerk).toMatchObject({ name: expect.any(String), email: expect.stringContaining('@'), phone: expect.stringMatching(/^01632 960\d{3}$/) });
        for (const vertex of parish.geometry.coordinates[0]) expect(booleanPointInPolygon(vertex, council)).toBe(true);
      }
      const larkmeadHighStreet: [number, number] = [-1.505, 52.228];
      expect(parishes.features.some((p: any) => booleanPointInPolygon(larkmeadHighStreet, p))).toBe(false);
    });
  });

  describe('gazetteer search', () => {
    it('finds a postcode whatever its case and spacing, as Point features with a full label', async () => {
      const variants = ['LK1 2AB', 'lk12ab', '  Lk1   2ab ', 'LK12AB'];
      const results = await Promise.all(variants.map((q) => get(`/api/addresses?q=${encodeURIComponent(q)}&limit=50`)));
      const labels = results.map((r) => r.body.features.map((f: Feature) => f.properties.label));
      expect(labels[0].length).toBeGreaterThan(1);
      for (const l of labels) expect(l).toEqual(labels[0]);
      const first = results[0]!.body.features[0];
      expect(first.geometry.type).toBe('Point');
      const [lng, lat] = first.geometry.coordinates;
      expect(lat).toBeGreaterThan(52.15);
      expect(lng).toBeLessThan(-1.35);
      expect(first.properties).toMatchObject({ postcode: 'LK1 2AB', town: 'Larkmead', uprn: expect.stringMatching(/^\d{12}$/) });
      expect(first.properties.label).toMatch(/^\d+ [A-Za-z ]+, Larkmead, LK1 2AB$/);
    });

    it('matches a partial postcode by prefix', async () => {
      const { body } = await get('/api/addresses?q=LK3&limit=50');
      expect(body.features.length).toBeGreaterThan(0);
      expect(body.features.every((f: Feature) => f.properties.postcode.startsWith('LK3 '))).toBe(true);
    });

    it('puts the exact house first for "12 high st" and understands the abbreviation', async () => {
      const { body } = await get('/api/addresses?q=12%20high%20st');
      expect(body.features[0].properties).toMatchObject({ number: '12', street: 'High Street', town: 'Larkmead' });
      expect(body.features[0].properties.label).toMatch(/^12 High Street, Larkmead, LK\d \d[A-Z]{2}$/);
    });

    it('tells streets of the same name apart by town, and honours limit', async () => {
      const { body } = await get('/api/addresses?q=church%20street%20fenbury&limit=5');
      expect(body.features).toHaveLength(5);
      expect(body.features.every((f: Feature) => f.properties.street === 'Church Street' && f.properties.town === 'Fenbury')).toBe(true);
      const thistleby = await get('/api/addresses?q=church%20street%20thistleby&limit=50');
      expect(thistleby.body.features.every((f: Feature) => f.properties.town === 'Thistleby')).toBe(true);
    });

    it('finds an address by its street’s Welsh name, with or without the accents', async () => {
      const { body } = await get(`/api/addresses?q=${encodeURIComponent('12 Stryd Fawr')}`);
      expect(body.features[0].properties).toMatchObject({ number: '12', street: 'High Street', town: 'Larkmead' });
      const { body: lane } = await get('/api/addresses?q=lon%20yr%20eglwys%20larkmead&limit=50');
      expect(lane.features.length).toBeGreaterThan(0);
      expect(lane.features.every((f: Feature) => f.properties.street === 'Church Lane')).toBe(true);
    });

    it('labels the streets of the basemap in Welsh where they have a Welsh name (name_cy)', async () => {
      const { body } = await get('/basemap/roads.geojson');
      const named = (name: string) => body.features.find((f: Feature) => f.properties.name === name)?.properties;
      expect(named('High Street')).toMatchObject({ name_cy: 'Stryd Fawr' });
      expect(named('Station Road')).toMatchObject({ name_cy: 'Ffordd yr Orsaf' });
      // A street named after a place keeps its one name.
      expect(named('Fenbury Road')!.name_cy).toBeUndefined();
    });

    it('finds a house by its name', async () => {
      const { body: named } = await get('/api/addresses?q=cottage&limit=50');
      expect(named.features.length).toBeGreaterThan(0);
      const one = named.features[0].properties;
      expect(one.name).toMatch(/Cottage/);
      const { body } = await get(`/api/addresses?q=${encodeURIComponent(`${one.name} ${one.town}`)}`);
      expect(body.features[0].properties.label).toBe(one.label);
    });

    it('answers an empty collection when nothing matches, and 400 with an error array for bad input', async () => {
      expect((await get('/api/addresses?q=zzzz%20nowhere')).body).toEqual({ type: 'FeatureCollection', features: [] });
      const missing = await get('/api/addresses');
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual([{ code: 'missing_q', description: expect.stringContaining('q=') }]);
      for (const limit of ['0', '51', 'ten', '2.5']) {
        const bad = await get(`/api/addresses?q=high&limit=${limit}`);
        expect(bad.status).toBe(400);
        expect(bad.body[0].code).toBe('invalid_limit');
      }
    });
  });

  describe('gazetteer reverse', () => {
    it('lists the nearest addresses first, with distances in metres, within the radius', async () => {
      const { status, body } = await get('/api/addresses/reverse?lat=52.228&lng=-1.505&limit=8');
      expect(status).toBe(200);
      expect(body.features).toHaveLength(8);
      const distances = body.features.map((f: Feature) => f.properties.distance);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
      expect(distances[0]).toBeLessThan(60);
      expect(distances.every((d: number) => d <= 250)).toBe(true);
      expect(body.features[0].properties.label).toContain('Larkmead');
    });

    it('gives nothing for a field far from any house, and honours a smaller radius', async () => {
      expect((await get('/api/addresses/reverse?lat=52.29&lng=-1.5')).body.features).toEqual([]);
      const { body } = await get('/api/addresses/reverse?lat=52.228&lng=-1.505&radius=40&limit=50');
      expect(body.features.length).toBeGreaterThan(0);
      expect(body.features.every((f: Feature) => f.properties.distance <= 40)).toBe(true);
    });

    it('refuses coordinates that are not numbers in range', async () => {
      for (const [query, code] of [
        ['lat=91&lng=0', 'invalid_lat'],
        ['lat=abc&lng=0', 'invalid_lat'],
        ['lng=0', 'invalid_lat'],
        ['lat=52&lng=-181', 'invalid_lng'],
        ['lat=52&lng=-1.5&radius=5000', 'invalid_radius'],
      ]) {
        const response = await get(`/api/addresses/reverse?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.body[0].code, query).toBe(code);
      }
    });
  });
});
