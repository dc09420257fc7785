import { createHash, randomUUID } from 'node:crypto';
import type { ServerContext } from '../http/context.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { REPORT_NOTICE, REPORT_RECEIPT } from '../mail/notifications.ts';
import { parseReport, type CreatedRequest, type RequestRow } from './request-rules.ts';
import type { Body } from './validate.ts';
import type { Language } from './open311/language.ts';

export { parseReport, photosOf, publicRequest, type CreatedRequest, type ParsedReport, type RequestRow } from './request-rules.ts';

/** A stable hash of what was sent, so a reused Idempotency-Key with a different report is caught. */
function fingerprint(body: Body): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Body)[k])]));
    }
    return value;
  };
  const { api_key: _ignored, ...rest } = body;
  return createHash('sha256').update(JSON.stringify(canonical(rest))).digest('hex');
}

export function checkIdempotencyKey(key: string | string[] | undefined): string | null {
  if (key === undefined) return null;
  if (Array.isArray(key) || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw badRequest('Idempotency-Key must be sent once, 1–255 visible characters (a UUID is ideal).');
  }
  return key;
}

/**
 * Stores a report once, in one statement (so one transaction and one round trip, with or without
 * an Idempotency-Key; a retry takes a second to read what was stored): the report,
 * the reporter's subscription when they asked for updates, and its emails as jobs in the
 * durable mail queue, which the queue's worker sends after the answer has gone. With an Idempotency-Key, the key is a unique column of the report row
 * itself: the insert claims it atomically (ON CONFLICT DO NOTHING), so a retry — even one racing
 * the first attempt on another process — finds the stored report and gets the same answer.
 */
export async function createRequest(
  ctx: ServerContext,
  body: Body,
  idempotencyKey: string | null,
  /** The language the resident's client said it speaks; null makes their emails bilingual. */
  language: Language | null = null,
): Promise<{ created: CreatedRequest; replayed: boolean }> {
  const print = idempotencyKey ? fingerprint(body) : null;
  let report: ReturnType<typeof parseReport>;
  try {
    report = parseReport(ctx, body);
  } catch (error) {
    // A retry of a stored report is answered from it even if its body would not pass today (a
    // category since removed), and a key reused for another report says so before the rules do.
    if (idempotencyKey) {
      const existing = await findByIdempotencyKey(ctx, idempotencyKey, print!);
      if (existing) return { created: existing, replayed: true };
    }
    throw error;
  }
  const prefix = ctx.config.council.reference_prefix;
  const subscriber = report.reporter.email && report.email_updates && ctx.queue.sends ? report.reporter.email.toLowerCase() : null;
  const subscriptionToken = subscriber ? randomUUID() : null;
  const { rows } = await ctx.db.query<RequestRow>(
    // A key already stored takes no reference number (the statement stores nothing, and the
    // stored report is read below): a retry costs no lookup before the insert.
    `WITH n AS (
       SELECT nextval('service_request_numbers') AS id
       WHERE $3::text IS NULL OR NOT EXISTS (SELECT 1 FROM service_requests WHERE idempotency_key = $3::text)
     ), ins AS (
     INSERT INTO service_requests (id, service_request_id, token, idempotency_key, request_fingerprint, service_code, service_name,
       description, agency_responsible, service_notice, address, address_id, zipcode, lat, long, media_url,
       attributes, reporter, public_anonymity_required, routing, language, media_urls)
     SELECT n.id, $1::text || '-' || n.id::text, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb, $18, $19::jsonb, $25, $26::text[]
     FROM n
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING *
     ), sub AS (
       -- Unconfirmed: the receipt carries the link that confirms it (anyone can type any address).
       INSERT INTO subscriptions (service_request_id, email, token, source, language)
       SELECT service_request_id, $20, $21, 'reporter', $25 FROM ins WHERE $20::text IS NOT NULL
       ON CONFLICT (service_request_id, email) DO NOTHING
     ), mail AS (
       INSERT INTO mail_queue (kind, payload)
       SELECT k.kind, jsonb_build_object('id', ins.service_request_id, 'subscription', $21::text)
       FROM ins CROSS JOIN (VALUES ($22), ($23)) AS k (kind)
       WHERE $24::boolean AND k.kind IS NOT NULL
     )
     SELECT * FROM ins`,
    [
      prefix,
      randomUUID(),
      idempotencyKey,
      print,
      report.service_code,
      report.serviceName,
      report.description,
      report.routing.agency_responsible,
      report.routing.service_notice,
      report.address,
      report.address_id,
      report.zipcode,
      report.lat,
      report.long,
      report.media_url,
      JSON.stringify(report.attributes),
      JSON.stringify(report.reporter),
      report.public_anonymity_required,
      JSON.stringify({ team: report.routing.team, email: report.routing.email, parish: report.routing.parish }),
      subscriber,
      subscriptionToken,
      report.reporter.email ? REPORT_RECEIPT : null,
      REPORT_NOTICE,
      ctx.queue.sends,
      language,
      report.media_urls,
    ],
    // Every report runs this text: parsed once per connection, then only bound and run.
    { name: 'create-report' },
  );
  const row = rows[0];
  if (!row) {
    // The key was stored already, or another attempt with it won the race to the insert.
    const existing = await findByIdempotencyKey(ctx, idempotencyKey!, print!);
    if (existing) return { created: existing, replayed: true };
    throw new ApiError(409, 'This report is being saved by another attempt. Try again in a moment.');
  }
  ctx.queue.kick();
  return { created: createdAnswer(row), replayed: false };
}

function createdAnswer(row: RequestRow): CreatedRequest {
  return { service_request_id: row.service_request_id, service_notice: row.service_notice ?? '', token: row.token };
}

async function findByIdempotencyKey(ctx: ServerContext, key: string, print: string): Promise<CreatedRequest | null> {
  const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE idempotency_key = $1', [key]);
  const row = rows[0];
  if (!row) return null;
  if (row.request_fingerprint !== print) {
    throw new ApiError(422, 'This Idempotency-Key was already used for a different report. Send a new key with a new report.');
  }
  return createdAnswer(row);
}

export async function findRequest(ctx: ServerContext, id: string): Promise<RequestRow | null> {
  const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE service_request_id = $1', [id]);
  return rows[0] ?? null;
}

export async function findByToken(ctx: ServerContext, token: string): Promise<RequestRow | null> {
  const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE token = $1', [token]);
  return rows[0] ?? null;
}
