import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { english, type Definition } from '../consultations/definition.ts';
import { setSchedule } from '../consultations/schedule.ts';
import { ConsultationService } from '../consultations/service.ts';
import { consultationDetail } from '../consultations/views.ts';
import { ApiError } from '../http/errors.ts';
import { pageHelmet } from '../http/security-headers.ts';
import { escapeHtml } from '../http/html.ts';
import { CSP, errorSummary, page, send, type FieldError } from './page.ts';
import { csrfField } from './sign-in/plugin.ts';
import {
  check,
  definitionFrom,
  isoDay,
  OVERVIEW_FIELDS,
  QUESTION_FIELDS,
  QUESTION_TYPES,
  withQuestion,
  type AuthoringField,
  type Typed,
} from './authoring-form.ts';

/*
 * Staff authoring (/staff/consultations/new, …/edit, …/questions/new): create and edit a
 * consultation with GOV.UK-style forms instead of sending JSON to the API; a preview that is
 * the real <civic-consultation> widget; publish (open now) and close (now). Every save goes
 * through the definition schema and ConsultationService.put, as PUT /api/consultations/{id} does.
 */

type Errors = FieldError<AuthoringField>[];
const path = (id: string) => `/staff/consultations/${encodeURIComponent(id)}`;
/** Hidden fields every staff form carries: the sign-in's CSRF token (none in demo mode). */
const formTokens = (request: FastifyRequest) => csrfField(request);

function described(field: AuthoringField, hint: string, errors: Errors) {
  const error = errors.find((e) => e.field === field);
  const ids = [...(hint ? [`${field}-hint`] : []), ...(error ? [`${field}-error`] : [])].join(' ');
  return {
    before: `${hint ? `<p class="hint" id="${field}-hint">${hint}</p>` : ''}${error ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>` : ''}`,
    attrs: `${ids ? ` aria-describedby="${ids}"` : ''}${error ? ' aria-invalid="true"' : ''}`,
  };
}

function input(field: AuthoringField, label: string, hint: string, typed: Typed, errors: Errors, extra = ''): string {
  const d = described(field, hint, errors);
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<input id="${field}" name="${field}" value="${escapeHtml(typed[field] ?? '')}"${d.attrs}${extra}>`;
}

function textarea(field: AuthoringField, label: string, hint: string, typed: Typed, errors: Errors): string {
  const d = described(field, hint, errors);
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<textarea id="${field}" name="${field}"${d.attrs}>${escapeHtml(typed[field] ?? '')}</textarea>`;
}

function select(field: AuthoringField, label: string, hint: string, choices: [string, string][], typed: Typed, errors: Errors): string {
  const d = described(field, hint, errors);
  const options = choices.map(([value, name]) => `<option value="${escapeHtml(value)}"${typed[field] === value ? ' selected' : ''}>${escapeHtml(name)}</option>`).join('');
  return `<label for="${field}">${escapeHtml(label)}</label>${d.before}<select id="${field}" name="${field}"${d.attrs}>${options}</select>`;
}

function overviewFields(typed: Typed, errors: Errors, creating: boolean): string {
  return `${creating ? input('id', 'Short name', 'Used in the web address and the API, like library-hours-2027. Letters, digits and “-”, starting with a letter.', typed, errors, ' spellcheck="false" autocomplete="off"') : ''}
${input('title', 'Title', 'Like “Library opening hours”.', typed, errors)}
${textarea('summary', 'Summary', 'One or two sentences shown in lists of consultations.', typed, errors)}
${input('opens', 'Opens', 'For example, 2027-01-05. It can open now with “Publish” later.', typed, errors, ' type="date"')}
${input('closes', 'Closes', 'The last day people can answer.', typed, errors, ' type="date"')}
${textarea('proposal', 'What the council proposes', '', typed, errors)}
${textarea('reasons', 'Why', '', typed, errors)}
${textarea('audience', 'Who the council wants to hear from', '', typed, errors)}
${input('minutes', 'Minutes to answer', 'About how long it takes, like 10.', typed, errors, ' inputmode="numeric" class="short"')}
${textarea('other_ways', 'Other ways to respond', 'For people who are not online: a postal address, a phone number, a drop-in event.', typed, errors)}
${textarea('privacy', 'How the council uses the answers', 'The privacy notice in a few sentences.', typed, errors)}`;
}

function questionFields(definition: Definition | null, typed: Typed, errors: Errors): string {
  const types = QUESTION_TYPES.map(
    (t) => `<div class="choice"><input type="radio" id="q_type-${t.type}" name="q_type" value="${t.type}"${typed.q_type === t.type ? ' checked' : ''}${t.hint ? ` aria-describedby="q_type-${t.type}-hint"` : ''}><label for="q_type-${t.type}">${escapeHtml(t.name)}</label>${t.hint ? `<p class="hint" id="q_type-${t.type}-hint">${escapeHtml(t.hint)}</p>` : ''}</div>`,
  ).join('');
  const typeError = errors.find((e) => e.field === 'q_type');
  const earlier = definition ? definition.pages.flatMap((p) => p.questions.map((q) => [q.id, english(q.label)] as [string, string])) : [];
  const pages: [string, string][] = definition ? [...definition.pages.map((p) => [p.id, english(p.title)] as [string, string]), ['new', 'A new page']] : [];
  return `${definition ? select('page', 'Page', 'Questions are asked a page at a time.', pages, typed, errors) : ''}
${input('page_title', definition ? 'Title of the new page (only for a new page)' : 'Title of the first page', 'Like “Your views”.', typed, errors)}
<fieldset id="q_type"${typeError ? ' aria-describedby="q_type-error"' : ''}><legend>Kind of question</legend>${typeError ? `<p class="field-error" id="q_type-error"><span class="visually-hidden">Error:</span> ${escapeHtml(typeError.message)}</p>` : ''}${types}</fieldset>
${input('q_label', 'Question', 'What residents are asked, like “Which day should the library open late?”', typed, errors)}
${input('q_hint', 'Hint (optional)', 'Help shown under the question.', typed, errors)}
${input('q_id', 'Short name of the question', 'Names its column in the responses file, like late-day.', typed, errors, ' spellcheck="false" autocomplete="off"')}
<div class="choice"><input type="checkbox" id="q_required" name="q_required" value="yes"${typed.q_required === 'yes' ? ' checked' : ''}><label for="q_required">Residents must answer it</label></div>
${textarea('q_options', 'Choices (for a list, ranking or scale)', 'One choice on each line, in the order shown.', typed, errors)}
${
  earlier.length
    ? `<h3>Condition (optional)</h3>
${select('cond_question', 'Only ask if', 'Ask this question only when an earlier question has a particular answer.', [['', 'Always ask it'], ...earlier], typed, errors)}
${input('cond_value', 'The answer is', 'The choice exactly as written, or yes or no.', typed, errors)}`
    : ''
}`;
}

/** The stored definition's overview as the form shows it. */
function typedFrom(definition: Definition): Typed {
  return {
    title: english(definition.title),
    summary: english(definition.summary),
    opens: isoDay(definition.opens),
    closes: isoDay(definition.closes),
    proposal: english(definition.overview.proposal),
    reasons: english(definition.overview.reasons),
    audience: english(definition.overview.audience),
    minutes: String(definition.overview.estimatedMinutes),
    other_ways: definition.overview.otherWays.map((w) => english(w.detail)).join('\n'),
    privacy: english(definition.overview.privacy),
  };
}

/** Option labels → values: a condition typed as a label ("Friday") is stored as its value. */
function conditionValue(definition: Definition | null, typed: Typed): Typed {
  const target = definition?.pages.flatMap((p) => p.questions).find((q) => q.id === typed.cond_question);
  if (!target || !typed.cond_value) return typed;
  const typedValue = typed.cond_value.trim();
  if (target.type === 'yes_no') return { ...typed, cond_value: typedValue.toLowerCase() };
  const option = 'options' in target ? target.options.find((o) => english(o.label).toLowerCase() === typedValue.toLowerCase() || o.value === typedValue) : undefined;
  return option ? { ...typed, cond_value: option.value } : typed;
}

const read = (request: FastifyRequest, fields: readonly AuthoringField[]): Typed => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : f === 'q_required' || f === 'q_type' || f === 'cond_question' ? '' : ''])) as Typed;
};

export default async function authoringRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  const service = new ConsultationService(ctx);
  const formPage = (request: FastifyRequest, title: string, errors: Errors, body: string) =>
    page(request, errors.length ? `Error: ${title}` : title, `${errorSummary(errors)}\n${body}`, 'consultations');
  const stored = async (id: string): Promise<Definition | null> => {
    const { rows } = await ctx.db.query<{ definition: Definition }>('SELECT definition FROM consultations WHERE id = $1', [id]);
    return rows[0]?.definition ?? null;
  };
  const missing = (request: FastifyRequest, reply: FastifyReply) => send(reply, 404, page(request, 'Consultation not found', '<h1>Consultation not found</h1><p><a href="/staff/consultations">Back to all consultations</a></p>', 'consultations'));
  const same = { config: { crossSite: 'same-origin' as const } };

  // ---- Create ------------------------------------------------------------------------------
  const createPage = (request: FastifyRequest, typed: Typed, errors: Errors) =>
    formPage(
      request,
      'Create a consultation',
      errors,
      `<p><a href="/staff/consultations">Back to all consultations</a></p>
<h1>Create a consultation</h1>
<form method="post" action="/staff/consultations/new" novalidate>${formTokens(request)}
<h2>Overview</h2>
${overviewFields(typed, errors, true)}
<h2>First question</h2>
<p>Add more questions, pages and conditions once it is saved.</p>
${questionFields(null, typed, errors)}
<div><button type="submit">Save consultation</button></div>
</form>`,
    );
  app.get('/consultations/new', async (request, reply) => send(reply, 200, createPage(request, {}, [])));
  app.post('/consultations/new', same, async (request, reply) => {
    const typed = read(request, [...OVERVIEW_FIELDS, ...QUESTION_FIELDS]);
    const input = definitionFrom(typed, null);
    const checked = check(input, typed, true);
    if ('errors' in checked) return send(reply, 400, createPage(request, typed, checked.errors));
    if (!(await service.add(checked.definition))) {
      return send(reply, 409, createPage(request, typed, [{ field: 'id', message: `Short name: “${checked.definition.id}” is already used by another consultation. Choose another` }]));
    }
    return reply.redirect(`${path(checked.definition.id)}/edit?saved=1`, 303);
  });

  // ---- Edit: overview, questions, publish and close ----------------------------------------
  const editPage = async (request: FastifyRequest, id: string, definition: Definition, typed: Typed, errors: Errors, banner = '') => {
    const detail = await service.get(id);
    const pages = definition.pages
      .map(
        (p) => `<h3>${escapeHtml(english(p.title))}</h3><ol>${p.questions
          .map((q) => `<li>${escapeHtml(english(q.label))} <span class="tag grey">${escapeHtml(QUESTION_TYPES.find((t) => t.type === q.type)?.name ?? q.type)}</span>${q.showIf && 'question' in q.showIf ? ` <span class="hint">(only if “${escapeHtml(q.showIf.question)}” is “${escapeHtml('equals' in q.showIf ? q.showIf.equals : '…')}”)</span>` : ''}</li>`)
          .join('')}</ol>`,
      )
      .join('');
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
      `${banner}<p><a href="${path(id)}">Back to the consultation</a></p>
<h1>Edit ${escapeHtml(english(definition.title))}</h1>
<p><a href="${path(id)}/preview">Preview it as residents see it</a></p>
${actions}
<h2>Questions</h2>
${pages}
<p><a href="${path(id)}/questions/new">Add a question</a></p>
<h2>Overview</h2>
<form method="post" action="${path(id)}/edit" novalidate>${formTokens(request)}
${overviewFields(typed, errors, false)}
<div><button type="submit">Save overview</button></div>
</form>`,
    );
  };
  const saved = (what: string) => `<div class="banner" role="status"><h2>${what}</h2></div>`;
  app.get<{ Params: { id: string }; Querystring: { saved?: string } }>('/consultations/:id/edit', async (request, reply) => {
    const definition = await stored(request.params.id);
    if (!definition) return missing(request, reply);
    const banner = request.query.saved ? saved(request.query.saved === 'question' ? 'Question added' : request.query.saved === 'published' ? 'Consultation published' : request.query.saved === 'closed' ? 'Consultation closed' : 'Consultation saved') : '';
    return send(reply, 200, await editPage(request, request.params.id, definition, typedFrom(definition), [], banner));
  });
  app.post<{ Params: { id: string } }>('/consultations/:id/edit', same, async (request, reply) => {
    const id = request.params.id;
    const definition = await stored(id);
    if (!definition) return missing(request, reply);
    const typed = read(request, OVERVIEW_FIELDS.filter((f) => f !== 'id'));
    const checked = check(definitionFrom(typed, definition), typed, false);
    if ('errors' in checked) return send(reply, 400, await editPage(request, id, definition, typed, checked.errors));
    const problem = await put(id, checked.definition);
    if (problem) return send(reply, 409, await editPage(request, id, definition, typed, [{ message: problem }]));
    return reply.redirect(`${path(id)}/edit?saved=1`, 303);
  });

  /** Saves through the service (as PUT /api/consultations/{id}); its refusal in words, or null. */
  async function put(id: string, definition: Definition): Promise<string | null> {
    try {
      await service.put(id, definition);
      return null;
    } catch (error) {
      if (error instanceof ApiError) return error.errors.map((e) => e.description).join(' ');
      throw error;
    }
  }

  const questionPage = (request: FastifyRequest, id: string, definition: Definition, typed: Typed, errors: Errors) =>
    formPage(
      request,
      'Add a question',
      errors,
      `<p><a href="${path(id)}/edit">Back to ${escapeHtml(english(definition.title))}</a></p>
<h1>Add a question</h1>
<form method="post" action="${path(id)}/questions/new" novalidate>${formTokens(request)}
${questionFields(definition, typed, errors)}
<div><button type="submit">Add question</button></div>
</form>`,
    );
  app.get<{ Params: { id: string } }>('/consultations/:id/questions/new', async (request, reply) => {
    const definition = await stored(request.params.id);
    if (!definition) return missing(request, reply);
    return send(reply, 200, questionPage(request, request.params.id, definition, { page: definition.pages.at(-1)!.id }, []));
  });
  app.post<{ Params: { id: string } }>('/consultations/:id/questions/new', same, async (request, reply) => {
    const id = request.params.id;
    const definition = await stored(id);
    if (!definition) return missing(request, reply);
    const typed = read(request, QUESTION_FIELDS);
    if (typed.page !== 'new') delete typed.page_title;
    const checked = check(withQuestion(definition, conditionValue(definition, typed)), typed, true);
    if ('errors' in checked) return send(reply, 400, questionPage(request, id, definition, typed, checked.errors));
    const problem = await put(id, checked.definition);
    if (problem) return send(reply, 409, questionPage(request, id, definition, typed, [{ message: problem }]));
    return reply.redirect(`${path(id)}/edit?saved=question`, 303);
  });

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
    const definition = await stored(request.params.id);
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
<p>This is the consultation as residents will see it, even before it opens. Answers given here are not kept.</p>
<script type="module" src="/cdn/consultation.js"></script>
<civic-consultation endpoint="/staff/preview-api" consultation="${id}"></civic-consultation>`,
        'consultations',
      ),
    );
  });
  // What the preview's widget reads: the definition as an open consultation; nothing is stored.
  app.get<{ Params: { id: string } }>('/preview-api/:id', async (request, reply) => {
    const definition = await stored(request.params.id);
    if (!definition) return reply.code(404).send([{ code: 404, description: 'not_found' }]);
    const now = Date.now();
    return consultationDetail({ definition, opensAt: new Date(now - 60_000), closesAt: new Date(Math.max(Date.parse(definition.closes), now + 86_400_000)), results: null, resultsPublishedAt: null }, new Date(now));
  });
  app.post<{ Params: { id: string } }>('/preview-api/:id/responses', same, async (_request, reply) =>
    reply.code(201).send({ reference: 'PREVIEW', submittedAt: new Date().toISOString() }),
  );
}
