import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml, sendPage } from '../http/html.ts';
import { pageHeaders } from '../http/security-headers.ts';
import { findRequest } from './requests.ts';
import { STATUS_WORDS, type ExtendedStatus } from './statuses.ts';
import { listUpdates } from './updates.ts';

/** Mounted at /cases (index.ts). */
export default async function casePages(app: FastifyInstance) {
  const ctx = app.civic;
  pageHeaders(app);
  const page = (reply: FastifyReply, status: number, title: string, body: string) => sendPage(reply, status, ctx.config.council.name, title, body);

  // A plain case page for the links in emails when the council has no case tracker page.
  app.get<{ Params: { id: string } }>('/:id', async (request, reply) => {
    const row = await findRequest(ctx, request.params.id);
    if (!row) return page(reply, 404, 'Report not found', `<h1>We cannot find that report</h1><p>Check the reference in your email, like ${escapeHtml(ctx.config.council.reference_prefix)}-1001.</p>`);
    const updates = await listUpdates(ctx, { service_request_id: row.service_request_id });
    const items = updates
      .map((u) => `<li><strong>${escapeHtml(STATUS_WORDS[u.extended_status] ?? u.extended_status)}</strong> – <time datetime="${new Date(u.updated_datetime).toISOString()}">${new Date(u.updated_datetime).toUTCString()}</time><br>${escapeHtml(u.description)}</li>`)
      .join('');
    return page(
      reply,
      200,
      `Report ${row.service_request_id}`,
      `<h1>Report ${escapeHtml(row.service_request_id)}: ${escapeHtml(row.service_name)}</h1>
<dl><dt>Status</dt><dd>${escapeHtml(STATUS_WORDS[row.extended_status as ExtendedStatus] ?? row.extended_status)}</dd><dt>Reported</dt><dd>${new Date(row.requested_datetime).toUTCString()}</dd><dt>Where</dt><dd>${escapeHtml(row.address ?? `${row.lat}, ${row.long}`)}</dd><dt>Dealt with by</dt><dd>${escapeHtml(row.agency_responsible)}</dd></dl>
<p>${escapeHtml(row.service_notice)}</p>
<h2>Updates</h2>${items ? `<ol>${items}</ol>` : '<p>No updates yet.</p>'}`,
    );
  });
}
