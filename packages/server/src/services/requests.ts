import { createHash, randomUUID } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { isoDate } from '../open311/format.ts';
import { findService } from '../open311/services.ts';
import type { Location } from './areas.ts';
import { sendNewReportEmails } from './notifications.ts';
import { routeReport, type Routing } from './routing.ts';
import { bool, coordinate, emailAddress, httpUrl, Problems, text, type Body } from './validate.ts';
import { validateAttributes } from './validate.ts';

export interface RequestRow {
  id: number;
  service_request_id: string;
  token: string;
  idempotency_key: string | null;
  request_fingerprint: string | null;
  service_code: string;
  service_name: string;
  status: 'open' | 'closed';
  extended_status: string;
  status_notes: string | null;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: Date;
  updated_datetime: Date;
  expected_datetime: Date | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  attributes: Record<string, string | string[]>;
  reporter: { email?: string; first_name?: string; last_name?: string; phone?: string; device_id?: string; account_id?: string };
  public_anonymity_required: boolean;
  routing: { team: string | null; email: string; parish: { code: string; name: string } | null };
}

/** The POST answer: Open311's service_request_id and service_notice, plus the token. */
export interface CreatedRequest {
  service_request_id: string;
  service_notice: string;
  token: string;
}

/** GET output: Open311's fields, our extensions, never the reporter's personal data. */
export function publicRequest(row: RequestRow): Record<string, unknown> {
  return {
    service_request_id: row.service_request_id,
    status: row.status,
    extended_status: row.extended_status,
    status_notes: row.status_notes ?? '',
    service_name: row.service_name,
    service_code: row.service_code,
    description: row.description ?? '',
    agency_responsible: row.agency_responsible,
    service_notice: row.service_notice ?? '',
    requested_datetime: isoDate(row.requested_datetime),
    updated_datetime: isoDate(row.updated_datetime),
    expected_datetime: isoDate(row.expected_datetime) ?? '',
    address: row.address ?? '',
    address_id: row.address_id ?? '',
    zipcode: row.zipcode ?? '',
    lat: row.lat,
    long: row.long,
    media_url: row.media_url ?? '',
    public_anonymity_required: row.public_anonymity_required,
  };
}

export interface ParsedReport {
  service_code: string;
  serviceName: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  description: string | null;
  media_url: string | null;
  attributes: Record<string, string | string[]>;
  reporter: RequestRow['reporter'];
  email_updates: boolean;
  public_anonymity_required: boolean;
  routing: Routing;
}

function outsideMessage(ctx: ServerContext, location: Extract<Location, { inside: false }>): string {
  const n = location.neighbour;
  if (!n) return `This location is outside ${ctx.config.council.name}'s area. Report it to the council for that area, or move the pin inside our area.`;
  const message = n.message ?? `This location is in ${n.name}. Report it to ${n.name}.`;
  return n.url ? `${message} ${n.url}` : message;
}

/** Validates a POST requests body and decides its routing; throws a 400 listing every problem. */
export function parseReport(ctx: ServerContext, body: Body): ParsedReport {
  const problems = new Problems();
  const code = text(body, 'service_code', problems, 100);
  const service = code ? findService(ctx.config, code) : undefined;
  if (!code) problems.add(`service_code is required. Choose one from GET services.json (${ctx.config.services.map((s) => s.service_code).join(', ')}).`);
  else if (!service) problems.add(`service_code "${code}" is not a service here. Choose one of: ${ctx.config.services.map((s) => s.service_code).join(', ')}.`);

  const lat = coordinate(body, 'lat', problems);
  const long = coordinate(body, 'long', problems);
  const latGiven = body.lat !== undefined && body.lat !== '';
  const longGiven = body.long !== undefined && body.long !== '';
  if (latGiven !== longGiven) problems.add('Send lat and long together, or neither (then send address_string).');
  const address = text(body, 'address_string', problems, 500);
  const address_id = text(body, 'address_id', problems, 100);
  const zipcode = text(body, 'zipcode', problems, 20);
  if (!latGiven && !longGiven && !address && !address_id) {
    problems.add('Say where the problem is: send lat and long, or address_string.');
  }
  const description = text(body, 'description', problems, 4000);
  const media_url = httpUrl(body, 'media_url', problems);
  const email = emailAddress(body, 'email', problems);
  const reporter: RequestRow['reporter'] = {};
  if (email) reporter.email = email;
  for (const [name, max] of [['first_name', 100], ['last_name', 100], ['phone', 40], ['device_id', 200], ['account_id', 200]] as const) {
    const value = text(body, name, problems, max);
    if (value) reporter[name] = value;
  }
  if (reporter.phone && !/^[+\d][\d\s()-]{5,}$/.test(reporter.phone)) {
    problems.add('phone must be a phone number, like 01632 960000 or +44 1632 960000.');
  }
  const email_updates = bool(body, 'email_updates', problems);
  if (email_updates && !email) problems.add('email_updates needs an email address: send email too.');
  const public_anonymity_required = bool(body, 'public_anonymity_required', problems);
  const attributes = service ? validateAttributes(service, body.attribute, problems) : {};

  if (problems.any || !service) throw badRequest(problems.list);

  let location: Location | null = null;
  if (lat !== undefined && long !== undefined) {
    location = ctx.areas.locate(lat, long);
    if (!location.inside) throw badRequest(outsideMessage(ctx, location));
  }
  return {
    service_code: service.service_code,
    serviceName: service.service_name,
    lat: lat ?? null,
    long: long ?? null,
    address: address ?? null,
    address_id: address_id ?? null,
    zipcode: zipcode ?? null,
    description: description ?? null,
    media_url: media_url ?? null,
    attributes,
    reporter,
    email_updates,
    public_anonymity_required,
    routing: routeReport(ctx.config, service, attributes, location),
  };
}

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
 * Stores a report once. With an Idempotency-Key, the key is a unique column of the report row
 * itself: the insert claims it atomically (ON CONFLICT DO NOTHING), so a retry — even one racing
 * the first attempt on another process — finds the stored report and gets the same answer.
 */
export async function createRequest(
  ctx: ServerContext,
  body: Body,
  idempotencyKey: string | null,
): Promise<{ created: CreatedRequest; replayed: boolean }> {
  const print = idempotencyKey ? fingerprint(body) : null;
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(ctx, idempotencyKey, print!);
    if (existing) return { created: existing, replayed: true };
  }
  const report = parseReport(ctx, body);
  const prefix = ctx.config.council.reference_prefix;
  const { rows } = await ctx.db.query<RequestRow>(
    `WITH n AS (SELECT nextval('service_request_numbers') AS id)
     INSERT INTO service_requests (id, service_request_id, token, idempotency_key, request_fingerprint, service_code, service_name,
       description, agency_responsible, service_notice, address, address_id, zipcode, lat, long, media_url,
       attributes, reporter, public_anonymity_required, routing)
     SELECT n.id, $1::text || '-' || n.id::text, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17::jsonb, $18, $19::jsonb
     FROM n
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING *`,
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
    ],
  );
  const row = rows[0];
  if (!row) {
    // Another attempt with the same key won the race between our check and our insert.
    const existing = await findByIdempotencyKey(ctx, idempotencyKey!, print!);
    if (existing) return { created: existing, replayed: true };
    throw new ApiError(409, 'This report is being saved by another attempt. Try again in a moment.');
  }
  let subscriptionToken: string | null = null;
  if (report.reporter.email && report.email_updates) {
    subscriptionToken = randomUUID();
    await ctx.db.query(
      `INSERT INTO subscriptions (service_request_id, email, token, source, confirmed_at)
       VALUES ($1, $2, $3, 'reporter', now()) ON CONFLICT (service_request_id, email) DO NOTHING`,
      [row.service_request_id, report.reporter.email.toLowerCase(), subscriptionToken],
    );
  }
  sendNewReportEmails(ctx, row, subscriptionToken);
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
