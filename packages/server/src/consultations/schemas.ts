import { z } from 'zod';
import { answer, asSent, consultationErrors, htmlPage, pageLang } from '../http/route-schemas.ts';
import { alertBodySchema } from './alert-rules.ts';
import { draftBodySchema, responseBodySchema } from './bodies.ts';
import { conditionSchema, definitionSchema, localizedTextSchema, tagSchema } from './definition.ts';
import { publishBodySchema } from './views.ts';

/*
 * The consultation API's route schemas (routes.ts, alert-routes.ts). The bodies are the very
 * schemas the service and the alert rules check with (bodies.ts, definition.ts, views.ts,
 * alert-rules.ts); the service checks them after the consultation's 404 and 409 and an
 * Idempotency-Key replay, so the routes take the checks' answers in that order
 * (attachValidation). docs/consultation-api.md is the full contract.
 */

export const tags = ['Consultations'];

// The same objects the definitions use: one component each in /openapi.json.
z.globalRegistry.add(localizedTextSchema, { id: 'LocalizedText' });
z.globalRegistry.add(tagSchema, { id: 'ConsultationTag' });
// Recursive (all/any/not of conditions): it can only be written as a component that refers to itself.
z.globalRegistry.add(conditionSchema, { id: 'Condition' });

const status = z.enum(['upcoming', 'open', 'closed', 'results_published']);
const dateTime = z.string().meta({ format: 'date-time' });

export const summarySchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    summary: localizedTextSchema,
    status,
    opens: dateTime,
    closes: dateTime,
    topics: z.array(tagSchema),
    areas: z.array(tagSchema).describe('Empty: the whole council area'),
  })
  .meta({ id: 'ConsultationSummary' });

const detailSchema = z.object({}).loose().describe('The definition with its status and languages (docs/consultation-api.md)');
const resultsSchema = z.object({}).loose().describe('We asked, you said, we did, with the tallies (docs/consultation-api.md)');

export const errors = (description: string) => answer(consultationErrors, description);

export const idParams = asSent(z.object({ id: z.string() }));
export const codeParams = asSent(z.object({ id: z.string(), code: z.string().describe('Resume code; case and hyphens/spaces ignored') }));

// Staff keys go in the Authorization header, never in the address (addresses reach access logs).
export const staffHeaders = asSent(z.looseObject({ authorization: z.string().optional().describe('Bearer <staff API key> (or api_key in the JSON body)') }));
const staffCsvHeaders = asSent(z.looseObject({ authorization: z.string().optional().describe('Bearer <staff API key>') }));
const idempotencyHeaders = asSent(
  z.looseObject({ 'idempotency-key': z.string().optional().describe('A retry with the same key (1–200 visible characters) gets the first answer and stores nothing twice') }),
);

/** The definition as PUT takes it: `id` may be left out (the address says it); `api_key` is taken out. */
const definitionBody = asSent(definitionSchema.extend({ id: z.string().optional(), api_key: z.string().optional() }));

const reference = z.object({ reference: z.string(), submittedAt: dateTime });
const draftSaved = z.object({ resumeCode: z.string(), expiresAt: dateTime, emailed: z.boolean() });
const draft = z.object({ resumeCode: z.string(), answers: z.record(z.string(), z.unknown()), page: z.string().nullable(), updatedAt: dateTime, expiresAt: dateTime });

export const schemas = {
  list: { tags, summary: 'List consultations', response: { 200: answer(z.array(summarySchema), 'Open first, then upcoming, then closed') } },
  get: {
    tags,
    summary: 'A consultation: overview, pages, questions and conditions',
    params: idParams,
    response: { 200: answer(detailSchema, 'The definition with its status'), 404: errors('not_found') },
  },
  put: {
    tags,
    summary: 'Create or replace a consultation definition (staff); refused once it has responses',
    params: idParams,
    headers: staffHeaders,
    body: definitionBody,
    response: {
      201: answer(detailSchema, 'Created: the consultation as GET returns it'),
      200: answer(detailSchema, 'Replaced'),
      400: errors('invalid_definition, one entry per problem'),
      403: errors('forbidden'),
      409: errors('has_responses'),
    },
  },
  respond: {
    tags,
    summary: 'Submit a response (idempotent by Idempotency-Key)',
    params: idParams,
    headers: idempotencyHeaders,
    body: asSent(responseBodySchema),
    response: {
      201: answer(reference, 'Stored'),
      200: answer(reference, 'A retry: the first answer'),
      400: errors('invalid_body, or one entry per question with its problem'),
      404: errors('not_found'),
      409: errors('consultation_closed, consultation_not_open or idempotency_key_reused'),
    },
  },
  saveDraft: {
    tags,
    summary: 'Save answers so far; returns a resume code (optionally emailed)',
    params: idParams,
    body: asSent(draftBodySchema),
    response: { 201: answer(draftSaved, 'Saved'), 400: errors('invalid_body, invalid_email'), 404: errors('not_found'), 409: errors('consultation_closed'), 413: errors('too_large') },
  },
  getDraft: {
    tags,
    summary: 'Saved answers for a resume code',
    params: codeParams,
    response: { 200: answer(draft, 'The draft'), 404: errors('draft_not_found'), 409: errors('consultation_closed'), 429: errors('Too many lookups; see Retry-After') },
  },
  updateDraft: {
    tags,
    summary: 'Update saved answers; restarts the expiry',
    params: codeParams,
    body: asSent(draftBodySchema),
    response: { 200: answer(draftSaved, 'Saved'), 400: errors('invalid_body, invalid_email'), 404: errors('draft_not_found'), 409: errors('consultation_closed') },
  },
  results: {
    tags,
    summary: 'Published results: we asked, you said, we did',
    params: idParams,
    response: { 200: answer(resultsSchema, 'Results'), 404: errors('not_found, results_not_published') },
  },
  publish: {
    tags,
    summary: 'Publish results (staff)',
    params: idParams,
    headers: staffHeaders,
    body: asSent(publishBodySchema),
    response: { 200: answer(resultsSchema, 'The published results'), 400: errors('invalid_body'), 403: errors('forbidden'), 409: errors('consultation_open') },
  },
  csv: {
    tags,
    summary: 'Every response as CSV (staff)',
    params: idParams,
    headers: staffCsvHeaders,
    response: { 200: answer(z.string(), 'RFC 4180 CSV, UTF-8 with BOM', 'text/csv'), 403: errors('forbidden'), 404: errors('not_found') },
  },
};

// Checked by the pages themselves: a link that is not right gets the page that says so.
const token = (description: string) => z.unknown().meta({ type: 'string', format: 'uuid', description }).optional();
const tokenQuery = asSent(z.looseObject({ token: token('From the emailed link'), lang: pageLang }));
const tokenBody = asSent(z.looseObject({ token: token('From the page') }));
const page = (summary: string) => ({ tags, summary, querystring: tokenQuery, response: { 200: htmlPage('An HTML page'), 404: htmlPage('Unknown or expired link') } });

export const alertSchemas = {
  signUp: {
    tags,
    summary: "Ask for emails about new consultations (by topic or area), or for one consultation's outcome; a link to confirm is emailed",
    body: asSent(alertBodySchema),
    response: {
      202: answer(z.object({ status: z.literal('confirmation_sent') }), 'A link to confirm was emailed'),
      400: errors('invalid_body, invalid_email'),
      404: errors('not_found'),
    },
  },
  confirmPage: page('A page with a button that confirms'),
  unsubscribePage: page('A page with a button that unsubscribes'),
  confirm: { ...page("Confirms (the page's button)"), consumes: ['application/x-www-form-urlencoded'], body: tokenBody },
  unsubscribe: {
    ...page("Unsubscribes: the page's button, and RFC 8058 one-click (body List-Unsubscribe=One-Click)"),
    consumes: ['application/x-www-form-urlencoded'],
    body: tokenBody,
  },
};
