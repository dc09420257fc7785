import type { ServerContext } from '../http/context.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { expectedDateField } from './expected-dates.ts';
import { sendUpdateEmails } from '../mail/notifications.ts';
import { dateParam, type Query } from './query.ts';
import { findRequest } from './requests.ts';
import { baseStatus, EXTENDED_STATUSES, type ExtendedStatus } from './statuses.ts';
import { httpUrl, Problems, text, type Body } from './validate.ts';

import type { UpdateRow } from './request-rules.ts';

export { publicUpdate, type UpdateRow } from './request-rules.ts';

/**
 * POST servicerequestupdates (staff): stores the update, moves the request's status (and, our
 * extension, its expected_datetime: set, changed, removed with "", removed when it closes),
 * emails subscribers.
 */
export async function postUpdate(ctx: ServerContext, body: Body, postedBy: string, idempotencyKey: string | null): Promise<{ row: UpdateRow; replayed: boolean }> {
  if (idempotencyKey) {
    const { rows } = await ctx.db.query<UpdateRow>('SELECT * FROM service_request_updates WHERE idempotency_key = $1', [idempotencyKey]);
    if (rows[0]) return { row: rows[0], replayed: true };
  }
  const problems = new Problems();
  const id = text(body, 'service_request_id', problems, 100);
  if (!id) problems.add('service_request_id is required: the reference of the report to update.');
  const statusText = text(body, 'status', problems, 40)?.toLowerCase();
  if (!statusText) problems.add(`status is required: one of ${EXTENDED_STATUSES.join(', ')}.`);
  else if (!EXTENDED_STATUSES.includes(statusText as ExtendedStatus)) {
    problems.add(`status "${statusText}" is not a status. Use one of ${EXTENDED_STATUSES.join(', ')}.`);
  }
  const description = text(body, 'description', problems, 4000);
  if (!description) problems.add('description is required: what the resident should be told.');
  // Our extension (docs/open311-extensions.md#welsh): the same words in Welsh, for Welsh readers.
  const descriptionCy = text(body, 'description_cy', problems, 4000);
  const media_url = httpUrl(body, 'media_url', problems);
  const updatedText = text(body, 'updated_datetime', problems, 40);
  let updated: Date | undefined;
  if (updatedText) {
    updated = new Date(updatedText);
    if (!/^\d{4}-\d{2}-\d{2}/.test(updatedText) || Number.isNaN(updated.getTime())) {
      problems.add('updated_datetime must be a date and time like 2026-03-31T14:30:00Z.');
      updated = undefined;
    }
  }
  const closing = EXTENDED_STATUSES.includes(statusText as ExtendedStatus) && baseStatus(statusText as ExtendedStatus) === 'closed';
  const expected = expectedDateField(body, problems, closing);
  if (problems.any) throw badRequest(problems.list);
  const request = await findRequest(ctx, id!);
  if (!request) throw new ApiError(404, `There is no report with service_request_id "${id}".`);
  const extended = statusText as ExtendedStatus;
  const status = baseStatus(extended);
  // One statement: the update row, the request's new status and its expected date land together
  // or not at all. A closed request has no expected date.
  const { rows } = await ctx.db.query<UpdateRow & { request_expected_datetime: Date | null }>(
    `WITH u AS (
       INSERT INTO service_request_updates (service_request_id, status, extended_status, description, media_url, updated_datetime, posted_by, idempotency_key, description_cy)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now()), $7, $8, $11)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING *
     ), r AS (
       UPDATE service_requests SET status = u.status, extended_status = u.extended_status, status_notes = u.description, status_notes_cy = u.description_cy,
         updated_datetime = GREATEST(service_requests.updated_datetime, u.updated_datetime),
         expected_datetime = CASE WHEN u.status = 'closed' THEN NULL WHEN $9::boolean THEN $10::timestamptz ELSE service_requests.expected_datetime END
       FROM u WHERE service_requests.service_request_id = u.service_request_id
       RETURNING service_requests.expected_datetime
     )
     SELECT u.*, r.expected_datetime AS request_expected_datetime FROM u LEFT JOIN r ON true`,
    [request.service_request_id, status, extended, description, media_url ?? null, updated ?? null, postedBy, idempotencyKey, expected !== undefined, expected ?? null, descriptionCy ?? null],
  );
  const stored = rows[0];
  if (!stored) {
    const again = await ctx.db.query<UpdateRow>('SELECT * FROM service_request_updates WHERE idempotency_key = $1', [idempotencyKey]);
    if (again.rows[0]) return { row: again.rows[0], replayed: true };
    throw new ApiError(409, 'This update is being saved by another attempt. Try again in a moment.');
  }
  const { request_expected_datetime: expectedNow, ...row } = stored;
  await sendUpdateEmails(ctx, request, { status: extended, description: row.description, description_cy: row.description_cy, media_url: row.media_url, expected_datetime: expectedNow });
  return { row, replayed: false };
}

/** What a GET servicerequestupdates query asks for, once its rules have passed. */
export interface UpdatesQuery {
  ids: string[];
  start?: Date;
  end?: Date;
}

/**
 * The rules of GET servicerequestupdates' query: throws a 400 naming the first problem. The
 * route's schema (open311/schemas.ts) runs this as its check.
 */
export function parseUpdatesQuery(query: Query): UpdatesQuery {
  const rawIds = query.service_request_id;
  if (rawIds !== undefined && typeof rawIds !== 'string') throw badRequest('service_request_id must be sent once (use a comma-separated list).');
  const ids = typeof rawIds === 'string' ? rawIds.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const start = dateParam(query, 'start_date');
  const end = dateParam(query, 'end_date');
  if (start && end && start > end) throw badRequest('start_date must be before end_date.');
  return { ids, start, end };
}

/** GET servicerequestupdates: start_date, end_date, service_request_id (comma list). */
export async function listUpdates(ctx: ServerContext, query: Query): Promise<UpdateRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const { ids, start, end } = parseUpdatesQuery(query);
  if (ids.length) {
    params.push(ids);
    where.push(`service_request_id = ANY($${params.length}::text[])`);
  }
  if (start) {
    params.push(start);
    where.push(`updated_datetime >= $${params.length}`);
  }
  if (end) {
    params.push(end);
    where.push(`updated_datetime <= $${params.length}`);
  }
  const { rows } = await ctx.db.query<UpdateRow>(
    `SELECT * FROM service_request_updates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_datetime ASC, update_id ASC LIMIT 1000`,
    params,
  );
  return rows;
}
