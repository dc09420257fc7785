import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { requireStaff } from '../http/keys.ts';
import alertRoutes from './alert-routes.ts';
import { ConsultationAlerts } from './alerts.ts';
import { ConsultationService, definitionsFolder } from './service.ts';

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

  app.get('/', async () => service.list());
  app.get<{ Params: Id }>('/:id', async (request) => service.get(request.params.id));

  app.put<{ Params: Id }>(
    '/:id',
    async (request, reply) => {
      staff(request);
      const { created } = await service.put(request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(await service.get(request.params.id));
    },
  );

  app.post<{ Params: Id }>(
    '/:id/responses',
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await service.submit(request.params.id, request.body, Array.isArray(key) ? key[0] : key);
      return reply.code(result.created ? 201 : 200).send({ reference: result.reference, submittedAt: result.submittedAt });
    },
  );

  app.post<{ Params: Id }>(
    '/:id/drafts',
    async (request, reply) => reply.code(201).send(await service.createDraft(request.params.id, request.body)),
  );
  app.get<{ Params: Code }>(
    '/:id/drafts/:code',
    // A resume code unlocks someone's answers: limit lookups per address so codes cannot be
    // guessed by brute force (the server-wide limit covers only POSTs). A resident needs one.
    { config: { rateLimit: { max: DRAFT_LOOKUPS_PER_MINUTE, timeWindow: 60_000, allowList: () => false } } },
    async (request, reply) => {
      // Resume codes unlock a resident's answers: never let a shared cache keep them.
      reply.header('Cache-Control', 'no-store');
      return service.getDraft(request.params.id, request.params.code);
    },
  );
  app.put<{ Params: Code }>(
    '/:id/drafts/:code',
    async (request) => service.updateDraft(request.params.id, request.params.code, request.body),
  );

  app.get<{ Params: Id }>('/:id/results', async (request) => service.results(request.params.id));
  app.post<{ Params: Id }>(
    '/:id/results',
    async (request) => {
      staff(request);
      return service.publishResults(request.params.id, request.body);
    },
  );
  app.get<{ Params: Id }>(
    '/:id/responses.csv',
    async (request, reply) => {
      staff(request);
      return sendCsv(reply, await service.csv(request.params.id));
    },
  );
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.1 fragment for /openapi.json. Schemas are kept to what a client generator needs;
// docs/consultation-api.md is the full contract.
// ---------------------------------------------------------------------------------------------
const errorArray = {
  type: 'array',
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'string' }, description: { type: 'string' }, question: { type: 'string' } },
  },
};
const localizedText = {
  oneOf: [
    { type: 'string' },
    { type: 'object', required: ['en'], properties: { en: { type: 'string' }, cy: { type: 'string' } } },
  ],
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ConsultationErrors' } } } });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const codeParam = { name: 'code', in: 'path', required: true, schema: { type: 'string' }, description: 'Resume code; case and hyphens/spaces ignored' };
// Staff keys go in the Authorization header, never in the address (addresses reach access logs).
const apiKeyParam = { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' }, description: 'Bearer <staff API key>' };
const draftBody = {
  type: 'object',
  required: ['answers'],
  properties: {
    answers: { type: 'object', additionalProperties: true },
    page: { type: 'string' },
    email: { type: 'string', format: 'email' },
    returnUrl: { type: 'string', format: 'uri' },
    lang: { type: 'string', enum: ['en', 'cy'] },
  },
};
const draftSaved = {
  type: 'object',
  required: ['resumeCode', 'expiresAt', 'emailed'],
  properties: { resumeCode: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' }, emailed: { type: 'boolean' } },
};
const tags = ['Consultations'];

export const consultationOpenApiSchemas = {
  ConsultationErrors: errorArray,
  LocalizedText: localizedText,
  ConsultationSummary: {
    type: 'object',
    required: ['id', 'title', 'summary', 'status', 'opens', 'closes'],
    properties: {
      id: { type: 'string' },
      title: { $ref: '#/components/schemas/LocalizedText' },
      summary: { $ref: '#/components/schemas/LocalizedText' },
      status: { type: 'string', enum: ['upcoming', 'open', 'closed', 'results_published'] },
      opens: { type: 'string', format: 'date-time' },
      closes: { type: 'string', format: 'date-time' },
      topics: { type: 'array', items: { $ref: '#/components/schemas/ConsultationTag' } },
      areas: { type: 'array', items: { $ref: '#/components/schemas/ConsultationTag' }, description: 'Empty: the whole council area' },
    },
  },
  ConsultationTag: {
    type: 'object',
    required: ['id', 'label'],
    properties: { id: { type: 'string' }, label: { $ref: '#/components/schemas/LocalizedText' } },
  },
};

const tokenQuery = { name: 'token', in: 'query', required: true, schema: { type: 'string', format: 'uuid' }, description: 'From the emailed link' };
const alertPage = (summary: string) => ({ tags, summary, parameters: [tokenQuery], responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } }, 404: { description: 'Unknown or expired link (HTML)' } } });

export const consultationOpenApiPaths = {
  '/api/consultations/alerts': {
    post: {
      tags,
      summary: 'Ask for emails about new consultations (by topic or area), or for one consultation\'s outcome; a link to confirm is emailed',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email'],
              properties: {
                email: { type: 'string', format: 'email' },
                topics: { type: 'array', items: { type: 'string' } },
                areas: { type: 'array', items: { type: 'string' } },
                consultation: { type: 'string', description: 'Tell me the outcome of this one (then topics and areas are ignored)' },
                lang: { type: 'string', enum: ['en', 'cy'] },
              },
            },
          },
        },
      },
      responses: {
        202: json({ type: 'object', properties: { status: { const: 'confirmation_sent' } } }, 'A link to confirm was emailed'),
        400: errorResponse('invalid_body, invalid_email'),
        404: errorResponse('not_found'),
      },
    },
  },
  '/api/consultations/alerts/confirm': { get: alertPage('A page with a button that confirms'), post: alertPage('Confirms (the page\'s button)') },
  '/api/consultations/alerts/unsubscribe': {
    get: alertPage('A page with a button that unsubscribes'),
    post: alertPage('Unsubscribes: the page\'s button, and RFC 8058 one-click (body List-Unsubscribe=One-Click)'),
  },
  '/api/consultations': {
    get: {
      tags,
      summary: 'List consultations',
      responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/ConsultationSummary' } }, 'Open first, then closed') },
    },
  },
  '/api/consultations/{id}': {
    get: {
      tags,
      summary: 'A consultation: overview, pages, questions and conditions',
      parameters: [idParam],
      responses: {
        200: json({ type: 'object', description: 'See docs/consultation-api.md' }, 'The definition with its status'),
        404: errorResponse('not_found'),
      },
    },
    put: {
      tags,
      summary: 'Create or replace a consultation definition (staff); refused once it has responses',
      parameters: [idParam, { ...apiKeyParam, required: false, description: 'Bearer <staff API key> (or api_key in the JSON body)' }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'The definition, as docs/consultation-api.md describes it' } } } },
      responses: {
        201: json({ type: 'object' }, 'Created: the consultation as GET returns it'),
        200: json({ type: 'object' }, 'Replaced'),
        400: errorResponse('invalid_definition, one entry per problem'),
        403: errorResponse('forbidden'),
        409: errorResponse('has_responses'),
      },
    },
  },
  '/api/consultations/{id}/responses': {
    post: {
      tags,
      summary: 'Submit a response (idempotent by Idempotency-Key)',
      parameters: [idParam, { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['answers'],
              properties: {
                answers: { type: 'object', additionalProperties: true },
                lang: { type: 'string', enum: ['en', 'cy'] },
                resumeCode: { type: 'string' },
              },
            },
          },
        },
      },
      responses: {
        201: json({ type: 'object', properties: { reference: { type: 'string' }, submittedAt: { type: 'string', format: 'date-time' } } }, 'Stored'),
        200: json({ type: 'object', properties: { reference: { type: 'string' }, submittedAt: { type: 'string', format: 'date-time' } } }, 'A retry: the first answer'),
        400: errorResponse('Validation errors, one per question'),
        404: errorResponse('not_found'),
        409: errorResponse('consultation_closed, consultation_not_open or idempotency_key_reused'),
      },
    },
  },
  '/api/consultations/{id}/drafts': {
    post: {
      tags,
      summary: 'Save answers so far; returns a resume code (optionally emailed)',
      parameters: [idParam],
      requestBody: { required: true, content: { 'application/json': { schema: draftBody } } },
      responses: { 201: json(draftSaved, 'Saved'), 400: errorResponse('invalid_body, invalid_email'), 409: errorResponse('consultation_closed'), 413: errorResponse('too_large') },
    },
  },
  '/api/consultations/{id}/drafts/{code}': {
    get: {
      tags,
      summary: 'Saved answers for a resume code',
      parameters: [idParam, codeParam],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              resumeCode: { type: 'string' },
              answers: { type: 'object', additionalProperties: true },
              page: { type: ['string', 'null'] },
              updatedAt: { type: 'string', format: 'date-time' },
              expiresAt: { type: 'string', format: 'date-time' },
            },
          },
          'The draft',
        ),
        404: errorResponse('draft_not_found'),
        409: errorResponse('consultation_closed'),
      },
    },
    put: {
      tags,
      summary: 'Update saved answers; restarts the expiry',
      parameters: [idParam, codeParam],
      requestBody: { required: true, content: { 'application/json': { schema: draftBody } } },
      responses: { 200: json(draftSaved, 'Saved'), 404: errorResponse('draft_not_found'), 409: errorResponse('consultation_closed') },
    },
  },
  '/api/consultations/{id}/results': {
    get: {
      tags,
      summary: 'Published results: we asked, you said, we did',
      parameters: [idParam],
      responses: { 200: json({ type: 'object', description: 'See docs/consultation-api.md' }, 'Results'), 404: errorResponse('results_not_published') },
    },
    post: {
      tags,
      summary: 'Publish results (staff)',
      parameters: [idParam, { ...apiKeyParam, required: false, description: 'Bearer <staff API key> (or api_key in the JSON body)' }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['youSaid', 'weDid', 'decision'] } } } },
      responses: {
        200: json({ type: 'object' }, 'The published results'),
        400: errorResponse('invalid_body'),
        403: errorResponse('forbidden'),
        409: errorResponse('consultation_open'),
      },
    },
  },
  '/api/consultations/{id}/responses.csv': {
    get: {
      tags,
      summary: 'Every response as CSV (staff)',
      parameters: [idParam, apiKeyParam],
      responses: {
        200: { description: 'RFC 4180 CSV, UTF-8 with BOM', content: { 'text/csv': { schema: { type: 'string' } } } },
        403: errorResponse('forbidden'),
        404: errorResponse('not_found'),
      },
    },
  },
};
