import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.ts';
import { open311OpenApiPaths, open311OpenApiSchemas } from '../requests/open311/openapi.ts';
import { consultationOpenApiPaths, consultationOpenApiSchemas } from '../consultations/routes.ts';
import { geoOpenApiPaths, geoOpenApiSchemas } from '../geo/routes.ts';
import { widgetConfigOpenApiPaths } from '../widget-config/routes.ts';

/** GET /openapi.json: one OpenAPI 3.1 document for everything this server answers. */
export function openApiDocument(ctx: ServerContext): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: `${ctx.config.council.name}: Civic Widgets reference server`,
      version: '0.1.0',
      description:
        'Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) with labelled extensions (docs/open311-extensions.md), the consultation API (docs/consultation-api.md) and the demo gazetteer and basemap (docs/gazetteer.md). Every error is an array of {code, description}.',
    },
    servers: [{ url: ctx.publicUrl }],
    paths: { ...open311OpenApiPaths, ...consultationOpenApiPaths, ...geoOpenApiPaths, ...widgetConfigOpenApiPaths },
    components: { schemas: { ...open311OpenApiSchemas, ...consultationOpenApiSchemas, ...geoOpenApiSchemas } },
  };
}

export default async function openApiRoutes(app: FastifyInstance) {
  app.get('/openapi.json', async () => openApiDocument(app.civic));
}
