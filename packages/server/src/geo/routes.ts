import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { etagOf, sendCached } from '../http/cache.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codedError } from '../http/errors.ts';
import { z } from 'zod';
import type { GeoData } from './data.ts';
import { addressResponses, featureCollection, gazetteerError, reverseQuery, searchQuery, tags } from './schemas.ts';
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
  const { geo } = app.civic;
  await app.register(async (basemap) => basemapRoutes(basemap, geo), { prefix: '/basemap' });
  await app.register(async (api) => gazetteerRoutes(api, geo), { prefix: '/api' });
}

/** The offline MapLibre style, its layers and glyphs, mounted at /basemap. */
async function basemapRoutes(app: FastifyInstance, geo: GeoData) {
  /** The server's address as this request reached it, so the style works from any page's origin. */
  const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  const styleSchema = {
    tags,
    summary: 'Offline MapLibre style (version 8) with absolute URLs to this server',
    // lang=cy: the Welsh credit line, and Welsh labels (name_cy) where the data has them.
    querystring: z.object({ lang: z.string().optional() }).loose(),
    response: { 200: z.object({ version: z.literal(8) }).loose() },
  };
  app.get<{ Querystring: { lang?: string } }>('/style.json', { schema: styleSchema }, async (request, reply) =>
    reply
      .header('Cache-Control', 'public, max-age=300')
      .header('Vary', 'Host, X-Forwarded-Host, X-Forwarded-Proto')
      .send(basemapStyle({ base: baseOf(request), center: geo.center, zoom: 11, font: geo.font, language: request.query.lang === 'cy' ? 'cy' : 'en' })),
  );
  for (const layer of BASEMAP_LAYERS) {
    app.get(`/${layer}.geojson`, { schema: { tags, summary: `The basemap's ${layer} layer`, response: { 200: featureCollection('GeoJSON FeatureCollection') } } }, geojson(geo.layers[layer]));
  }

  if (geo.font && geo.fontsDir) {
    const fontsDir = geo.fontsDir;
    const fontSchema = {
      tags,
      summary: 'Glyph PBFs (SDF) for the basemap labels; one font whatever the stack',
      params: z.object({ fontstack: z.string(), range: z.string().describe('Like 0-255.pbf') }),
    };
    app.get('/fonts/:fontstack/:range', { schema: fontSchema }, async (request, reply) => {
      const { range } = request.params as z.infer<typeof fontSchema.params>;
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
  app.get('/area', { schema: { tags, summary: 'The council boundary and its neighbours', response: { 200: featureCollection('Polygons with role council|neighbour') } } }, geojson(geo.layers.boundary));
  app.get('/parishes', { schema: { tags, summary: 'Parish polygons with their clerks', response: { 200: featureCollection('Polygons with name, code, clerk') } } }, geojson(geo.layers.parishes));
  // Asset layers from files (street lights…), read once: the widgets fetch them with the map.
  for (const layer of app.civic.config.asset_layers) {
    if (!layer.file) continue;
    const summary = `${layer.name}: the asset layer for ${layer.services.join(', ')}`;
    app.get(`/assets/${layer.id}.geojson`, { schema: { tags, summary, response: { 200: featureCollection('Points with the asset id') } } }, geojson(readFileSync(layer.file, 'utf8')));
  }

  const search = {
    tags,
    summary: 'Search addresses by postcode (any case or spacing), street, number, house name or town',
    querystring: searchQuery,
    response: addressResponses('Best matches first'),
  };
  app.get('/addresses', { schema: search, schemaErrorFormatter: gazetteerError }, async (request, reply) => {
    const { q, limit } = request.query as z.output<typeof searchQuery>;
    return reply.header('Cache-Control', 'public, max-age=300').type('application/geo+json; charset=utf-8').send(geo.gazetteer.search(q, limit));
  });

  const reverse = { tags, summary: 'Addresses nearest a point', querystring: reverseQuery, response: addressResponses('Nearest first, each with properties.distance') };
  app.get('/addresses/reverse', { schema: reverse, schemaErrorFormatter: gazetteerError }, async (request, reply) => {
    const { lat, lng, limit, radius } = request.query as z.output<typeof reverseQuery>;
    return reply.type('application/geo+json; charset=utf-8').send(geo.gazetteer.reverse(lat, lng, limit, radius));
  });
}
