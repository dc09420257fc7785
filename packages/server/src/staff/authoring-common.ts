import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Definition, Tag } from '../consultations/definition.ts';
import type { ConsultationService } from '../consultations/service.ts';
import type { ServerContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { errorSummary, page, send } from './page.ts';
import { csrfField } from './sign-in/plugin.ts';
import type { AuthoringField, KnownTags, Typed } from './authoring-form.ts';
import type { Errors } from './authoring-fields.ts';

/* What the authoring pages (authoring.ts, authoring-questions.ts) share. */

export const path = (id: string) => `/staff/consultations/${encodeURIComponent(id)}`;
/** Hidden fields every staff form carries: the sign-in's CSRF token (none in demo mode). */
export const formTokens = (request: FastifyRequest) => csrfField(request);
/** Staff forms post only from the staff pages themselves (http/cross-site.ts). */
export const same = { config: { crossSite: 'same-origin' as const } };

export const formPage = (request: FastifyRequest, title: string, errors: Errors, body: string) =>
  page(request, errors.length ? `Error: ${title}` : title, `${errorSummary(errors)}\n${body}`, 'consultations');

export const missing = (request: FastifyRequest, reply: FastifyReply, what = 'Consultation') =>
  send(reply, 404, page(request, `${what} not found`, `<h1>${what} not found</h1><p><a href="/staff/consultations">Back to all consultations</a></p>`, 'consultations'));

export async function storedDefinition(ctx: ServerContext, id: string): Promise<Definition | null> {
  const { rows } = await ctx.db.query<{ definition: Definition }>('SELECT definition FROM consultations WHERE id = $1', [id]);
  return rows[0]?.definition ?? null;
}

/** Every topic and area a consultation uses, so new ones join the hub's filters, not split them. */
export async function knownTags(ctx: ServerContext): Promise<KnownTags> {
  const { rows } = await ctx.db.query<{ definition: Definition }>('SELECT definition FROM consultations ORDER BY id');
  const collect = (key: 'topics' | 'areas') => {
    const out = new Map<string, Tag>();
    for (const { definition } of rows) for (const tag of definition[key] ?? []) if (!out.has(tag.id)) out.set(tag.id, tag);
    return [...out.values()];
  };
  return { topics: collect('topics'), areas: collect('areas') };
}

/** Saves through the service (as PUT /api/consultations/{id}); its refusal in words, or null. */
export async function putDefinition(service: ConsultationService, id: string, definition: Definition): Promise<string | null> {
  try {
    await service.put(id, definition);
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error.errors.map((e) => e.description).join(' ');
    throw error;
  }
}

/** The posted fields as strings; a field posted several times (checkboxes) one value a line. */
export function read(request: FastifyRequest, fields: readonly AuthoringField[]): Typed {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const value = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '');
  return Object.fromEntries(fields.map((f) => [f, value(body[f])])) as Typed;
}

export const banner = (what: string) => `<div class="banner" role="status"><h2>${what}</h2></div>`;
