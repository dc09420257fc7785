import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { requireStaff } from '../http/keys.ts';
import alertRoutes from './alert-routes.ts';
import { ConsultationAlerts } from './alerts.ts';
import { ConsultationService, definitionsFolder } from './service.ts';
import { schemas } from './schemas.ts';

/** The body is checked by the service, after its 404, 409 and replay answers (schemas.ts). */
const checkedByService = { attachValidation: true } as const;

/** Draft lookups (GET …/drafts/{code}) allowed per client address per minute. */
export const DRAFT_LOOKUPS_PER_MINUTE = 30;

/** The responses CSV as a download; it holds residents' answers, so no cache may keep it. */
export function sendCsv(reply: FastifyReply, { filename, body }: { filename: string; body: string }) {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'no-store')
    .send(body);
}

/**
 * The consultation API (docs/consultation-api.md), mounted at /api/consultations (index.ts).
 * Seeds the definitions folder (the demo's consultations) into the database when they are
 * absent. Failures are ApiErrors with word codes, sent by the shared error handler.
 */
export default async function consultationRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  const service = new ConsultationService(ctx);
  // The widget sends JSON; so no plain HTML form on another site can post a response or a draft.
  app.addHook('onRoute', (route) => {
    route.config = { jsonOnly: true, ...route.config };
  });
  const alerts = new ConsultationAlerts(ctx, service);
  alerts.register(ctx.queue);
  const folder = definitionsFolder(ctx);
  if (folder) await service.seed(folder);
  await app.register(alertRoutes, { prefix: '/alerts', alerts });

  const staff = (request: FastifyRequest) => {
    try {
      requireStaff(ctx, request);
    } catch (error) {
      // The consultation API's codes are words (docs/consultation-api.md).
      if (error instanceof ApiError) throw new ApiError(403, error.errors.map((e) => ({ code: 'forbidden', description: e.description })));
      throw error;
    }
  };
  type Id = { id: string };
  type Code = { id: string; code: string };

  app.get('/', { schema: schemas.list, config: { openapiPath: '/api/consultations' } }, async () => service.list());
  app.get<{ Params: Id }>('/:id', { schema: schemas.get }, async (request) => service.get(request.params.id));

  app.put<{ Params: Id }>(
    '/:id',
    { schema: schemas.put, ...checkedByService },
    async (request, reply) => {
      staff(request);
      const { created } = await service.put(request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(await service.get(request.params.id));
    },
  );

  app.post<{ Params: Id }>(
    '/:id/responses',
    { schema: schemas.respond, ...checkedByService },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await service.submit(request.params.id, request.body, Array.isArray(key) ? key[0] : key);
      return reply.code(result.created ? 201 : 200).send({ reference: result.reference, submittedAt: result.submittedAt });
    },
  );

  app.post<{ Params: Id }>(
    '/:id/drafts',
    { schema: schemas.saveDraft, ...checkedByService },
    async (request, reply) => reply.code(201).send(await service.createDraft(request.params.id, request.body)),
  );
  app.get<{ Params: Code }>(
    '/:id/drafts/:code',
    // A resume code unlocks someone's answers: limit lookups per address so codes cannot be
    // guessed by brute force (the server-wide limit covers only POSTs). A resident needs one.
    { schema: schemas.getDraft, config: { rateLimit: { max: DRAFT_LOOKUPS_PER_MINUTE, timeWindow: 60_000, allowList: () => false } } },
    async (request, reply) => {
      // Resume codes unlock a resident's answers: never let a shared cache keep them.
      reply.header('Cache-Control', 'no-store');
      return service.getDraft(request.params.id, request.params.code);
    },
  );
  app.put<{ Params: Code }>(
    '/:id/drafts/:code',
    { schema: schemas.updateDraft, ...checkedByService },
    async (request) => service.updateDraft(request.params.id, request.params.code, request.body),
  );

  app.get<{ Params: Id }>('/:id/results', { schema: schemas.results }, async (request) => service.results(request.params.id));
  app.post<{ Params: Id }>(
    '/:id/results',
    { schema: schemas.publish, ...checkedByService },
    async (request) => {
      staff(request);
      return service.publishResults(request.params.id, request.body);
    },
  );
  app.get<{ Params: Id }>(
    '/:id/responses.csv',
    { schema: schemas.csv },
    async (request, reply) => {
      staff(request);
      return sendCsv(reply, await service.csv(request.params.id));
    },
  );
}
