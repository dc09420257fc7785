import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { answer } from '../http/route-schemas.ts';
import { answerLanguage } from '../requests/open311/answer-language.ts';
import { languageHeaders, languageQuery } from '../requests/open311/schemas.ts';
import { widgetConfigDocument } from './document.ts';

/** What /openapi.json says of the document; docs/integrators.md#widget-configuration is the contract. */
const widgetConfigSchema = z
  .object({
    council: z.object({ name: z.string(), phone: z.string().optional(), openingHours: z.string().optional() }),
    languages: z.array(z.string()).describe('Languages every text can be asked for in'),
    mapStyle: z.string().optional().describe('MapLibre style URL, relative to this document'),
    boundary: z.string().optional().describe('GeoJSON of the council and its neighbours'),
    areas: z.string().optional().describe('GeoJSON of the parishes'),
    geocoder: z.object({ kind: z.string(), url: z.string().optional(), reverseUrl: z.string().optional(), key: z.string().optional() }).optional(),
    assetLayers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        src: z.string(),
        idProperty: z.string().optional(),
        services: z.array(z.string()).optional(),
        attribute: z.string().optional(),
      }),
    ),
    trackerUrl: z.string().describe('A case page address with {id} for the reference'),
    photosPerReport: z
      .number()
      .meta({ type: 'integer' })
      .describe('How many photos POST requests takes with one report (repeated media_url or media_urls[]); without it, a client sends one as media_url'),
  })
  .meta({ id: 'WidgetConfig' });

/**
 * The widget configuration document, at a fixed name under each endpoint a widget is given
 * (`<endpoint>/widget-config.json`), so a widget finds it without asking anything first and
 * reads it in parallel with its first request. Linked from the Open311 discovery document.
 */
export default async function widgetConfigRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  for (const path of ['/open311/v2/widget-config.json', '/api/consultations/widget-config.json']) {
    const schema = {
      tags: ['Widgets'],
      summary: 'The widget configuration document: map style, boundary, areas, address search, asset layers, phone, languages, tracker URL',
      // Its texts (the council's name, the hours, the asset layers' names) in Welsh with `?locale=cy`.
      querystring: languageQuery,
      headers: languageHeaders,
      response: { 200: answer(widgetConfigSchema, 'See docs/integrators.md#widget-configuration') },
    };
    app.get(path, { schema }, async (request, reply) => {
      const language = answerLanguage(request, reply, true);
      // Short: a council that changes its map or phone number sees widgets follow within minutes.
      return reply.header('Cache-Control', 'public, max-age=300').send(widgetConfigDocument(ctx, language));
    });
  }
}
