import { bool, isRec, list, num, opt, str, type Json, type Rec } from './http.js';
import type {
  AttributeValue,
  CreatedRequest,
  Service,
  ServiceAttribute,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  TokenStatus,
} from './open311-types.js';

export function toServices(body: Json): Service[] {
  return list(body).map((s) => {
    const service: Service = {
      code: str(s.service_code),
      name: str(s.service_name) || str(s.service_code),
      description: str(s.description),
      metadata: bool(s.metadata),
      type: str(s.type).toLowerCase() || 'realtime',
      keywords: splitList(s.keywords, /,/),
      groups: groups(s),
    };
    const notice = str(s.emergency_notice);
    if (notice) service.emergencyNotice = notice;
    if (isRec(s.service_definition)) service.definition = toDefinition(s.service_definition);
    return service;
  });
}

/**
 * A `groups` list (mySociety) wins; else `group` split on commas that are not followed by a
 * space and not inside quotes: FixMyStreet servers send `sanitation,street` and
 * `"sanitation & cleaning",street`, while a council's "Roads, paths and verges" is one group.
 */
function groups(s: Rec): string[] {
  const many = splitList(s.groups);
  return many.length
    ? many
    : (str(s.group).match(/"[^"]*"|(?:[^,]|,(?=\s))+/g) ?? []).map((p) => p.replace(/"/g, '').trim()).filter(Boolean);
}

/** A list sent as an array, as XML children (`<groups><group>`), or as delimited text. */
function splitList(v: unknown, sep?: RegExp): string[] {
  if (typeof v === 'object' && v) return Object.values(v).flatMap((x) => splitList(x, sep));
  const s = str(v);
  return (sep ? s.split(sep) : [s]).map((x) => x.trim()).filter(Boolean);
}

export function toDefinition(body: Json): ServiceDefinition {
  let d: unknown = body;
  while (Array.isArray(d)) d = d[0];
  if (isRec(d) && isRec(d.service_definition)) d = d.service_definition;
  const def = isRec(d) ? d : {};
  // Older XML servers put <attribute> straight under <service_definition>, with no
  // <attributes> wrapper: read either. Stable sort: those without `order` keep their place
  // after the ordered ones, then get one.
  const attrs = list(def.attributes ?? def.attribute)
    .map(toAttribute)
    .sort((a, b) => a.order - b.order);
  let last = 0;
  for (const a of attrs) last = Number.isFinite(a.order) ? a.order : (a.order = last + 1);
  return { serviceCode: str(def.service_code), attributes: attrs };
}

function toAttribute(a: Rec): ServiceAttribute {
  const attr: ServiceAttribute = {
    code: str(a.code),
    variable: bool(a.variable, true),
    datatype: str(a.datatype).toLowerCase() || 'string',
    required: bool(a.required),
    datatypeDescription: str(a.datatype_description),
    order: num(a.order) ?? Infinity,
    description: str(a.description),
    values: list(a.values).map((v) => {
      const value: AttributeValue = { key: str(v.key), name: str(v.name) || str(v.key) };
      const stop = str(v.stop);
      if (stop) value.stop = stop;
      return value;
    }),
  };
  const auto = str(a.automated);
  if (auto) attr.automated = auto;
  // JSON `{code, values: [...]}` or XML `<show_when><code/><values><value/>…</values></show_when>`.
  const when = a.show_when;
  if (isRec(when) && str(when.code)) attr.showWhen = { code: str(when.code), values: splitList(when.values) };
  return attr;
}

/** "Open", "OPEN", "in progress", "Not-Councils-Responsibility" → open, in_progress, not_councils_responsibility. */
const status = (v: unknown): string => str(v).toLowerCase().replace(/[\s-]+/g, '_');

const camel = (k: string) => k.replace(/_(.)/g, (_, c: string) => c.toUpperCase());

/** Text fields of a request, copied under their camelCase names. */
const REQUEST_TEXT =
  'status_notes service_name service_code description agency_responsible service_notice address address_id zipcode'.split(
    ' ',
  );

export function toRequests(body: Json): ServiceRequest[] {
  return list(body).map((r) => {
    const out: Rec = {
      id: str(r.service_request_id),
      status: status(r.status) || 'open',
      requestedAt: date(r.requested_datetime),
      updatedAt: date(r.updated_datetime),
      expectedAt: date(r.expected_datetime),
      lat: num(r.lat),
      long: num(r.long ?? r.lng ?? r.lon),
    };
    for (const k of REQUEST_TEXT) out[camel(k)] = str(r[k]);
    // Every photo: Open311's one media_url (repeated in some XML), then the media_urls extension
    // (a JSON array, or <media_urls><media_url/>…</media_urls>), each once.
    const photos = [...new Set([...urls(r.media_url), ...urls(r.media_urls)])];
    out.mediaUrl = photos[0] ?? '';
    out.mediaUrls = photos;
    const extended = status(r.extended_status);
    if (extended) out.extendedStatus = extended;
    return out as unknown as ServiceRequest;
  });
}

/** The addresses in a value: a string, an array of them, or XML children (`{media_url: [...]}`). */
function urls(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(urls);
  if (isRec(v)) return Object.values(v).flatMap(urls);
  const s = str(v);
  return s ? [s] : [];
}

export function toUpdates(body: Json): ServiceRequestUpdate[] {
  return list(body).map((u) => {
    const up: ServiceRequestUpdate = {
      id: str(u.update_id),
      serviceRequestId: str(u.service_request_id),
      status: status(u.status),
      updatedAt: date(u.updated_datetime),
      description: str(u.description),
      mediaUrl: str(u.media_url),
    };
    const ext = str(u.external_status_code);
    if (ext) up.externalStatusCode = ext;
    const language = str(u.description_language);
    if (language) up.descriptionLanguage = language;
    return up;
  });
}

export function toCreated(body: Json): CreatedRequest | undefined {
  const r = list(body)[0] ?? {};
  const id = opt(r.service_request_id);
  const token = opt(r.token);
  return id || token
    ? { serviceRequestId: id, token, serviceNotice: str(r.service_notice), accountId: opt(r.account_id) }
    : undefined;
}

export function toToken(body: Json, token: string): TokenStatus {
  const r = list(body)[0] ?? {};
  return { token: str(r.token) || token, serviceRequestId: opt(r.service_request_id) };
}

/**
 * W3C dates as servers really send them: with `Z`, `+01:00` or `+0100`, a space for `T`, or no
 * zone at all. Date.parse reads an ISO date-time without a zone as local time (ECMA-262
 * Date Time String Format): a council server and its residents share a time zone far more
 * often than not.
 */
export function date(v: unknown): Date | null {
  const t = Date.parse(str(v).replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(t) ? null : new Date(t);
}
