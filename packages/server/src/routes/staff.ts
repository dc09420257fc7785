import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { escapeHtml } from '../http/html.ts';
import { findService } from '../open311/services.ts';
import { searchRequests } from '../services/query.ts';
import { findRequest, type RequestRow } from '../services/requests.ts';
import { EXPECTED_FUTURE_LIMIT_MS, parseDay, ukDateValue, ukEndOfWorkingDay, ukLongDate } from '../services/expected-dates.ts';
import { baseStatus, EXTENDED_STATUSES, STATUS_WORDS, type ExtendedStatus } from '../services/statuses.ts';
import { listUpdates, postUpdate } from '../services/updates.ts';

/*
 * The demo back office at /staff: what a council officer's CRM screen would show. It calls the
 * server's own services in-process, so no staff API key ever reaches a browser. It has no login,
 * which is why it is only registered alongside the dev mailbox (demo mode, no SMTP_URL): a real
 * council uses its CRM, which posts updates with its staff key (docs/integrators.md).
 */

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'";

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;line-height:1.45;color:#0b0c0c}
header{background:#0b0c0c;color:#fff;padding:.75rem 1rem}header a{color:#fff;font-weight:700;text-decoration:none}header p{margin:.25rem 0 0;font-size:.9rem}
main{max-width:70rem;margin:0 auto;padding:1.5rem 1rem 3rem}a{color:#1d70b8}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0}
h1{margin:0 0 1rem;font-size:2rem}h2{font-size:1.4rem;margin:2rem 0 .75rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem .75rem .5rem 0;border-bottom:1px solid #b1b4b6}th{font-weight:700}
.tag{display:inline-block;padding:.1rem .45rem;background:#d2e2f1;color:#0c2d4a;font-weight:700;font-size:.9rem}.tag.closed{background:#cce2d8;color:#005a30}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.35rem 1rem}dt{font-weight:700}dd{margin:0}
label,legend{display:block;font-weight:700;margin:1rem 0 .35rem}input,select,textarea{font:inherit;border:2px solid #0b0c0c;padding:.35rem;max-width:100%}textarea{width:40rem;min-height:7rem}
.hint{color:#505a5f;margin:0 0 .35rem}button{font:inherit;margin-top:1rem;padding:.5rem 1rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px #002d18;cursor:pointer}
.banner{border:5px solid #00703c;padding:1rem;margin-bottom:1.5rem}.banner h2{margin:0;font-size:1.2rem}
.errors{border:5px solid #d4351c;padding:1rem;margin-bottom:1.5rem}.errors h2{margin:0 0 .5rem;font-size:1.2rem}.errors a{color:#d4351c;font-weight:700}
.field-error{color:#d4351c;font-weight:700;margin:0 0 .35rem}ol.timeline{padding-left:1.25rem}ol.timeline li{margin-bottom:.75rem}
nav.filters ul{display:flex;gap:1rem;list-style:none;padding:0}nav.filters a[aria-current]{font-weight:700;color:#0b0c0c}`;

function page(ctx: ServerContext, title: string, body: string): string {
  const council = escapeHtml(ctx.config.council.name);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Staff – ${council}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/staff">${council}: reports back office</a><p>Demo staff page. A council uses its own CRM for this.</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

const statusTag = (status: string, base: string) =>
  `<strong class="tag${base === 'closed' ? ' closed' : ''}">${escapeHtml(STATUS_WORDS[status as ExtendedStatus] ?? status)}</strong>`;

const when = (date: Date | string, shown?: string) => {
  const d = new Date(date);
  return `<time datetime="${d.toISOString()}">${escapeHtml(shown ?? d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }))}</time>`;
};

const reportPath = (id: string) => `/staff/reports/${encodeURIComponent(id)}`;

function teamName(ctx: ServerContext, row: RequestRow): string {
  const team = row.routing?.team ? ctx.config.teams[row.routing.team]?.name : undefined;
  return team ?? row.agency_responsible;
}

function send(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('Content-Security-Policy', CSP).header('Cache-Control', 'no-store').send(html);
}

/** A cross-site page must not be able to post updates through an officer's browser. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

interface FormState {
  status?: string;
  description?: string;
  /** As typed in the date input (2026-12-01), or "" for none. */
  expected_date?: string;
  errors?: { field: 'status' | 'expected_date' | 'description'; message: string }[];
}

async function reportPage(ctx: ServerContext, row: RequestRow, form: FormState, posted: boolean): Promise<string> {
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
  const open = row.status === 'open' && row.expected_datetime;
  const expectedValue = form.expected_date ?? (open ? ukDateValue(new Date(row.expected_datetime!)) : '');
  return page(
    ctx,
    `Report ${row.service_request_id}`,
    `${errors.length ? `<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2><ul>${errors.map((e) => `<li><a href="#${e.field}">${escapeHtml(e.message)}</a></li>`).join('')}</ul></div>` : ''}
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
${row.media_url ? `<dt>Photo</dt><dd><a href="${escapeHtml(row.media_url)}">View photo</a></dd>` : ''}
<dt>Reported by</dt><dd>${escapeHtml(reporter.join(', ') || 'Anonymous')}${row.public_anonymity_required ? ' (asked not to be named publicly)' : ''}</dd>
</dl>
<h2>Updates</h2>
${timeline ? `<ol class="timeline">${timeline}</ol>` : '<p>No updates yet.</p>'}
<h2>Post an update</h2>
<form method="post" action="${reportPath(row.service_request_id)}/updates" novalidate>
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

export default async function staffRoutes(app: FastifyInstance, ctx: ServerContext) {
  app.get<{ Querystring: { status?: string } }>('/staff', async (request, reply) => {
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
        ctx,
        'Reports',
        `<h1>Reports</h1>
<nav class="filters" aria-label="Filter reports"><ul>${filters}</ul></nav>
<p>${total} ${filter === 'all' ? '' : `${filter} `}report${total === 1 ? '' : 's'} from the last 12 months, newest first.</p>
${rows.length ? `<table><thead><tr><th scope="col">Reference</th><th scope="col">Category</th><th scope="col">Where</th><th scope="col">Reported</th><th scope="col">Status</th><th scope="col">Team</th></tr></thead><tbody>${body}</tbody></table>` : '<p>No reports yet. Report one on the council website.</p>'}`,
      ),
    );
  });

  app.get<{ Params: { id: string }; Querystring: { posted?: string } }>('/staff/reports/:id', async (request, reply) => {
    const row = await findRequest(ctx, request.params.id);
    if (!row) return send(reply, 404, page(ctx, 'Report not found', '<h1>Report not found</h1><p><a href="/staff">Back to all reports</a></p>'));
    return send(reply, 200, await reportPage(ctx, row, {}, request.query.posted === '1'));
  });

  app.post<{ Params: { id: string } }>('/staff/reports/:id/updates', async (request, reply) => {
    if (!sameOrigin(request)) throw new ApiError(403, 'Updates can only be posted from the staff page itself.');
    const row = await findRequest(ctx, request.params.id);
    if (!row) return send(reply, 404, page(ctx, 'Report not found', '<h1>Report not found</h1><p><a href="/staff">Back to all reports</a></p>'));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const status = typeof body.status === 'string' ? body.status : '';
    const description = typeof body.description === 'string' ? body.description.trim() : '';
    const expectedDate = typeof body.expected_date === 'string' ? body.expected_date.trim() : '';
    const errors: FormState['errors'] = [];
    const validStatus = EXTENDED_STATUSES.includes(status as ExtendedStatus);
    if (!validStatus) errors.push({ field: 'status', message: 'Select the new status' });
    const expected = expectedDateFromForm(row, expectedDate, validStatus && baseStatus(status as ExtendedStatus) === 'closed');
    if ('error' in expected) errors.push({ field: 'expected_date', message: expected.error });
    if (!description) errors.push({ field: 'description', message: 'Enter a message to the resident' });
    else if (description.length > 4000) errors.push({ field: 'description', message: 'The message must be 4000 characters or fewer' });
    if (errors.length) return send(reply, 400, await reportPage(ctx, row, { status, description, expected_date: expectedDate, errors }, false));
    const key = typeof body.idempotency_key === 'string' && /^[0-9a-f-]{36}$/.test(body.idempotency_key) ? body.idempotency_key : null;
    const update: Record<string, string> = { service_request_id: row.service_request_id, status, description };
    if ('value' in expected) update.expected_datetime = expected.value;
    await postUpdate(ctx, update, 'Staff page', key);
    // Post/redirect/get: reloading the page does not post the update twice.
    return reply.redirect(`${reportPath(row.service_request_id)}?posted=1`, 303);
  });
}
