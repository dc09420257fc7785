import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { escapeHtml } from '../http/html.ts';
import { findService } from '../requests/open311/services.ts';
import { COUNT_CAP, searchRequests } from '../requests/query.ts';
import { findRequest, photosOf, type RequestRow } from '../requests/requests.ts';
import { EXPECTED_FUTURE_LIMIT_MS, parseDay, ukDateValue, ukEndOfWorkingDay, ukLongDate } from '../requests/expected-dates.ts';
import { baseStatus, EXTENDED_STATUSES, STATUS_WORDS, type ExtendedStatus } from '../requests/statuses.ts';
import { listUpdates, postUpdate } from '../requests/updates.ts';
import staffConsultationRoutes from './consultations.ts';
import authoringRoutes from './authoring.ts';
import { pageHeaders } from '../http/security-headers.ts';
import { CSP, errorSummary, page, sameOrigin, scrollingTable, send, when } from './page.ts';
import staffSignIn, { csrfField, type StaffSignInOptions } from './sign-in/plugin.ts';

/*
 * The back office at /staff: what a council officer's CRM screen would show (reports here,
 * consultations in consultations.ts, the shared layout in page.ts). It calls the server's own
 * services in-process, so no staff API key ever reaches a browser. In demo mode it has no sign-in;
 * otherwise staff sign in with the council's identity provider (sign-in/), or, without the
 * config's staff_sign_in, it does not exist and the council's CRM posts updates with its staff
 * key (docs/integrators.md).
 */

const statusTag = (status: string, base: string) =>
  `<strong class="tag${base === 'closed' ? ' closed' : ''}">${escapeHtml(STATUS_WORDS[status as ExtendedStatus] ?? status)}</strong>`;

const reportPath = (id: string) => `/staff/reports/${encodeURIComponent(id)}`;

function teamName(ctx: ServerContext, row: RequestRow): string {
  const team = row.routing?.team ? ctx.config.teams[row.routing.team]?.name : undefined;
  return team ?? row.agency_responsible;
}

interface FormState {
  status?: string;
  description?: string;
  /** The message in Welsh (optional): Welsh readers get it instead of the English. */
  description_cy?: string;
  /** As typed in the date input (2026-12-01), or "" for none. */
  expected_date?: string;
  errors?: { field: 'status' | 'expected_date' | 'description' | 'description_cy'; message: string }[];
}

async function reportPage(request: FastifyRequest, row: RequestRow, form: FormState, posted: boolean): Promise<string> {
  const ctx = request.server.civic;
  const updates = await listUpdates(ctx, { service_request_id: row.service_request_id });
  const service = findService(ctx.config, row.service_code);
  const answers = (service?.attributes ?? [])
    .filter((a) => row.attributes[a.code] !== undefined)
    .map((a) => {
      const raw = row.attributes[a.code]!;
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => a.values?.find((x) => x.key === v)?.name ?? v);
      return `<dt>${escapeHtml(a.description)}</dt><dd>${escapeHtml(values.join(', '))}</dd>`;
    })
    .join('');
  const reporter = [
    [row.reporter.first_name, row.reporter.last_name].filter(Boolean).join(' '),
    row.reporter.email,
    row.reporter.phone,
  ].filter(Boolean);
  const errors = form.errors ?? [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const id = escapeHtml(row.service_request_id);
  const options = EXTENDED_STATUSES.map(
    (s) => `<option value="${s}"${(form.status ?? row.extended_status) === s ? ' selected' : ''}>${escapeHtml(STATUS_WORDS[s])}</option>`,
  ).join('');
  const timeline = updates
    .map((u) => `<li>${statusTag(u.extended_status, u.status)} ${when(u.updated_datetime)}<br>${escapeHtml(u.description)}</li>`)
    .join('');
  const statusError = errorFor('status');
  const expectedError = errorFor('expected_date');
  const descriptionError = errorFor('description');
  const welshError = errorFor('description_cy');
  const open = row.status === 'open' && row.expected_datetime;
  const expectedValue = form.expected_date ?? (open ? ukDateValue(new Date(row.expected_datetime!)) : '');
  return page(
    request,
    `Report ${row.service_request_id}`,
    `${errorSummary(errors)}
${posted ? `<div class="banner" role="status"><h2>Update posted</h2><p>Residents who asked for updates on ${id} have been emailed. The case tracker shows it now.</p></div>` : ''}
<p><a href="/staff">Back to all reports</a></p>
<h1>Report ${id}: ${escapeHtml(row.service_name)}</h1>
<dl>
<dt>Status</dt><dd>${statusTag(row.extended_status, row.status)}</dd>
${open ? `<dt>Expected by</dt><dd>${when(row.expected_datetime!, ukLongDate(new Date(row.expected_datetime!)))}</dd>` : ''}
<dt>Reported</dt><dd>${when(row.requested_datetime)}</dd>
<dt>Where</dt><dd>${escapeHtml([row.address, row.zipcode].filter(Boolean).join(', ') || 'No address given')}${row.lat !== null && row.long !== null ? ` (${row.lat.toFixed(5)}, ${row.long.toFixed(5)})` : ''}</dd>
<dt>Dealt with by</dt><dd>${escapeHtml(teamName(ctx, row))}${row.routing?.parish ? ` (parish: ${escapeHtml(row.routing.parish.name)})` : ''}</dd>
<dt>Description</dt><dd>${escapeHtml(row.description || '(none given)')}</dd>
${answers}
${photoRows(row)}
<dt>Reported by</dt><dd>${escapeHtml(reporter.join(', ') || 'Anonymous')}${row.public_anonymity_required ? ' (asked not to be named publicly)' : ''}</dd>
</dl>
<h2>Updates</h2>
${timeline ? `<ol class="timeline">${timeline}</ol>` : '<p>No updates yet.</p>'}
<h2>Post an update</h2>
<form method="post" action="${reportPath(row.service_request_id)}/updates" novalidate>
${csrfField(request)}
<input type="hidden" name="idempotency_key" value="${randomUUID()}">
<label for="status">New status</label>
${statusError ? `<p class="field-error" id="status-error">${escapeHtml(statusError.message)}</p>` : ''}
<select id="status" name="status"${statusError ? ' aria-describedby="status-error"' : ''}>${options}</select>
<label for="expected_date">Expected by (optional)</label>
<p class="hint" id="expected_date-hint">The day the work should be done by. Residents see it in the case tracker and the update email. Leave it empty if there is no date yet. Closing the report removes it.</p>
${expectedError ? `<p class="field-error" id="expected_date-error">${escapeHtml(expectedError.message)}</p>` : ''}
<input type="date" id="expected_date" name="expected_date" value="${escapeHtml(expectedValue)}" aria-describedby="expected_date-hint${expectedError ? ' expected_date-error' : ''}">
<label for="description">Message to the resident</label>
<p class="hint" id="description-hint">Shown in the case tracker and emailed to residents who asked for updates. Write in plain English.</p>
${descriptionError ? `<p class="field-error" id="description-error">${escapeHtml(descriptionError.message)}</p>` : ''}
<textarea id="description" name="description" aria-describedby="description-hint${descriptionError ? ' description-error' : ''}">${escapeHtml(form.description ?? '')}</textarea>
<label for="description_cy">Message to the resident in Welsh (optional)</label>
<p class="hint" id="description_cy-hint">${row.language === 'cy' ? '<strong>The resident wrote in Welsh.</strong> ' : ''}Residents reading in Welsh (the case tracker on a Welsh page, Welsh emails) get this instead of the English. Leave it empty and they get the English.</p>
${welshError ? `<p class="field-error" id="description_cy-error">${escapeHtml(welshError.message)}</p>` : ''}
<textarea id="description_cy" name="description_cy" lang="cy" aria-describedby="description_cy-hint${welshError ? ' description_cy-error' : ''}">${escapeHtml(form.description_cy ?? '')}</textarea>
<div><button type="submit">Post update</button></div>
</form>`,
  );
}

/**
 * The "Expected by" day from the form, as postUpdate's expected_datetime: 5pm UK time on that
 * day, "" to remove it, or nothing when it is unchanged (so an update that leaves the field as
 * it was never moves an expected time set through the API, nor trips over a date now passed).
 * A closing status removes the date anyway, so the field is then not checked.
 */
function expectedDateFromForm(row: RequestRow, typed: string, closing: boolean): { value: string } | { error: string } | { unchanged: true } {
  if (closing) return { unchanged: true };
  const current = row.status === 'open' && row.expected_datetime ? ukDateValue(new Date(row.expected_datetime)) : '';
  if (typed === current) return { unchanged: true };
  if (!typed) return { value: '' };
  const day = parseDay(typed);
  if (!day) return { error: 'Expected by must be a real date, like 1 December 2026' };
  const today = ukDateValue(new Date());
  if (typed < today) return { error: 'Expected by must be today or in the future' };
  const at = ukEndOfWorkingDay(day);
  if (at.getTime() > Date.now() + EXPECTED_FUTURE_LIMIT_MS) return { error: 'Expected by must be within the next 5 years' };
  return { value: at.toISOString() };
}

/**
 * Mounted at /staff (index.ts): without sign-in in demo mode; with `signIn` (the config's
 * staff_sign_in and its secrets) behind the council's identity provider, whose hooks then guard
 * every page and form registered here.
 */
export default async function staffRoutes(app: FastifyInstance, options: { signIn?: StaffSignInOptions }) {
  const ctx = app.civic;
  // Its forms post only from its own pages, never from a council site on the allowed list.
  app.addHook('onRoute', (route) => {
    route.config = { crossSite: 'same-origin', ...route.config };
  });
  pageHeaders(app, CSP);
  if (options.signIn) await staffSignIn(app, options.signIn);
  await staffConsultationRoutes(app);
  await authoringRoutes(app);

  app.get<{ Querystring: { status?: string } }>('/', async (request, reply) => {
    const filter = request.query.status === 'closed' ? 'closed' : request.query.status === 'all' ? 'all' : 'open';
    const { rows, total } = await searchRequests(ctx, {
      page_size: '200',
      start_date: new Date(Date.now() - 365 * 86_400_000).toISOString(),
      ...(filter === 'all' ? {} : { status: filter }),
    });
    const filters = (['open', 'closed', 'all'] as const)
      .map((f) => `<li><a href="/staff?status=${f}"${f === filter ? ' aria-current="page"' : ''}>${{ open: 'Open', closed: 'Closed', all: 'All' }[f]}</a></li>`)
      .join('');
    const body = rows
      .map(
        (r) => `<tr>
<td><a href="${reportPath(r.service_request_id)}">${escapeHtml(r.service_request_id)}</a></td>
<td>${escapeHtml(r.service_name)}</td>
<td>${escapeHtml(r.address || (r.lat !== null && r.long !== null ? `${r.lat.toFixed(5)}, ${r.long.toFixed(5)}` : ''))}</td>
<td>${when(r.requested_datetime)}</td>
<td>${statusTag(r.extended_status, r.status)}</td>
<td>${escapeHtml(teamName(ctx, r))}</td>
</tr>`,
      )
      .join('');
    return send(
      reply,
      200,
      page(
        request,
        'Reports',
        `<h1>Reports</h1>
<nav class="filters" aria-label="Filter reports"><ul>${filters}</ul></nav>
<p>${total ?? `More than ${COUNT_CAP}`} ${filter === 'all' ? '' : `${filter} `}report${total === 1 ? '' : 's'} from the last 12 months, newest first.</p>
${rows.length ? scrollingTable('Reports', `<table><thead><tr><th scope="col">Reference</th><th scope="col">Category</th><th scope="col">Where</th><th scope="col">Reported</th><th scope="col">Status</th><th scope="col">Team</th></tr></thead><tbody>${body}</tbody></table>`) : '<p>No reports yet. Report one on the council website.</p>'}`,
      ),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { posted?: string } }>('/reports/:id', async (request, reply) => {
    const row = await findRequest(ctx, request.params.id);
    if (!row) return send(reply, 404, page(request, 'Report not found', '<h1>Report not found</h1><p><a href="/staff">Back to all reports</a></p>'));
    return send(reply, 200, await reportPage(request, row, {}, request.query.posted === '1'));
  });

  app.post<{ Params: { id: string } }>('/reports/:id/updates', async (request, reply) => {
    if (!sameOrigin(request)) throw new ApiError(403, 'Updates can only be posted from the staff page itself.');
    const row = await findRequest(ctx, request.params.id);
    if (!row) return send(reply, 404, page(request, 'Report not found', '<h1>Report not found</h1><p><a href="/staff">Back to all reports</a></p>'));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const status = typeof body.status === 'string' ? body.status : '';
    const description = typeof body.description === 'string' ? body.description.trim() : '';
    const descriptionCy = typeof body.description_cy === 'string' ? body.description_cy.trim() : '';
    const expectedDate = typeof body.expected_date === 'string' ? body.expected_date.trim() : '';
    const errors: FormState['errors'] = [];
    const validStatus = EXTENDED_STATUSES.includes(status as ExtendedStatus);
    if (!validStatus) errors.push({ field: 'status', message: 'Select the new status' });
    const expected = expectedDateFromForm(row, expectedDate, validStatus && baseStatus(status as ExtendedStatus) === 'closed');
    if ('error' in expected) errors.push({ field: 'expected_date', message: expected.error });
    if (!description) errors.push({ field: 'description', message: 'Enter a message to the resident' });
    else if (description.length > 4000) errors.push({ field: 'description', message: 'The message must be 4000 characters or fewer' });
    if (descriptionCy.length > 4000) errors.push({ field: 'description_cy', message: 'The Welsh message must be 4000 characters or fewer' });
    if (errors.length) return send(reply, 400, await reportPage(request, row, { status, description, description_cy: descriptionCy, expected_date: expectedDate, errors }, false));
    const key = typeof body.idempotency_key === 'string' && /^[0-9a-f-]{36}$/.test(body.idempotency_key) ? body.idempotency_key : null;
    const update: Record<string, string> = { service_request_id: row.service_request_id, status, description };
    if (descriptionCy) update.description_cy = descriptionCy;
    if ('value' in expected) update.expected_datetime = expected.value;
    await postUpdate(ctx, update, 'Staff page', key);
    // Post/redirect/get: reloading the page does not post the update twice.
    return reply.redirect(`${reportPath(row.service_request_id)}?posted=1`, 303);
  });
}

/** The report's photos as links: "View photo", or "View photo 1 of 3"… when there are several. */
function photoRows(row: RequestRow): string {
  const photos = photosOf(row);
  if (!photos.length) return '';
  const links = photos.map((url, i) => `<a href="${escapeHtml(url)}">${photos.length > 1 ? `View photo ${i + 1} of ${photos.length}` : 'View photo'}</a>`);
  return `<dt>${photos.length > 1 ? 'Photos' : 'Photo'}</dt><dd>${links.join('<br>')}</dd>`;
}
