import { bool, isRec, list, num, opt, str, type Json, type Rec } from './http.js';
import type {
  CreatedRequest,
  Service,
  ServiceAttribute,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  TokenStatus,
} from './open311-types.js';

const REQUEST_KEYS = ['service_requests', 'requests', 'request'];

export function toServices(body: Json): Service[] {
  return list(body, ['services', 'service']).map((s) => {
    const service: Service = {
      code: str(s.service_code),
      name: str(s.service_name) || str(s.service_code),
      description: str(s.description),
      metadata: bool(s.metadata),
      type: str(s.type).toLowerCase() || 'realtime',
      keywords: splitList(s.keywords, /\s*,\s*/),
      groups: groups(s),
    };
    const notice = opt(s.emergency_notice);
    if (notice) service.emergencyNotice = notice;
    return service;
  });
}

/**
 * A `groups` list (mySociety) wins; else `group` split on commas that are not followed by a
 * space and not inside quotes: FixMyStreet servers send `sanitation,street` and
 * `"sanitation & cleaning",street`, while a council's "Roads, paths and verges" is one group.
 */
function groups(s: Rec): string[] {
  const many = splitList(s.groups, null);
  if (many.length) return many;
  const g = str(s.group);
  const parts = g.match(/"[^"]*"|(?:[^,]|,(?=\s))+/g) ?? [];
  return parts.map((p) => p.replace(/^"|"$/g, '').trim()).filter(Boolean);
}

/** A list sent as an array, as XML children (`<groups><group>`), or as delimited text. */
function splitList(v: unknown, sep: RegExp | null): string[] {
  if (Array.isArray(v) || isRec(v)) {
    const items = Array.isArray(v) ? v : Object.values(v).flat();
    return items.flatMap((x) => splitList(x, sep));
  }
  const s = str(v);
  return (sep ? s.split(sep) : [s]).map((x) => x.trim()).filter(Boolean);
}

export function toDefinition(body: Json): ServiceDefinition {
  let d: unknown = body;
  while (Array.isArray(d)) d = d[0];
  if (isRec(d) && isRec(d.service_definition)) d = d.service_definition;
  const def = isRec(d) ? d : {};
  const attrs = list(def.attributes, ['attributes', 'attribute']).map(toAttribute);
  // Stable sort: those without `order` keep their place after the ordered ones.
  attrs.sort((a, b) => a.order - b.order);
  let last = 0;
  return {
    serviceCode: str(def.service_code),
    attributes: attrs.map((a) => (Number.isFinite(a.order) ? ((last = a.order), a) : { ...a, order: ++last })),
  };
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
    values: list(a.values, ['values', 'value']).map((v) => {
      const key = str(v.key);
      return { key, name: str(v.name) || key };
    }),
  };
  const auto = opt(a.automated);
  if (auto) attr.automated = auto;
  // JSON `{code, values: [...]}` or XML `<show_when><code/><values><value/>…</values></show_when>`.
  if (isRec(a.show_when) && opt(a.show_when.code)) {
    attr.showWhen = { code: str(a.show_when.code), values: splitList(a.show_when.values, null) };
  }
  return attr;
}

/** "Open", "OPEN", "in progress", "Not-Councils-Responsibility" → open, in_progress, not_councils_responsibility. */
export const status = (v: unknown): string => str(v).toLowerCase().replace(/[\s-]+/g, '_');

export function toRequests(body: Json): ServiceRequest[] {
  return list(body, REQUEST_KEYS).map((r) => ({
    id: str(r.service_request_id),
    status: status(r.status) || 'open',
    statusNotes: str(r.status_notes),
    serviceName: str(r.service_name),
    serviceCode: str(r.service_code),
    description: str(r.description),
    agencyResponsible: str(r.agency_responsible),
    serviceNotice: str(r.service_notice),
    requestedAt: date(r.requested_datetime),
    updatedAt: date(r.updated_datetime),
    expectedAt: date(r.expected_datetime),
    address: str(r.address),
    addressId: str(r.address_id),
    zipcode: str(r.zipcode),
    lat: num(r.lat),
    long: num(r.long ?? r.lng ?? r.lon),
    mediaUrl: str(r.media_url),
  }));
}

export function toUpdates(body: Json): ServiceRequestUpdate[] {
  return list(body, [
    'service_request_updates',
    'service_requests_updates',
    'request_updates',
    'request_update',
    'updates',
    'update',
  ]).map((u) => {
    const up: ServiceRequestUpdate = {
      id: str(u.update_id),
      serviceRequestId: str(u.service_request_id),
      status: status(u.status),
      updatedAt: date(u.updated_datetime),
      description: str(u.description),
      mediaUrl: str(u.media_url),
    };
    const ext = opt(u.external_status_code);
    if (ext) up.externalStatusCode = ext;
    return up;
  });
}

export function toCreated(body: Json): CreatedRequest | undefined {
  const r = list(body, REQUEST_KEYS)[0];
  if (!r || !(opt(r.service_request_id) || opt(r.token))) return undefined;
  return {
    serviceRequestId: opt(r.service_request_id) ?? null,
    token: opt(r.token) ?? null,
    serviceNotice: str(r.service_notice),
    accountId: opt(r.account_id) ?? null,
  };
}

export function toToken(body: Json, token: string): TokenStatus {
  const r = list(body, REQUEST_KEYS)[0] ?? {};
  return { token: str(r.token) || token, serviceRequestId: opt(r.service_request_id) ?? null };
}

/**
 * W3C dates as servers really send them: with `Z`, `+01:00` or `+0100`, with a space for `T`,
 * with fractions, or with no zone at all, which is read as the browser's local time (a council
 * server and its residents share a time zone far more often than not).
 */
export function date(v: unknown): Date | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i.exec(s);
  if (!m) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t);
  }
  const [, y, mo, d, h = '0', mi = '0', se = '0', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const parts = [+y!, +mo! - 1, +d!, +h, +mi, +se, ms] as const;
  if (!zone) return new Date(...parts);
  let t = Date.UTC(...parts);
  if (zone.toUpperCase() !== 'Z') {
    const z = zone.replace(':', '');
    const off = (+z.slice(1, 3) * 60 + +(z.slice(3, 5) || 0)) * (z[0] === '-' ? -1 : 1);
    t -= off * 60_000;
  }
  return new Date(t);
}
