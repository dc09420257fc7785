import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { z } from 'zod';
import { ApiError, type ApiErrorEntry } from './api-error.ts';

/*
 * Helpers for the routes' zod schemas (fastify-type-provider-zod): each route's schema validates
 * its request and is what /openapi.json says about it (http/openapi.ts). The rules that give the
 * API its worded errors stay plain functions (request-rules.ts, the consultation service…), shared
 * with the Storybook mock backend; a schema runs them as its check, so the answer to a bad
 * request is the route's own error array, word for word.
 */

/** Schemas whose request part stays as it was sent once checked (see openapi.ts's validator). */
const sentAsIs = new WeakSet<z.ZodType>();

/**
 * Validate, but hand the handler the request part exactly as sent (key order, arrays, strings):
 * fingerprints of idempotent bodies and the `Link` header built from the query depend on it.
 */
export function asSent<T extends z.ZodType>(schema: T): T {
  sentAsIs.add(schema);
  return schema;
}
export const isSentAsIs = (schema: unknown) => schema instanceof z.ZodType && sentAsIs.has(schema);

interface RuleIssue {
  status: number;
  entry: ApiErrorEntry;
}

/**
 * A zod check that runs one of the API's rules (a function that throws an ApiError): each entry of
 * its error becomes an issue, in order, and `ruleErrors` gives the same ApiError back.
 */
export function ruleCheck<T>(rule: (value: T) => unknown) {
  return (value: T, ctx: z.RefinementCtx<T>) => {
    try {
      rule(value);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      for (const entry of error.errors) {
        const params: RuleIssue = { status: error.statusCode, entry };
        ctx.addIssue({ code: 'custom', message: entry.description, input: value, params });
      }
    }
  };
}

/**
 * The route's schemaErrorFormatter: a rule's issues as the rule's own ApiError; any other issue
 * (the shape itself) as `fallback` would word it.
 */
export function ruleErrors(fallback: (issue: FastifySchemaValidationError) => ApiErrorEntry, status = 400) {
  return (errors: FastifySchemaValidationError[]): Error => {
    const entries: ApiErrorEntry[] = [];
    let code = status;
    for (const error of errors) {
      const rule = (error.params as { params?: RuleIssue } | undefined)?.params;
      if (rule?.entry) {
        entries.push(rule.entry);
        code = rule.status;
      } else entries.push(fallback(error));
    }
    return new ApiError(code, entries);
  };
}

/** Open311's error answer: `[{code, description}]`, code the HTTP status. */
export const open311Errors = z
  .array(z.object({ code: z.number().meta({ type: 'integer' }).describe('The HTTP status'), description: z.string().describe('What went wrong and how to fix it') }))
  .meta({ id: 'Open311Errors' });

/** The consultation API's: `[{code, description, question?}]`, code a word (docs/consultation-api.md). */
export const consultationErrors = z
  .array(z.object({ code: z.string(), description: z.string(), question: z.string().optional() }))
  .meta({ id: 'ConsultationErrors' });

/** A documented answer in one content type. */
export const answer = (schema: z.ZodType, description: string, type = 'application/json') => ({ description, content: { [type]: { schema } } });

/** An HTML page (confirm, unsubscribe, case pages). */
export const htmlPage = (description: string) => answer(z.string(), description, 'text/html');

/** The language switch of the server's own pages (http/page-language.ts): ?lang=cy or en. */
export const pageLang = z.unknown().meta({ type: 'string', enum: ['en', 'cy'], description: 'The page in Welsh (cy) or English (en); otherwise the language the link was sent in, or the browser\'s' }).optional();
export const pageLanguageQuery = asSent(z.looseObject({ lang: pageLang }));

/** A header a route reads, documented with its schema. */
export const optionalHeader = (description: string, max = 255) => z.string().max(max).optional().describe(description);
