import type { FastifyInstance } from 'fastify';
import { widgetConfigDocument } from './document.ts';

/**
 * The widget configuration document, at a fixed name under each endpoint a widget is given
 * (`<endpoint>/widget-config.json`), so a widget finds it without asking anything first and
 * reads it in parallel with its first request. Linked from the Open311 discovery document.
 */
export default async function widgetConfigRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  for (const path of ['/open311/v2/widget-config.json', '/api/consultations/widget-config.json']) {
    app.get(path, async (_request, reply) =>
      // Short: a council that changes its map or phone number sees widgets follow within minutes.
      reply.header('Cache-Control', 'public, max-age=300').send(widgetConfigDocument(ctx)),
    );
  }
}

export const widgetConfigOpenApiPaths = {
  '/open311/v2/widget-config.json': {
    get: {
      tags: ['Widgets'],
      summary: 'The widget configuration document (also at /api/consultations/widget-config.json): map style, boundary, areas, address search, asset layers, phone, languages, tracker URL',
      responses: { 200: { description: 'See docs/integrators.md#widget-configuration', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
};
