import type { CouncilConfig } from '../config/schema.ts';
import { badRequest } from '../http/api-error.ts';
import { isoDate } from './open311/dates.ts';
import { findService } from './open311/services.ts';
import type { Areas, Location } from '../geo/areas.ts';
import { routeReport, type Routing } from './routing.ts';
import type { ExtendedStatus } from './statuses.ts';
import type { Language } from './open311/language.ts';
import { bool, coordinate, emailAddress, httpUrl, Problems, text, validateAttributes, type Body } from './validate.ts';

/*
 * What a report must contain, where it goes, and how it is shown: the rules of POST and GET
 * requests with no storage and no Node API. requests.ts stores what these rules accept; the
 * Storybook mock backend (stories/backend) applies the same rules to the same demo council, so
 * a story's "this location is in Westshire" is the server's own words.
 */

/** What the rules need of the server: the council's config and its areas. */
export interface RulesContext {
  config: CouncilConfig;
  areas: Areas;
}

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
  /** The latest update's words in Welsh, when staff gave them (migration 042). */
  status_notes_cy?: string | null;
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
  /** Every photo in order, the first being `media_url` (migration 051; our extension). */
  media_urls: string[];
  attributes: Record<string, string | string[]>;
  reporter: { email?: string; first_name?: string; last_name?: string; phone?: string; device_id?: string; account_id?: string };
  public_anonymity_required: boolean;
  routing: { team: string | null; email: string; parish: { code: string; name: string } | null };
  /** The language the resident used ('cy', 'en'), or null when their client did not say. */
  language: Language | null;
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
    // Extension (docs/open311-extensions.md#several-photos): every photo, the first as media_url.
    media_urls: photosOf(row),
    public_anonymity_required: row.public_anonymity_required,
  };
}

/** A report's photos: the stored list, or its one media_url for a row from before migration 051. */
export function photosOf(row: Pick<RequestRow, 'media_url' | 'media_urls'>): string[] {
  if (row.media_urls?.length) return [...row.media_urls];
  return row.media_url ? [row.media_url] : [];
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
  /** Every photo, in order; the first is `media_url`. */
  media_urls: string[];
  attributes: Record<string, string | string[]>;
  reporter: RequestRow['reporter'];
  email_updates: boolean;
  public_anonymity_required: boolean;
  routing: Routing;
}

function outsideMessage(ctx: RulesContext, location: Extract<Location, { inside: false }>): string {
  const n = location.neighbour;
  if (!n) return `This location is outside ${ctx.config.council.name}'s area. Report it to the council for that area, or move the pin inside our area.`;
  const message = n.message ?? `This location is in ${n.name}. Report it to ${n.name}.`;
  return n.url ? `${message} ${n.url}` : message;
}

/**
 * The longest each text field of a report may be, in characters: the rules below check them and
 * the route's schema (open311/schemas.ts) documents them from here.
 */
export const REPORT_FIELD_MAX = {
  service_code: 100,
  address_string: 500,
  address_id: 100,
  zipcode: 20,
  description: 4000,
  media_url: 2000,
  email: 254,
  first_name: 100,
  last_name: 100,
  phone: 40,
  device_id: 200,
  account_id: 200,
} as const;

/** The most photos one report may carry (the report form offers 5). */
export const MAX_REPORT_PHOTOS = 10;

/**
 * A report's photos, in order, each once: `media_url` (the spec's one photo, which FixMyStreet
 * repeats for several when it sends to open311-adapter) followed by `media_urls[]` (our
 * extension). qs turns a repeated field into an array, and a list past its array limit into an
 * object of indices: all three are read.
 */
function photoUrls(body: Body, problems: Problems): string[] {
  const values = (name: string): unknown[] => {
    const raw = body[name];
    if (raw === undefined || raw === null) return [];
    if (Array.isArray(raw)) return raw;
    if (typeof raw === 'object') return Object.values(raw);
    return [raw];
  };
  const given = [...values('media_url'), ...values('media_urls')];
  const urls: string[] = [];
  for (const value of given) {
    const url = httpUrl({ photo: value }, 'photo', new Problems());
    if (url === undefined && !(typeof value === 'string' && !value.trim())) {
      problems.add('Each media_url (and media_urls[]) must be a full web address starting with http:// or https://, 2000 characters or fewer.');
      return [];
    }
    if (url !== undefined && !urls.includes(url)) urls.push(url);
  }
  if (urls.length > MAX_REPORT_PHOTOS) {
    problems.add(`Send at most ${MAX_REPORT_PHOTOS} photos with a report (this one has ${urls.length}).`);
    return [];
  }
  return urls;
}

/** Validates a POST requests body and decides its routing; throws a 400 listing every problem. */
export function parseReport(ctx: RulesContext, body: Body): ParsedReport {
  const problems = new Problems();
  const code = text(body, 'service_code', problems, REPORT_FIELD_MAX.service_code);
  const service = code ? findService(ctx.config, code) : undefined;
  if (!code) problems.add(`service_code is required. Choose one from GET services.json (${ctx.config.services.map((s) => s.service_code).join(', ')}).`);
  else if (!service) problems.add(`service_code "${code}" is not a service here. Choose one of: ${ctx.config.services.map((s) => s.service_code).join(', ')}.`);

  const lat = coordinate(body, 'lat', problems);
  const long = coordinate(body, 'long', problems);
  const latGiven = body.lat !== undefined && body.lat !== '';
  const longGiven = body.long !== undefined && body.long !== '';
  if (latGiven !== longGiven) problems.add('Send lat and long together, or neither (then send address_string).');
  const address = text(body, 'address_string', problems, REPORT_FIELD_MAX.address_string);
  const address_id = text(body, 'address_id', problems, REPORT_FIELD_MAX.address_id);
  const zipcode = text(body, 'zipcode', problems, REPORT_FIELD_MAX.zipcode);
  if (!latGiven && !longGiven && !address && !address_id) {
    problems.add('Say where the problem is: send lat and long, or address_string.');
  }
  const description = text(body, 'description', problems, REPORT_FIELD_MAX.description);
  const media_urls = photoUrls(body, problems);
  const email = emailAddress(body, 'email', problems);
  const reporter: RequestRow['reporter'] = {};
  if (email) reporter.email = email;
  for (const name of ['first_name', 'last_name', 'phone', 'device_id', 'account_id'] as const) {
    const value = text(body, name, problems, REPORT_FIELD_MAX[name]);
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
    media_url: media_urls[0] ?? null,
    media_urls,
    attributes,
    reporter,
    email_updates,
    public_anonymity_required,
    routing: routeReport(ctx.config, service, attributes, location),
  };
}

export interface UpdateRow {
  update_id: number;
  service_request_id: string;
  status: 'open' | 'closed';
  extended_status: ExtendedStatus;
  description: string;
  /** The update's words in Welsh, when staff gave them (our extension). */
  description_cy: string | null;
  media_url: string | null;
  updated_datetime: Date;
}

/**
 * mySociety's service request updates format. `status` carries the extended status (fixed,
 * action_scheduled…), as FixMyStreet reads it; `open311_status` says what it means in plain Open311.
 */
export function publicUpdate(row: UpdateRow, language: Language = 'en'): Record<string, unknown> {
  const welsh = language === 'cy' ? row.description_cy : null;
  return {
    update_id: String(row.update_id),
    service_request_id: row.service_request_id,
    status: row.extended_status,
    open311_status: row.status,
    updated_datetime: isoDate(row.updated_datetime),
    // In the language asked for (docs/open311-extensions.md#welsh): the Welsh where staff wrote it,
    // and which language that is, so a Welsh page can mark the English it falls back to (WCAG 3.1.2).
    description: welsh || row.description,
    description_language: welsh ? 'cy' : 'en',
    media_url: row.media_url ?? '',
  };
}
