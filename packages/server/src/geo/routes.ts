import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { etagOf, sendCached } from '../http/cache.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codedError } from '../http/errors.ts';
import { loadGeoData, type GeoData } from './data.ts';
import { BASEMAP_LAYERS, basemapStyle } from './style.ts';

// Basemap layers and areas are fixed for the process's life: the tag is hashed once.
const geojson = (body: string) => {
  const etag = etagOf(body);
  return async (request: FastifyRequest, reply: FastifyReply) => sendCached(request, reply, body, 'application/geo+json; charset=utf-8', 3600, etag);
};

/**
 * The offline basemap, the council's areas and the address gazetteer (docs/gazetteer.md).
 * Everything here is public, read-only demo-grade geography, cacheable by browsers.
 */
export default async function geoRoutes(app: FastifyInstance) {
  const geo: GeoData = loadGeoData(app.civic.config);
  await app.register(async (basemap) => basemapRoutes(basemap, geo), { prefix: '/basemap' });
  await app.register(async (api) => gazetteerRoutes(api, geo), { prefix: '/api' });
}

/** The offline MapLibre style, its layers and glyphs, mounted at /basemap. */
async function basemapRoutes(app: FastifyInstance, geo: GeoData) {
  /** The server's address as this request reached it, so the style works from any page's origin. */
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  app.get('/style.json', async (request, reply) =>
    reply
      .header('Cache-Control', 'public, max-age=300')
      .header('Vary', 'Host, X-Forwarded-Host, X-Forwarded-Proto')
      .send(basemapStyle({ base: baseOf(request), center: geo.center, zoom: 11, font: geo.font })),
  );
  for (const layer of BASEMAP_LAYERS) app.get(`/${layer}.geojson`, geojson(geo.layers[layer]));

  if (geo.font && geo.fontsDir) {
    const fontsDir = geo.fontsDir;
    app.get<{ Params: { fontstack: string; range: string } }>('/fonts/:fontstack/:range', async (request, reply) => {
      const { range } = request.params;
      // MapLibre asks for a comma-separated stack; we serve our one font for any stack.
      const file = join(fontsDir, `${/^\d+-\d+\.pbf$/.test(range) ? range : 'none'}`);
      if (!existsSync(file)) {
        throw codedError(404, 'not_found', `No glyphs for the range ${range}.`);
      }
      return reply.header('Cache-Control', 'public, max-age=86400').type('application/x-protobuf').send(readFileSync(file));
    });
  }
}

/** The council's areas and the address gazetteer, mounted at /api. */
async function gazetteerRoutes(app: FastifyInstance, geo: GeoData) {
  const bad = (code: string, description: string) => codedError(400, code, description);

  app.get('/area', geojson(geo.layers.boundary));
  app.get('/parishes', geojson(geo.layers.parishes));

  const intParam = (raw: unknown, fallback: number, min: number, max: number): number | null => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    return Number.isInteger(value) && value >= min && value <= max ? value : null;
  };

  app.get<{ Querystring: { q?: string; limit?: string } }>('/addresses', async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    if (!q.trim()) throw bad('missing_q', 'Add a postcode or part of an address as q, like ?q=LK1 2AB or ?q=12 High Street.');
    if (q.length > 200) throw bad('invalid_q', 'The search text must be 200 characters or fewer.');
    const limit = intParam(request.query.limit, 10, 1, 50);
    if (limit === null) throw bad('invalid_limit', 'limit must be a whole number from 1 to 50.');
    return reply.header('Cache-Control', 'public, max-age=300').type('application/geo+json; charset=utf-8').send(geo.gazetteer.search(q, limit));
  });

  app.get<{ Querystring: { lat?: string; lng?: string; limit?: string; radius?: string } }>('/addresses/reverse', async (request, reply) => {
    const { query } = request;
    const lat = query.lat === undefined || query.lat === '' ? NaN : Number(query.lat);
    const lng = query.lng === undefined || query.lng === '' ? NaN : Number(query.lng);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw bad('invalid_lat', 'lat must be a number between -90 and 90.');
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw bad('invalid_lng', 'lng must be a number between -180 and 180.');
    const limit = intParam(query.limit, 5, 1, 50);
    if (limit === null) throw bad('invalid_limit', 'limit must be a whole number from 1 to 50.');
    const radius = intParam(query.radius, 250, 1, 2000);
    if (radius === null) throw bad('invalid_radius', 'radius must be a whole number of metres from 1 to 2000.');
    return reply.type('application/geo+json; charset=utf-8').send(geo.gazetteer.reverse(lat, lng, limit, radius));
  });
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.1 fragment for /openapi.json (docs/gazetteer.md is the full contract).
// ---------------------------------------------------------------------------------------------
const geoTags = ['Gazetteer and basemap'];
const geoErrors = {
  description: 'Bad parameters: [{code, description}] with a string code',
  content: {
    'application/json': {
      schema: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, description: { type: 'string' } } } },
    },
  },
};
const featureCollection = (description: string) => ({
  description,
  content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/AddressCollection' } } },
});
const geojsonResponse = (description: string) => ({
  200: { description, content: { 'application/geo+json': { schema: { type: 'object', description: 'GeoJSON FeatureCollection' } } } },
});
const query = (name: string, required: boolean, schema: Record<string, unknown>, description: string) => ({ name, in: 'query', required, schema, description });

export const geoOpenApiSchemas = {
  AddressCollection: {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { const: 'FeatureCollection' },
      features: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { const: 'Feature' },
            id: { type: 'string' },
            geometry: {
              type: 'object',
              properties: { type: { const: 'Point' }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
            },
            properties: {
              type: 'object',
              required: ['label', 'uprn', 'street', 'town', 'postcode'],
              properties: {
                label: { type: 'string', description: 'Full one-line address' },
                uprn: { type: 'string' },
                number: { type: ['string', 'null'] },
                name: { type: ['string', 'null'] },
                street: { type: 'string' },
                town: { type: 'string' },
                postcode: { type: 'string' },
                distance: { type: 'integer', description: 'Metres from the point (reverse only)' },
              },
            },
          },
        },
      },
    },
  },
};

export const geoOpenApiPaths = {
  '/api/addresses': {
    get: {
      tags: geoTags,
      summary: 'Search addresses by postcode (any case or spacing), street, number, house name or town',
      parameters: [
        query('q', true, { type: 'string', maxLength: 200 }, 'What the resident typed'),
        query('limit', false, { type: 'integer', minimum: 1, maximum: 50, default: 10 }, 'Most results'),
      ],
      responses: { 200: featureCollection('Best matches first'), 400: geoErrors },
    },
  },
  '/api/addresses/reverse': {
    get: {
      tags: geoTags,
      summary: 'Addresses nearest a point',
      parameters: [
        query('lat', true, { type: 'number', minimum: -90, maximum: 90 }, 'Latitude (WGS 84)'),
        query('lng', true, { type: 'number', minimum: -180, maximum: 180 }, 'Longitude (WGS 84)'),
        query('limit', false, { type: 'integer', minimum: 1, maximum: 50, default: 5 }, 'Most results'),
        query('radius', false, { type: 'integer', minimum: 1, maximum: 2000, default: 250 }, 'Maximum distance in metres'),
      ],
      responses: { 200: featureCollection('Nearest first, each with properties.distance'), 400: geoErrors },
    },
  },
  '/api/area': { get: { tags: geoTags, summary: 'The council boundary and its neighbours', responses: geojsonResponse('Polygons with role council|neighbour') } },
  '/api/parishes': { get: { tags: geoTags, summary: 'Parish polygons with their clerks', responses: geojsonResponse('Polygons with name, code, clerk') } },
  '/basemap/style.json': {
    get: {
      tags: geoTags,
      summary: 'Offline MapLibre style (version 8) with absolute URLs to this server',
      responses: { 200: { description: 'MapLibre style', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
  '/basemap/{layer}.geojson': {
    get: {
      tags: geoTags,
      summary: 'A basemap layer',
      parameters: [{ name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: ['boundary', 'parishes', 'roads', 'places'] } }],
      responses: geojsonResponse('GeoJSON FeatureCollection'),
    },
  },
  '/basemap/fonts/{fontstack}/{range}.pbf': {
    get: {
      tags: geoTags,
      summary: 'Glyph PBFs (SDF) for the basemap labels',
      parameters: [
        { name: 'fontstack', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'range', in: 'path', required: true, schema: { type: 'string', example: '0-255' } },
      ],
      responses: { 200: { description: 'Glyph protobuf', content: { 'application/x-protobuf': {} } }, 404: { description: 'Range not available' } },
    },
  },
};
