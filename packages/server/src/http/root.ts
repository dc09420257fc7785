import type { FastifyInstance } from 'fastify';
import openApiRoutes from './openapi.ts';

/** What the server offers, for a person who opens it in a browser, and a health check. */
export default async function rootRoutes(app: FastifyInstance, { siteRoot }: { siteRoot?: string }) {
  const ctx = app.civic;
  await openApiRoutes(app);
  app.get('/', async (request, reply) => {
    // With a website mounted at / (the demo council site), a browser gets its home page.
    if (siteRoot && request.headers.accept?.includes('text/html')) return reply.sendFile('index.html', siteRoot);
    return {
      name: `${ctx.config.council.name}: Civic Widgets reference server`,
      open311: `${ctx.publicUrl}/open311/v2/`,
      open311_discovery: `${ctx.publicUrl}/open311/discovery.json`,
      openapi: `${ctx.publicUrl}/openapi.json`,
      ...(ctx.mailer.kind === 'dev-mailbox' ? { dev_mailbox: `${ctx.publicUrl}/dev/mailbox` } : {}),
    };
  });
  app.get('/health', async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok', database: ctx.db.kind };
  });
}
