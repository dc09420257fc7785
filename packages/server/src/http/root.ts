import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import openApiRoutes from './openapi.ts';
import { answer } from './route-schemas.ts';

const tags = ['Server'];
const index = z.object({ name: z.string(), open311: z.url(), open311_discovery: z.url(), openapi: z.url(), dev_mailbox: z.url().optional().describe('--demo without SMTP_URL only') });
const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

/** What the server offers, for a person who opens it in a browser, and a health check. */
export default async function rootRoutes(app: FastifyInstance, { siteRoot }: { siteRoot?: string }) {
  const ctx = app.civic;
  await openApiRoutes(app);
  app.get('/', { schema: { tags, summary: 'What this server offers (the demo site\'s home page for a browser)', response: { 200: answer(index, 'Links') } } }, async (request, reply) => {
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
  app.get('/health', { schema: { tags, summary: 'Liveness and database check', response: { 200: answer(health, 'Up, and the database answers') } } }, async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok', database: ctx.db.kind };
  });
}
