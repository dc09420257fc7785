import type { ServerContext } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { EXTENDED_STATUSES } from './statuses.ts';
import type { RequestRow } from './requests.ts';

export type Query = Record<string, unknown>;

function param(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be sent once.`);
  return value.trim();
}

function list(query: Query, name: string): string[] | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export function dateParam(query: Query, name: string): Date | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw badRequest(`${name} must be a date and time in W3C format, like 2026-03-31T00:00:00Z.`);
  }
  return date;
}

function numberParam(query: Query, name: string, min: number, max: number, integer: boolean): number | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw badRequest(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${value}").`);
  }
  return n;
}

const DEFAULT_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;

/**
 * GET requests with Open311's filters (service_request_id, service_code, status, start_date,
 * end_date) and our extensions: near a point (lat, long, radius in metres), page and page_size.
 * Without dates or ids, the last 90 days, newest first (nearest first with a point).
 */
export async function searchRequests(ctx: ServerContext, query: Query): Promise<{ rows: RequestRow[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };

  const ids = list(query, 'service_request_id');
  const page = numberParam(query, 'page', 1, 1_000_000, true) ?? 1;
  const pageSize = numberParam(query, 'page_size', 1, MAX_PAGE_SIZE, true) ?? MAX_PAGE_SIZE;
  const lat = numberParam(query, 'lat', -90, 90, false);
  const long = numberParam(query, 'long', -180, 180, false);
  const radius = numberParam(query, 'radius', 1, 50_000, false);
  if ((lat === undefined) !== (long === undefined)) throw badRequest('Send lat and long together to search near a point.');
  if (radius !== undefined && lat === undefined) throw badRequest('radius needs lat and long: the point to search around.');

  if (ids) {
    // The spec: with service_request_id, the other filters are ignored.
    if (ids.length > 200) throw badRequest('Ask for 200 service_request_id values or fewer at once.');
    add((p) => `service_request_id = ANY(${p}::text[])`, ids);
  } else {
    const codes = list(query, 'service_code');
    if (codes) {
      const known = new Set(ctx.config.services.map((s) => s.service_code));
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw badRequest(`service_code "${unknown.join('", "')}" is not a service here. Choose from: ${[...known].join(', ')}.`);
      add((p) => `service_code = ANY(${p}::text[])`, codes);
    }
    const statuses = list(query, 'status');
    if (statuses) {
      const bad = statuses.filter((s) => !EXTENDED_STATUSES.includes(s as never));
      if (bad.length) throw badRequest(`status "${bad.join('", "')}" is not a status. Use open or closed (or one of ${EXTENDED_STATUSES.join(', ')}).`);
      const base = statuses.filter((s) => s === 'open' || s === 'closed');
      const extended = statuses.filter((s) => s !== 'open' && s !== 'closed');
      params.push(base, extended);
      where.push(`(status = ANY($${params.length - 1}::text[]) OR extended_status = ANY($${params.length}::text[]))`);
    }
    const start = dateParam(query, 'start_date');
    const end = dateParam(query, 'end_date');
    if (start && end && start > end) throw badRequest('start_date must be before end_date.');
    if (start) add((p) => `requested_datetime >= ${p}`, start);
    else if (!end && lat === undefined) add((p) => `requested_datetime >= ${p}`, new Date(Date.now() - DEFAULT_DAYS * 86_400_000));
    if (end) add((p) => `requested_datetime <= ${p}`, end);
  }

  let distance = '';
  if (lat !== undefined && long !== undefined) {
    params.push(lat, long, radius ?? 500);
    const [pLat, pLong, pRadius] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    // Haversine distance in metres; the bounding box lets the (lat, long) index prune first.
    distance = `(2 * 6371008.8 * asin(sqrt(power(sin(radians(lat - ${pLat}::float8) / 2), 2) + cos(radians(${pLat}::float8)) * cos(radians(lat)) * power(sin(radians(long - ${pLong}::float8) / 2), 2))))`;
    where.push(`lat BETWEEN ${pLat}::float8 - ${pRadius}::float8 / 111000.0 AND ${pLat}::float8 + ${pRadius}::float8 / 111000.0`);
    where.push(`${distance} <= ${pRadius}::float8`);
  }

  params.push(pageSize, (page - 1) * pageSize);
  const sql = `SELECT *, count(*) OVER () AS total_count FROM service_requests
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${distance ? `${distance} ASC,` : ''} requested_datetime DESC, id DESC
    LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const { rows } = await ctx.db.query<RequestRow & { total_count: number }>(sql, params);
  let total = rows[0]?.total_count ?? 0;
  if (!rows.length && page > 1) {
    const count = await ctx.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM service_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params.slice(0, -2),
    );
    total = count.rows[0]?.n ?? 0;
  }
  return { rows, total: Number(total), page, pageSize };
}
