import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfField } from './sign-in/plugin.ts';
import { escapeHtml } from '../http/html.ts';
import { inLanguage, type LocalizedText } from '../consultations/definition.ts';
import { ApiError } from '../http/errors.ts';
import { ConsultationService, type PublishBody, type Status } from '../consultations/service.ts';
import { parseDay, ukLongDate } from '../requests/expected-dates.ts';
import { errorSummary, page, sameOrigin, scrollingTable, send, when, type FieldError } from './page.ts';
import { sendCsv } from '../consultations/routes.ts';

/*
 * The demo back office's consultations (/staff/consultations): each consultation with its
 * status, dates and number of responses, the responses as CSV, and for a closed consultation
 * the form that publishes "we asked, you said, we did". Everything goes through
 * ConsultationService in-process, as POST /api/consultations/{id}/results and
 * GET …/responses.csv do with a staff key, so no key reaches the browser.
 */

const STATUS_WORDS: Record<Status, string> = {
  upcoming: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
  results_published: 'Results published',
};
const statusTag = (status: Status) =>
  `<strong class="tag${status === 'results_published' ? ' closed' : status === 'closed' ? ' grey' : ''}">${STATUS_WORDS[status]}</strong>`;

const en = (text: LocalizedText | undefined) => inLanguage(text, 'en');
const consultationPath = (id: string) => `/staff/consultations/${encodeURIComponent(id)}`;
const csvPath = (id: string) => `${consultationPath(id)}/responses.csv`;
const resultsApiPath = (id: string) => `/api/consultations/${encodeURIComponent(id)}/results`;
const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** The publish form's fields, as typed. */
const FIELDS = ['weAsked', 'weAsked_cy', 'youSaid', 'youSaid_cy', 'weDid', 'weDid_cy', 'decision_text', 'decision_text_cy', 'decision_url', 'decision_date', 'quotes'] as const;
type Field = (typeof FIELDS)[number];
type Typed = Partial<Record<Field, string>>;

/** Longest quote the service takes (publishBodySchema). */
const QUOTE_MAX = 2000;

/**
 * Checks the form as an officer filled it in, with GOV.UK wording, and builds the publish body
 * of docs/consultation-api.md. The service checks the body again (its messages are shown for
 * anything this does not catch).
 */
function publishBody(typed: Typed): { body: PublishBody } | { errors: FieldError<Field>[] } {
  const errors: FieldError<Field>[] = [];
  const text = (field: Field) => (typed[field] ?? '').trim();
  if (!text('youSaid')) errors.push({ field: 'youSaid', message: 'Enter what people said' });
  if (!text('weDid')) errors.push({ field: 'weDid', message: 'Enter what the council did' });
  if (!text('decision_text')) errors.push({ field: 'decision_text', message: 'Enter the decision' });
  // The Welsh goes beside the English (the API's {en, cy}): a Welsh "we asked" needs its English.
  if (text('weAsked_cy') && !text('weAsked')) errors.push({ field: 'weAsked', message: 'Enter what the consultation asked in English too, or leave both empty' });
  const url = text('decision_url');
  if (url) {
    let ok = false;
    try {
      ok = ['https:', 'http:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.push({ field: 'decision_url', message: 'Enter the link to the decision as a full web address, like https://www.example.gov.uk/decisions/42' });
  }
  const date = text('decision_date');
  if (date && !parseDay(date)) errors.push({ field: 'decision_date', message: 'Date of the decision must be a real date, like 14 October 2026' });
  const quotes = text('quotes')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const long = quotes.findIndex((q) => q.length > QUOTE_MAX);
  if (long >= 0) errors.push({ field: 'quotes', message: `Each quote must be ${QUOTE_MAX} characters or fewer (quote ${long + 1} has ${quotes[long]!.length.toLocaleString('en-GB')})` });
  if (errors.length) return { errors };
  // English alone, or `{en, cy}` when the officer gave the Welsh (docs/consultation-api.md).
  const both = (field: 'weAsked' | 'youSaid' | 'weDid' | 'decision_text'): LocalizedText =>
    text(`${field}_cy`) ? { en: text(field), cy: text(`${field}_cy`) } : text(field);
  return {
    body: {
      ...(text('weAsked') ? { weAsked: both('weAsked') } : {}),
      youSaid: both('youSaid'),
      weDid: both('weDid'),
      decision: { text: both('decision_text'), ...(url ? { url } : {}), ...(date ? { date } : {}) },
      quotes: quotes.map((q) => ({ text: q })),
    },
  };
}

/** The service's own messages ("decision.url: …"), on the field they name where there is one. */
function serviceErrors(error: ApiError): FieldError<Field>[] {
  const fieldOf: [string, Field][] = [
    ['weAsked', 'weAsked'],
    ['youSaid', 'youSaid'],
    ['weDid', 'weDid'],
    ['decision.text', 'decision_text'],
    ['decision.url', 'decision_url'],
    ['decision.date', 'decision_date'],
    ['quotes', 'quotes'],
  ];
  return error.errors.map((e) => {
    const field = fieldOf.find(([prefix]) => e.description.startsWith(prefix))?.[1];
    return field ? { field, message: e.description } : { message: e.description };
  });
}

function textarea(field: Field, label: string, hint: string, typed: Typed, errors: FieldError<Field>[], lang?: 'cy'): string {
  const error = errors.find((e) => e.field === field);
  const describedBy = [`${field}-hint`, ...(error ? [`${field}-error`] : [])].join(' ');
  return `<label for="${field}">${escapeHtml(label)}</label>
<p class="hint" id="${field}-hint">${hint}</p>
${error ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>` : ''}
<textarea id="${field}" name="${field}" aria-describedby="${describedBy}"${lang ? ` lang="${lang}"` : ''}>${escapeHtml(typed[field] ?? '')}</textarea>`;
}

/** The Welsh of one of the results' texts, for Welsh readers: optional, they get the English without it. */
const welshTextarea = (field: Field, label: string, typed: Typed, errors: FieldError<Field>[]) =>
  textarea(field, `${label} in Welsh (optional)`, 'Residents reading the results in Welsh get this. Leave it empty and they get the English.', typed, errors, 'cy');

/** A published text's Welsh, when it has its own. */
function welshOf(term: string, text: LocalizedText | undefined): string {
  const cy = inLanguage(text, 'cy');
  return cy && cy !== en(text) ? `<dt>${term} in Welsh</dt><dd class="pre-line" lang="cy">${escapeHtml(cy)}</dd>` : '';
}

/** A published text, and its Welsh beside it when there is one. */
const publishedText = (term: string, text: LocalizedText | undefined) =>
  `<dt>${term}</dt><dd class="pre-line">${escapeHtml(en(text))}</dd>${welshOf(term, text)}`;

function input(field: Field, type: 'url' | 'date', label: string, hint: string, typed: Typed, errors: FieldError<Field>[]): string {
  const error = errors.find((e) => e.field === field);
  const describedBy = [`${field}-hint`, ...(error ? [`${field}-error`] : [])].join(' ');
  return `<label for="${field}">${escapeHtml(label)}</label>
<p class="hint" id="${field}-hint">${hint}</p>
${error ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error.message)}</p>` : ''}
<input type="${type}" id="${field}" name="${field}" value="${escapeHtml(typed[field] ?? '')}" aria-describedby="${describedBy}"${type === 'url' ? ' spellcheck="false"' : ''}>`;
}

export default async function staffConsultationRoutes(app: FastifyInstance) {
  const ctx = app.civic;
  const service = new ConsultationService(ctx);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    send(reply, 404, page(request, 'Consultation not found', '<h1>Consultation not found</h1><p><a href="/staff/consultations">Back to all consultations</a></p>', 'consultations'));

  /** The consultation's page; null when there is no such consultation. */
  async function consultationPage(request: FastifyRequest, id: string, form: { typed?: Typed; errors?: FieldError<Field>[]; published?: boolean } = {}): Promise<string | null> {
    let detail: Awaited<ReturnType<ConsultationService['get']>>;
    try {
      detail = await service.get(id);
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 404) return null;
      throw error;
    }
    const responses = (await service.responseCounts()).get(id) ?? 0;
    const results = detail.status === 'results_published' ? await service.results(id) : null;
    const typed = form.typed ?? {};
    const errors = form.errors ?? [];
    const title = en(detail.title);
    const closes = new Date(detail.closes);

    let next: string;
    if (results) {
      next = `<h2>Published results</h2>
<dl>
<dt>Published</dt><dd>${when(results.publishedAt)}</dd>
${publishedText('We asked', results.weAsked)}
${publishedText('You said', results.youSaid)}
${publishedText('We did', results.weDid)}
<dt>Decision</dt><dd class="pre-line">${escapeHtml(en(results.decision.text))}${results.decision.date ? ` (${when(`${results.decision.date}T12:00:00Z`, ukLongDate(new Date(`${results.decision.date}T12:00:00Z`)))})` : ''}${results.decision.url && /^https?:\/\//i.test(results.decision.url) ? `<br><a href="${escapeHtml(results.decision.url)}">Read the decision</a>` : ''}</dd>
${welshOf('Decision', results.decision.text)}
${results.quotes.length ? `<dt>Quotes</dt><dd><ul class="quotes">${results.quotes.map((q) => `<li>${escapeHtml(q.text)}</li>`).join('')}</ul></dd>` : ''}
</dl>
<p><a href="${resultsApiPath(id)}">View the published results</a> (as the council website's results widget reads them).</p>`;
    } else if (detail.status === 'closed') {
      next = `<h2 id="publish">Publish the results</h2>
<p>Tell residents what you heard and what the council did about it ("we asked, you said, we did"). The figures for each question are worked out from the ${plural(responses, 'response')} when you publish, and are shown with your words.</p>
<form method="post" action="${consultationPath(id)}/results" novalidate>
${csrfField(request)}
${textarea('weAsked', 'We asked (optional)', `What the consultation asked. Leave it empty to use its summary: “${escapeHtml(en(detail.summary))}”`, typed, errors)}
${welshTextarea('weAsked_cy', 'We asked', typed, errors)}
${textarea('youSaid', 'You said', 'A summary of what people told you, in plain English.', typed, errors)}
${welshTextarea('youSaid_cy', 'You said', typed, errors)}
${textarea('weDid', 'We did', 'What the council decided or changed because of it.', typed, errors)}
${welshTextarea('weDid_cy', 'We did', typed, errors)}
${textarea('decision_text', 'Decision', 'The decision in a sentence or two, like “The Communities Committee agreed the new opening hours on 14 October.”', typed, errors)}
${welshTextarea('decision_text_cy', 'Decision', typed, errors)}
${input('decision_url', 'url', 'Link to the decision (optional)', 'The decision document or the minutes, starting with https://', typed, errors)}
${input('decision_date', 'date', 'Date of the decision (optional)', 'For example, 14 October 2026.', typed, errors)}
${textarea('quotes', 'Quotes (optional)', 'Things people wrote, one quote per line. Leave out anything that could identify someone.', typed, errors)}
<div><button type="submit">Publish results</button></div>
</form>`;
    } else {
      next = `<h2>Results</h2>
<p>You can publish the results once the consultation closes on ${when(closes, ukLongDate(closes))}.</p>`;
    }

    return page(
      request,
      errors.length ? `Error: ${title}` : title,
      `${errorSummary(errors)}
${form.published ? `<div class="banner" role="status"><h2>Results published</h2><p>Residents can now read what they said and what the council did. <a href="${resultsApiPath(id)}">View the published results</a></p></div>` : ''}
<p><a href="/staff/consultations">Back to all consultations</a></p>
<h1>${escapeHtml(title)}</h1>
<dl>
<dt>Status</dt><dd>${statusTag(detail.status)}</dd>
<dt>Opens</dt><dd>${when(detail.opens)}</dd>
<dt>Closes</dt><dd>${when(detail.closes)}</dd>
<dt>Responses</dt><dd>${responses.toLocaleString('en-GB')}</dd>
<dt>Summary</dt><dd class="pre-line">${escapeHtml(en(detail.summary))}</dd>
</dl>
<p><a href="${consultationPath(id)}/edit">Edit, preview, publish or close</a></p>
<p><a href="${csvPath(id)}" download>Download the responses (CSV)</a></p>
${next}`,
      'consultations',
    );
  }

  app.get('/consultations', async (request, reply) => {
    const [list, counts] = await Promise.all([service.list(), service.responseCounts()]);
    const rows = list
      .map((c) => {
        const title = escapeHtml(en(c.title));
        const n = counts.get(c.id) ?? 0;
        const next =
          c.status === 'results_published'
            ? `<a href="${resultsApiPath(c.id)}">Results<span class="visually-hidden"> of ${title}</span></a>`
            : c.status === 'closed'
              ? `<a href="${consultationPath(c.id)}#publish">Publish results<span class="visually-hidden"> of ${title}</span></a>`
              : '';
        return `<tr>
<td><a href="${consultationPath(c.id)}">${title}</a></td>
<td>${statusTag(c.status)}</td>
<td>${when(c.opens)}</td>
<td>${when(c.closes)}</td>
<td class="number">${n.toLocaleString('en-GB')}</td>
<td><a href="${csvPath(c.id)}" download>CSV<span class="visually-hidden"> of the responses to ${title}</span></a></td>
<td>${next}</td>
</tr>`;
      })
      .join('');
    return send(
      reply,
      200,
      page(
        request,
        'Consultations',
        `<h1>Consultations</h1>
<p><a href="/staff/consultations/new">Create a consultation</a></p>
<p>${plural(list.length, 'consultation')}: open ones first, then the most recently closed.</p>
${
  list.length
    ? scrollingTable('Consultations', `<table><thead><tr><th scope="col">Consultation</th><th scope="col">Status</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col">Responses</th><th scope="col">Responses file</th><th scope="col">Results</th></tr></thead><tbody>${rows}</tbody></table>`)
    : '<p>No consultations yet. Add one with PUT /api/consultations/{id} or a file in the consultations folder.</p>'
}`,
        'consultations',
      ),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { published?: string } }>('/consultations/:id', async (request, reply) => {
    const html = await consultationPage(request, request.params.id, { published: request.query.published === '1' });
    return html ? send(reply, 200, html) : notFound(request, reply);
  });

  app.get<{ Params: { id: string } }>('/consultations/:id/responses.csv', async (request, reply) => {
    try {
      // The same file as GET /api/consultations/{id}/responses.csv.
      return sendCsv(reply, await service.csv(request.params.id));
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 404) return notFound(request, reply);
      throw error;
    }
  });

  app.post<{ Params: { id: string } }>('/consultations/:id/results', async (request, reply) => {
    if (!sameOrigin(request)) throw new ApiError(403, 'Results can only be published from the staff page itself.');
    const id = request.params.id;
    const posted = (request.body ?? {}) as Record<string, unknown>;
    const typed: Typed = Object.fromEntries(FIELDS.map((f) => [f, typeof posted[f] === 'string' ? (posted[f] as string) : '']));
    const again = async (status: number, errors: FieldError<Field>[]) => {
      const html = await consultationPage(request, id, { typed, errors });
      return html ? send(reply, status, html) : notFound(request, reply);
    };

    let status: Status;
    try {
      status = (await service.get(id)).status;
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 404) return notFound(request, reply);
      throw error;
    }
    // The form is only on a closed consultation without results: a second tab or a reload must
    // not overwrite results already published (the API can republish on purpose).
    if (status === 'results_published') return again(409, [{ message: 'The results of this consultation are already published.' }]);

    const checked = publishBody(typed);
    if ('errors' in checked) return again(400, checked.errors);
    try {
      await service.publishResults(id, checked.body);
    } catch (error) {
      if (error instanceof ApiError) return again(error.statusCode, serviceErrors(error));
      throw error;
    }
    // Post/redirect/get: reloading the confirmation does not publish again.
    return reply.redirect(`${consultationPath(id)}?published=1`, 303);
  });
}
