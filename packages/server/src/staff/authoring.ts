import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emailPattern } from '../consultations/alert-rules.ts';
import { english, type Definition } from '../consultations/definition.ts';
import { setSchedule } from '../consultations/schedule.ts';
import { CODE_ALPHABET, ConsultationService } from '../consultations/service.ts';
import { consultationDetail } from '../consultations/views.ts';
import { pageHelmet } from '../http/security-headers.ts';
import { escapeHtml } from '../http/html.ts';
import { CSP, page, send } from './page.ts';
import { check, definitionFrom, isoDay, OVERVIEW_FIELDS, QUESTION_FIELDS, type KnownTags, type Typed } from './authoring-form.ts';
import { overviewFields, questionFields, type Errors } from './authoring-fields.ts';
import { welsh } from './authoring-question.ts';
import { banner, formPage, formTokens, knownTags, missing, path, putDefinition, read, same, storedDefinition } from './authoring-common.ts';
import { questionList } from './authoring-list.ts';
import questionRoutes from './authoring-questions.ts';

/*
 * Staff authoring (/staff/consultations/new, …/edit): create and edit a consultation with
 * GOV.UK-style forms instead of sending JSON to the API; a preview that is the real
 * <civic-consultation> widget; publish (open now) and close (now). Questions are added,
 * changed, moved and removed in authoring-questions.ts. Every save goes through the definition
 * schema and ConsultationService.put, as PUT /api/consultations/{id} does.
 */

/** The stored definition's overview as the form shows it. */
function typedFrom(definition: Definition): Typed {
  return {
    title: english(definition.title),
    summary: english(definition.summary),
    opens: isoDay(definition.opens),
    closes: isoDay(definition.closes),
    topics: (definition.topics ?? []).map((t) => t.id).join('\n'),
    new_topics: '',
    areas: (definition.areas ?? []).map((t) => t.id).join('\n'),
    new_areas: '',
    proposal: english(definition.overview.proposal),
    reasons: english(definition.overview.reasons),
    audience: english(definition.overview.audience),
    minutes: String(definition.overview.estimatedMinutes),
    other_ways: definition.overview.otherWays.map((w) => english(w.detail)).join('\n'),
    privacy: english(definition.overview.privacy),
    title_cy: welsh(definition.title),
    summary_cy: welsh(definition.summary),
    proposal_cy: welsh(definition.overview.proposal),
    reasons_cy: welsh(definition.overview.reasons),
    audience_cy: welsh(definition.overview.audience),
    privacy_cy: welsh(definition.overview.privacy),
  };
}

const SAVED: Record<string, string> = {
  question: 'Question added',
  changed: 'Question changed',
  moved: 'Question moved',
  removed: 'Question removed',
  published: 'Consultation published',
  closed: 'Consultation closed',
};

export default async function authoringRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  const service = new ConsultationService(ctx);
  /** Known topics and areas, with this consultation's own (which may be the only ones). */
  const tagsFor = async (definition: Definition | null): Promise<KnownTags> => {
    const known = await knownTags(ctx);
    const merge = (key: 'topics' | 'areas') => [...known[key], ...(definition?.[key] ?? []).filter((t) => !known[key].some((k) => k.id === t.id))];
    return { topics: merge('topics'), areas: merge('areas') };
  };

  // ---- Create ------------------------------------------------------------------------------
  const createPage = async (request: FastifyRequest, typed: Typed, errors: Errors) =>
    formPage(
      request,
      'Create a consultation',
      errors,
      `<p><a href="/staff/consultations">Back to all consultations</a></p>
<h1>Create a consultation</h1>
<form method="post" action="/staff/consultations/new" novalidate>${formTokens(request)}
<h2>Overview</h2>
${overviewFields(typed, errors, true, await tagsFor(null))}
<h2>First question</h2>
<p>Add more questions, pages and conditions once it is saved.</p>
${questionFields(null, typed, errors, 'first')}
<div><button type="submit">Save consultation</button></div>
</form>`,
    );
  app.get('/consultations/new', async (request, reply) => send(reply, 200, await createPage(request, {}, [])));
  app.post('/consultations/new', same, async (request, reply) => {
    const typed = read(request, [...OVERVIEW_FIELDS, ...QUESTION_FIELDS]);
    const input = definitionFrom(typed, null, await tagsFor(null));
    const checked = check(input, typed, true);
    if ('errors' in checked) return send(reply, 400, await createPage(request, typed, checked.errors));
    if (!(await service.add(checked.definition))) {
      return send(reply, 409, await createPage(request, typed, [{ field: 'id', message: `Short name: “${checked.definition.id}” is already used by another consultation. Choose another` }]));
    }
    return reply.redirect(`${path(checked.definition.id)}/edit?saved=1`, 303);
  });

  // ---- Edit: overview, the list of questions, publish and close ----------------------------
  const editPage = async (request: FastifyRequest, id: string, definition: Definition, typed: Typed, errors: Errors, top = '') => {
    const detail = await service.get(id);
    const actions =
      detail.status === 'upcoming'
        ? `<form method="post" action="${path(id)}/publish">${formTokens(request)}<button type="submit">Publish now</button></form><p class="hint">Opens it to residents today, instead of on its opening date.</p>`
        : detail.status === 'open'
          ? `<form method="post" action="${path(id)}/close">${formTokens(request)}<button type="submit" class="warning">Close now</button></form><p class="hint">No more answers are taken. You can then publish the results.</p>`
          : `<p><a href="${path(id)}#publish">Publish the results</a></p>`;
    return formPage(
      request,
      `Edit ${english(definition.title)}`,
      errors,
      `${top}<p><a href="${path(id)}">Back to the consultation</a></p>
<h1>Edit ${escapeHtml(english(definition.title))}</h1>
<p><a href="${path(id)}/preview">Preview it as residents see it</a></p>
${actions}
<h2>Questions</h2>
${questionList(request, definition)}
<p><a href="${path(id)}/questions/new">Add a question</a></p>
<h2>Overview</h2>
<form method="post" action="${path(id)}/edit" novalidate>${formTokens(request)}
${overviewFields(typed, errors, false, await tagsFor(definition))}
<div><button type="submit">Save overview</button></div>
</form>`,
    );
  };
  app.get<{ Params: { id: string }; Querystring: { saved?: string; problem?: string } }>('/consultations/:id/edit', async (request, reply) => {
    const definition = await storedDefinition(ctx, request.params.id);
    if (!definition) return missing(request, reply);
    const saved = request.query.saved;
    const top = saved ? banner(SAVED[saved] ?? 'Consultation saved') : '';
    return send(reply, 200, await editPage(request, request.params.id, definition, typedFrom(definition), [], top));
  });
  app.post<{ Params: { id: string } }>('/consultations/:id/edit', same, async (request, reply) => {
    const id = request.params.id;
    const definition = await storedDefinition(ctx, id);
    if (!definition) return missing(request, reply);
    const typed = read(request, OVERVIEW_FIELDS.filter((f) => f !== 'id'));
    const checked = check(definitionFrom(typed, definition, await tagsFor(definition)), typed, false);
    if ('errors' in checked) return send(reply, 400, await editPage(request, id, definition, typed, checked.errors));
    const problem = await putDefinition(service, id, checked.definition);
    if (problem) return send(reply, 409, await editPage(request, id, definition, typed, [{ message: problem }]));
    return reply.redirect(`${path(id)}/edit?saved=1`, 303);
  });

  await questionRoutes(app, service);

  for (const action of ['publish', 'close'] as const) {
    app.post<{ Params: { id: string } }>(`/consultations/:id/${action}`, same, async (request, reply) => {
      const id = request.params.id;
      const now = new Date();
      if (!(await setSchedule(ctx, id, action === 'publish' ? { opens: now } : { closes: now }))) return missing(request, reply);
      return reply.redirect(`${path(id)}/edit?saved=${action === 'publish' ? 'published' : 'closed'}`, 303);
    });
  }

  // ---- Preview: the real widget, reading the stored definition as if it were open ----------
  // The preview page runs the widget's module from this server: its CSP allows scripts and
  // requests to 'self' only (the other staff pages allow no script at all).
  app.addHook('onRoute', (route) => {
    if (route.url.endsWith('/preview')) route.config = { ...route.config, helmet: pageHelmet({ ...CSP, 'script-src': ["'self'"], 'connect-src': ["'self'"], 'worker-src': ["'self'"] }) };
  });
  app.get<{ Params: { id: string } }>('/consultations/:id/preview', async (request, reply) => {
    const definition = await storedDefinition(ctx, request.params.id);
    if (!definition) return missing(request, reply);
    const id = escapeHtml(definition.id);
    return send(
      reply,
      200,
      page(
        request,
        `Preview: ${english(definition.title)}`,
        `<p><a href="${path(definition.id)}/edit">Back to editing</a></p>
<h1>Preview</h1>
<p>This is the consultation as residents will see it, even before it opens. Answers given here are not kept, and nothing is emailed: saving answers shows a resume code, but it cannot be used to carry on.</p>
${
  ctx.widgetScripts
    ? `<script type="module" src="${ctx.widgetScripts}/consultation.js"></script>
<civic-consultation endpoint="/staff/preview-api" consultation="${id}"></civic-consultation>`
    : `<div class="inset"><p>The preview needs the widgets’ files, and this server does not have them. Ask whoever runs it to install them beside the server (<code>npm install @civic-widgets/cdn</code>, the same version as the server) or to point <code>CIVIC_WIDGETS_DIR</code> at a copy, then restart it.</p></div>`
}`,
        'consultations',
      ),
    );
  });
  // What the preview's widget reads: the definition as an open consultation; nothing is stored.
  app.get<{ Params: { id: string } }>('/preview-api/:id', async (request, reply) => {
    const definition = await storedDefinition(ctx, request.params.id);
    if (!definition) return reply.code(404).send([{ code: 404, description: 'not_found' }]);
    const now = Date.now();
    return consultationDetail({ definition, opensAt: new Date(now - 60_000), closesAt: new Date(Math.max(Date.parse(definition.closes), now + 86_400_000)), results: null, resultsPublishedAt: null }, new Date(now));
  });
  // The preview's stand-ins for what the widget posts: they store and send nothing. Sending a
  // response gives a reference; "Save and come back later" gives a resume code (and says it was
  // emailed, as it would be) so staff see every page residents see; a code never resumes.
  const standIn = { config: { crossSite: 'same-origin' as const, changesNothing: true } };
  app.post<{ Params: { id: string } }>('/preview-api/:id/responses', standIn, async (_request, reply) =>
    reply.code(201).send({ reference: 'PREVIEW', submittedAt: new Date().toISOString() }),
  );
  const previewDraft = (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, status: number) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    if (email && !emailPattern.test(email)) {
      return reply.code(400).send([{ code: 'invalid_email', description: 'Enter an email address in the correct format, like name@example.com.' }]);
    }
    const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    return reply.code(status).send({ resumeCode: code, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), emailed: Boolean(email) });
  };
  app.post<{ Params: { id: string } }>('/preview-api/:id/drafts', standIn, async (request, reply) => previewDraft(request, reply, 201));
  app.put<{ Params: { id: string; code: string } }>('/preview-api/:id/drafts/:code', standIn, async (request, reply) => previewDraft(request, reply, 200));
  app.get<{ Params: { id: string; code: string } }>('/preview-api/:id/drafts/:code', async (_request, reply) =>
    reply.code(404).header('Cache-Control', 'no-store').send([{ code: 'draft_not_found', description: 'In the preview, saved answers are not kept.' }]),
  );
}
