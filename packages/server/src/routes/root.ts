import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';

/** What the server offers, for a person who opens it in a browser, and a health check. */
export default async function rootRoutes(app: FastifyInstance, ctx: ServerContext) {
  app.get('/', async () => ({
    name: `${ctx.config.council.name}: Civic Widgets reference server`,
    open311: `${ctx.publicUrl}/open311/v2/`,
    openapi: `${ctx.publicUrl}/openapi.json`,
    ...(ctx.mailer.kind === 'dev-mailbox' ? { dev_mailbox: `${ctx.publicUrl}/dev/mailbox` } : {}),
  }));
  app.get('/health', async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok', database: ctx.db.kind };
  });
}
