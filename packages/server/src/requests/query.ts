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
/** Reports per page when page_size is not sent (docs/open311-extensions.md#near-a-point-and-paging). */
export const DEFAULT_PAGE_SIZE = 100;
/** Matches counted for X-Total-Count at most: counting stops here, so a list costs the same at any table size. */
export const COUNT_CAP = 1000;
/**
 * The same near a point. Counting a circle means reading every report in it (its distance needs
 * the row), while the nearest-first page reads only the page: with 1,000 the count was 85% of a
 * 500 m search at 200,000 reports (bench/README.md). 100 keeps it within a few pages.
 */
export const NEAR_COUNT_CAP = 100;
/** The mean Earth radius in metres, which every distance here is measured on. */
const EARTH_RADIUS = 6371008.8;
/**
 * Where a report is, as a point on the unit sphere: the expression migration 005 indexes, so it
 * must stay the same text. Straight-line distance between these points orders reports exactly
 * as distance along the Earth does.
 */
export const PLACE = 'cube(ARRAY[cos(radians(lat)) * cos(radians(long)), cos(radians(lat)) * sin(radians(long)), sin(radians(lat))])';

/**
 * The centre of a search as a cube literal on the unit sphere, and a box (a cube) around every
 * place within `metres` of it: half a side is the straight-line (chord) length of `metres` along
 * the Earth, a hair more so rounding never leaves a report on the edge out.
 */
export function searchCube(lat: number, long: number, metres: number): { centre: string; box: string } {
  const rad = Math.PI / 180;
  const xyz = [Math.cos(lat * rad) * Math.cos(long * rad), Math.cos(lat * rad) * Math.sin(long * rad), Math.sin(lat * rad)];
  const half = 2 * Math.sin(Math.min(metres / EARTH_RADIUS, Math.PI) / 2) * (1 + 1e-9) + 1e-12;
  return {
    centre: `(${xyz.join(', ')})`,
    box: `(${xyz.map((v) => v - half).join(', ')}), (${xyz.map((v) => v + half).join(', ')})`,
  };
}

export interface RequestPage {
  rows: RequestRow[];
  /** How many reports match, when there are at most COUNT_CAP (NEAR_COUNT_CAP near a point); null when there are more. */
  total: number | null;
  /** Whether a next page has reports. */
  hasNext: boolean;
  page: number;
  pageSize: number;
}

/** What a GET requests query asks for, once its rules have passed (parseSearchQuery). */
export interface SearchQuery {
  ids?: string[];
  codes?: string[];
  statuses?: string[];
  start?: Date;
  end?: Date;
  lat?: number;
  long?: number;
  radius?: number;
  page: number;
  pageSize: number;
}

/**
 * The rules of GET requests' query, in the order they answer: throws a 400 naming the first
 * problem. The route's schema (open311/schemas.ts) runs this as its check, and the query
 * below reads what it returns.
 */
export function parseSearchQuery(config: Pick<ServerContext['config'], 'services'>, query: Query): SearchQuery {
  const ids = list(query, 'service_request_id');
  const page = numberParam(query, 'page', 1, 1_000_000, true) ?? 1;
  const pageSize = numberParam(query, 'page_size', 1, MAX_PAGE_SIZE, true) ?? DEFAULT_PAGE_SIZE;
  const lat = numberParam(query, 'lat', -90, 90, false);
  const long = numberParam(query, 'long', -180, 180, false);
  const radius = numberParam(query, 'radius', 1, 50_000, false);
  if ((lat === undefined) !== (long === undefined)) throw badRequest('Send lat and long together to search near a point.');
  if (radius !== undefined && lat === undefined) throw badRequest('radius needs lat and long: the point to search around.');
  // The spec: with service_request_id, the other filters are ignored.
  if (ids) {
    if (ids.length > 200) throw badRequest('Ask for 200 service_request_id values or fewer at once.');
    return { ids, lat, long, radius, page, pageSize };
  }
  const codes = list(query, 'service_code');
  if (codes) {
    const known = new Set(config.services.map((s) => s.service_code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw badRequest(`service_code "${unknown.join('", "')}" is not a service here. Choose from: ${[...known].join(', ')}.`);
  }
  const statuses = list(query, 'status');
  if (statuses) {
    const bad = statuses.filter((s) => !EXTENDED_STATUSES.includes(s as never));
    if (bad.length) throw badRequest(`status "${bad.join('", "')}" is not a status. Use open or closed (or one of ${EXTENDED_STATUSES.join(', ')}).`);
  }
  const start = dateParam(query, 'start_date');
  const end = dateParam(query, 'end_date');
  if (start && end && start > end) throw badRequest('start_date must be before end_date.');
  return { codes, statuses, start, end, lat, long, radius, page, pageSize };
}

/**
 * GET requests with Open311's filters (service_request_id, service_code, status, start_date,
 * end_date) and our extensions: near a point (lat, long, radius in metres), page and page_size.
 * Without dates or ids, the last 90 days, newest first (nearest first with a point); a page of
 * DEFAULT_PAGE_SIZE unless page_size says otherwise. Every query reads an index and stops after
 * its page (and the count after COUNT_CAP, or NEAR_COUNT_CAP near a point), so it costs the same with 2,000 or 2 million reports.
 */
export async function searchRequests(ctx: ServerContext, query: Query): Promise<RequestPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };

  const { ids, codes, statuses, start, end, lat, long, radius, page, pageSize } = parseSearchQuery(ctx.config, query);
  if (ids) {
    add((p) => `service_request_id = ANY(${p}::text[])`, ids);
  } else {
    if (codes) add((p) => `service_code = ANY(${p}::text[])`, codes);
    if (statuses) {
      const base = statuses.filter((s) => s === 'open' || s === 'closed');
      const extended = statuses.filter((s) => s !== 'open' && s !== 'closed');
      params.push(base, extended);
      where.push(`(status = ANY($${params.length - 1}::text[]) OR extended_status = ANY($${params.length}::text[]))`);
    }
    if (start) add((p) => `requested_datetime >= ${p}`, start);
    else if (!end && lat === undefined) add((p) => `requested_datetime >= ${p}`, new Date(Date.now() - DEFAULT_DAYS * 86_400_000));
    if (end) add((p) => `requested_datetime <= ${p}`, end);
    if (lat !== undefined && where.length) {
      // Near a point, the place index alone leads. Left bare, PostgreSQL (which cannot estimate
      // how few reports a small circle holds) may AND a bitmap of every report since start_date
      // (or of the whole category) with the circle's: work that grows with the table. Inside
      // IS TRUE (the same rows: NULL and false both fail) these are checked on the circle's rows.
      where.splice(0, where.length, `(${where.join(' AND ')}) IS TRUE`);
    }
  }

  let centre: string | undefined;
  if (lat !== undefined && long !== undefined) {
    const metres = radius ?? 500;
    const search = searchCube(lat, long, metres);
    centre = search.centre;
    // The GiST index on each report's place (migration 005) reads only the reports inside the
    // cube around the circle: the scan stops at the radius.
    // (Only reports with a place are in the index: the first two conditions say so.)
    add((p) => `lat IS NOT NULL AND long IS NOT NULL AND ${PLACE} <@ ${p}::cube`, search.box);
    // The exact circle, measured on the few reports the scan reads: haversine distance in metres.
    params.push(lat, long, metres);
    const [pLat, pLong, pRadius] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    where.push(
      `(2 * ${EARTH_RADIUS} * asin(sqrt(power(sin(radians(lat - ${pLat}::float8) / 2), 2) + cos(radians(${pLat}::float8)) * cos(radians(lat)) * power(sin(radians(long - ${pLong}::float8) / 2), 2)))) <= ${pRadius}::float8`,
    );
  }

  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const cap = centre === undefined ? COUNT_CAP : NEAR_COUNT_CAP;
  const count = `SELECT count(*) FROM (SELECT 1 FROM service_requests ${filter} LIMIT ${cap + 1}) c`;
  const countParams = params.length;
  let pageSql: string;
  let order: string;
  if (centre === undefined) {
    params.push(pageSize + 1, (page - 1) * pageSize);
    order = 'requested_datetime DESC, id DESC';
    pageSql = `SELECT * FROM service_requests ${filter} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`;
  } else {
    params.push(centre, page * pageSize + 1, pageSize + 1, (page - 1) * pageSize);
    const [pCentre, pNearest, pLimit, pOffset] = [4, 3, 2, 1].map((back) => `$${params.length + 1 - back}`);
    // Nearest first straight from the index (a KNN scan: GiST hands the reports over in order of
    // `<->` and stops when this page and the ones before it are full), so the work is about a
    // page of reports however many are in the circle. PostgreSQL cannot then sort that order
    // further from the index, so the tie-break (newest first among reports at the same
    // distance) sorts only those few rows. Reports at exactly the same distance across a
    // page's edge come in the index's order.
    order = 'nearest_distance, requested_datetime DESC, id DESC';
    pageSql = `SELECT * FROM (
        SELECT *, ${PLACE} <-> ${pCentre}::cube AS nearest_distance FROM service_requests ${filter}
        ORDER BY ${PLACE} <-> ${pCentre}::cube LIMIT ${pNearest}
      ) near ORDER BY ${order} LIMIT ${pLimit} OFFSET ${pOffset}`;
  }
  // One round trip: the page (and one more row, to know whether a next page exists) and, only
  // when there is a next page, a count that stops at cap + 1 rows (PostgreSQL runs the
  // count's subquery only if the CASE needs it). Without a next page the total is known. When
  // this page's last row is already past the cap, a next page means more than the cap: nothing
  // to count (near a point a page of 100, the report form's question, never counts).
  const countable = page * pageSize + 1 <= cap;
  const capped = countable ? `CASE WHEN (SELECT count(*) FROM page) < $${params.length - 1} THEN NULL ELSE (${count}) END` : 'NULL';
  const sql = `WITH page AS (${pageSql})
    SELECT *, ${capped} AS capped_count
    FROM page ORDER BY ${order}`;
  const { rows } = await ctx.db.query<RequestRow & { capped_count: number | null; nearest_distance?: number }>(sql, params);
  let counted = rows[0]?.capped_count ?? (page - 1) * pageSize + rows.length;
  if (!rows.length && page > 1) {
    const answer = await ctx.db.query<{ n: number }>(`${count.replace('count(*)', 'count(*) AS n')}`, params.slice(0, countParams));
    counted = answer.rows[0]?.n ?? 0;
  }
  const hasNext = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize).map(({ capped_count: _count, nearest_distance: _distance, ...row }) => row as RequestRow);
  return { rows: pageRows, total: Number(counted) > cap ? null : Number(counted), hasNext, page, pageSize };
}
