import { http, HttpResponse, type HttpHandler } from 'msw';
import councilJson from '../../packages/server/demo/council.json';
import reportsJson from '../../packages/server/demo/reports.json';
import addressesJson from '../../packages/server/demo/geo/addresses.json';
import townCentreJson from '../../packages/server/demo/consultations/town-centre-2026.json';
import libraryHoursJson from '../../packages/server/demo/consultations/library-hours-2026.json';
import libraryHoursResponsesJson from '../../packages/server/demo/consultations/library-hours-2026.responses.json';
import libraryHoursResultsJson from '../../packages/server/demo/consultations/library-hours-2026.results.json';
import boundaryText from '../../packages/server/demo/geo/boundary.geojson?raw';
import parishesText from '../../packages/server/demo/geo/parishes.geojson?raw';
import roadsText from '../../packages/server/demo/geo/roads.geojson?raw';
import placesText from '../../packages/server/demo/geo/places.geojson?raw';
import fontstackText from '../../packages/server/demo/geo/fonts/fontstack.txt?raw';
import { councilConfigSchema, type CouncilConfig } from '../../packages/server/src/config/schema.ts';
import { ApiError } from '../../packages/server/src/http/api-error.ts';
import { findService, serviceDefinition, serviceSummary } from '../../packages/server/src/open311/services.ts';
import { Areas } from '../../packages/server/src/services/areas.ts';
import { validateResponse, type Answers, type LocateFn } from '../../packages/server/src/services/consultations-answers.ts';
import { parseDefinition, type Definition } from '../../packages/server/src/services/consultations-definition.ts';
import {
  consultationDetail,
  consultationList,
  notOpenError,
  DAY_MS,
  publishBodySchema,
  publishedResults,
  relativeDate,
  resultsView,
  type StoredConsultation,
} from '../../packages/server/src/services/consultations-views.ts';
import { Gazetteer, type GazetteerAddress } from '../../packages/server/src/services/geo-gazetteer.ts';
import { BASEMAP_LAYERS, basemapStyle, centreOf } from '../../packages/server/src/services/geo-style.ts';
import { parseReport, publicRequest, publicUpdate, type RequestRow, type UpdateRow } from '../../packages/server/src/services/request-rules.ts';
import { baseStatus, type ExtendedStatus } from '../../packages/server/src/services/statuses.ts';
import { emailAddress, Problems, text, type Body } from '../../packages/server/src/services/validate.ts';

/*
 * The reference backend's contract, answered in the browser, for Storybook: Open311 with our
 * extensions, the consultation API, the gazetteer and the offline basemap of the demo council.
 *
 * Nothing here is a copy of the demo: the services, questions, sample reports, consultations,
 * boundaries and addresses are the server's own demo files (packages/server/demo), and the
 * rules — what a report must contain, who it is routed to, which neighbour a point outside
 * belongs to, how a consultation answer is checked and counted, how a request is shown — are
 * the server's own pure modules. What this adds is storage in memory (a page load starts from
 * the demo data again) in place of the database. stories/backend/demo-backend.spec.ts asks the
 * real server and this mock the same questions and compares the answers.
 */

export interface DemoBackendOptions {
  /** Absolute URL the backend answers at, without a trailing slash: `${origin}/demo-backend`. */
  base: string;
  /** Where the demo's glyph files are served as-is (Storybook's static dirs); no labels without. */
  fontsUrl?: string;
  now?: () => Date;
}

interface DemoReport {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  description?: string;
  attribute?: Record<string, string | string[]>;
  reported_days_ago: number;
  expected_in_days?: number;
  updates?: Array<{ days_ago: number; status: ExtendedStatus; description: string }>;
}

interface StoredDraft {
  code: string;
  consultation: string;
  answers: Answers;
  page: string | null;
  updatedAt: Date;
  expiresAt: Date;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) =>
  Array.from(crypto.getRandomValues(new Uint32Array(length)), (n) => CODE_ALPHABET[n % CODE_ALPHABET.length]).join('');

/** The demo council's config as the server parses it (schema defaults applied). */
export function demoConfig(): CouncilConfig {
  return { ...councilConfigSchema.parse(councilJson), source: null };
}

/** Open311's error array from an ApiError, as the server's error handler sends it. */
const open311Error = (error: unknown) => {
  if (error instanceof ApiError) return HttpResponse.json(error.errors, { status: error.statusCode });
  throw error;
};
const consultationError = (status: number, code: string, description: string) => HttpResponse.json([{ code, description }], { status });

/** `attribute[depth]=deep&attribute[kinds][]=a`, the way the server's qs parser nests them. */
function formBody(params: URLSearchParams): Body {
  const body: Record<string, unknown> = {};
  for (const [key, value] of params) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m) {
      body[key] = value;
      continue;
    }
    const attributes = (body.attribute ??= {}) as Record<string, string | string[]>;
    const code = m[1]!;
    if (m[2]) attributes[code] = [...((attributes[code] as string[] | undefined) ?? []), value];
    else attributes[code] = value;
  }
  return body;
}

async function requestBody(request: Request): Promise<Body> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await request.json()) as Body;
  return formBody(new URLSearchParams(await request.text()));
}

const metres = (lat1: number, long1: number, lat2: number, long2: number) => {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((long2 - long1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
};

/** The whole backend: its state, and MSW handlers answering at `base`. */
export function demoBackend({ base, fontsUrl, now = () => new Date() }: DemoBackendOptions): HttpHandler[] {
  const config = demoConfig();
  const areas = new Areas(config, {
    boundary: { source: 'geo/boundary.geojson', json: JSON.parse(boundaryText) },
    parishes: { source: 'geo/parishes.geojson', json: JSON.parse(parishesText) },
  });
  const rules = { config, areas };
  const gazetteer = new Gazetteer(addressesJson as GazetteerAddress[]);
  const layers: Record<(typeof BASEMAP_LAYERS)[number], string> = {
    boundary: JSON.stringify(JSON.parse(boundaryText)),
    parishes: JSON.stringify(JSON.parse(parishesText)),
    roads: JSON.stringify(JSON.parse(roadsText)),
    places: JSON.stringify(JSON.parse(placesText)),
  };

  // ---- Open311 state: the sample reports, stored through the same rules as a POST. ----
  const requests: RequestRow[] = [];
  const updates: UpdateRow[] = [];
  const media = new Map<string, Blob>();
  const daysFromNow = (days: number) => new Date(now().getTime() + days * DAY_MS);

  function store(body: Body, at: Date): RequestRow {
    const report = parseReport(rules, body);
    const row: RequestRow = {
      id: requests.length + 1,
      service_request_id: `${config.council.reference_prefix}-${1001 + requests.length}`,
      token: crypto.randomUUID(),
      idempotency_key: null,
      request_fingerprint: null,
      service_code: report.service_code,
      service_name: report.serviceName,
      status: 'open',
      extended_status: 'open',
      status_notes: null,
      description: report.description,
      agency_responsible: report.routing.agency_responsible,
      service_notice: report.routing.service_notice,
      requested_datetime: at,
      updated_datetime: at,
      expected_datetime: null,
      address: report.address,
      address_id: report.address_id,
      zipcode: report.zipcode,
      lat: report.lat,
      long: report.long,
      media_url: report.media_url,
      attributes: report.attributes,
      reporter: report.reporter,
      public_anonymity_required: report.public_anonymity_required,
      routing: { team: report.routing.team, email: report.routing.email, parish: report.routing.parish },
    };
    requests.push(row);
    return row;
  }

  function addUpdate(row: RequestRow, status: ExtendedStatus, description: string, at: Date) {
    updates.push({
      update_id: updates.length + 1,
      service_request_id: row.service_request_id,
      status: baseStatus(status),
      extended_status: status,
      description,
      media_url: null,
      updated_datetime: at,
    });
    // As the server's POST servicerequestupdates: the newest update's words become status_notes.
    Object.assign(row, { status: baseStatus(status), extended_status: status, status_notes: description });
    if (at > row.updated_datetime) row.updated_datetime = at;
  }

  for (const sample of (reportsJson as unknown as { reports: DemoReport[] }).reports) {
    const { reported_days_ago, expected_in_days, updates: history = [], ...body } = sample;
    const row = store(body as Body, daysFromNow(-reported_days_ago));
    for (const u of history) addUpdate(row, u.status, u.description, daysFromNow(-u.days_ago));
    if (expected_in_days !== undefined) row.expected_datetime = daysFromNow(expected_in_days);
  }

  /** GET requests: Open311's filters plus near-a-point and paging, newest (or nearest) first. */
  function search(query: URLSearchParams): { rows: RequestRow[]; total: number } {
    const list = (name: string) => query.get(name)?.split(',').map((v) => v.trim()).filter(Boolean);
    const number = (name: string) => (query.get(name) ? Number(query.get(name)) : undefined);
    const ids = list('service_request_id');
    const [lat, long, radius] = [number('lat'), number('long'), number('radius') ?? 500];
    let rows = [...requests];
    if (ids) rows = rows.filter((r) => ids.includes(r.service_request_id));
    else {
      const codes = list('service_code');
      const statuses = list('status');
      if (codes) rows = rows.filter((r) => codes.includes(r.service_code));
      if (statuses) rows = rows.filter((r) => statuses.includes(r.status) || statuses.includes(r.extended_status));
      const start = query.get('start_date') ? new Date(query.get('start_date')!) : lat === undefined && !query.get('end_date') ? daysFromNow(-90) : undefined;
      const end = query.get('end_date') ? new Date(query.get('end_date')!) : undefined;
      if (start) rows = rows.filter((r) => r.requested_datetime >= start);
      if (end) rows = rows.filter((r) => r.requested_datetime <= end);
    }
    const newest = (a: RequestRow, b: RequestRow) => b.requested_datetime.getTime() - a.requested_datetime.getTime() || b.id - a.id;
    if (lat !== undefined && long !== undefined) {
      const away = (r: RequestRow) => (r.lat === null || r.long === null ? Infinity : metres(lat, long, r.lat, r.long));
      rows = rows.filter((r) => away(r) <= radius).sort((a, b) => away(a) - away(b) || newest(a, b));
    } else rows.sort(newest);
    const page = number('page') ?? 1;
    const size = number('page_size') ?? 1000;
    return { rows: rows.slice((page - 1) * size, page * size), total: rows.length };
  }

  // ---- Consultations: the demo definitions, with the closed one's responses and results. ----
  const locate: LocateFn = (lat, lng) => {
    const where = areas.locate(lat, lng);
    return where.inside ? { inside: true } : { inside: false, neighbour: where.neighbour };
  };
  const consultations = new Map<string, StoredConsultation & { answers: Answers[] }>();
  for (const [raw, responses, results] of [
    [libraryHoursJson, libraryHoursResponsesJson, libraryHoursResultsJson],
    [townCentreJson, null, null],
  ] as const) {
    const input = { ...(raw as Record<string, unknown>) };
    for (const key of ['opens', 'closes'] as const) input[key] = relativeDate(input[key], key, now());
    const definition: Definition = parseDefinition(input, 'demo consultation');
    const answers = ((responses ?? []) as Answers[]).map((a) => {
      const checked = validateResponse(definition, a, locate);
      if (!checked.ok) throw new Error(`${definition.id}: a demo response does not validate: ${checked.errors[0]?.description}`);
      return checked.answers;
    });
    consultations.set(definition.id, {
      definition,
      opensAt: new Date(definition.opens),
      closesAt: new Date(definition.closes),
      answers,
      results: results ? publishedResults(definition, publishBodySchema.parse(results), answers) : null,
      // The server publishes the demo's results when it first starts: that is now, here.
      resultsPublishedAt: results ? now() : null,
    });
  }
  const drafts = new Map<string, StoredDraft>();
  const submitted = new Map<string, { reference: string; submittedAt: string }>();

  const consultation = (id: string) => consultations.get(id);
  const notOpen = (c: StoredConsultation) => {
    const refused = notOpenError(c, now());
    return refused ? consultationError(409, refused.code, refused.description) : null;
  };
  const draftAnswer = (d: StoredDraft) => ({
    resumeCode: d.code,
    answers: d.answers,
    page: d.page,
    updatedAt: d.updatedAt.toISOString(),
    expiresAt: d.expiresAt.toISOString(),
  });

  const o = `${base}/open311/v2`;
  const json = (path: string) => [`${o}/${path}`, `${o}/${path}.json`];
  const on = (method: 'get' | 'post' | 'put', paths: string[], resolver: Parameters<typeof http.get>[1]) => paths.map((p) => http[method](p, resolver));

  return [
    // ------------------------------------------------------------------ Open311
    ...on('get', json('services'), () => HttpResponse.json(config.services.map(serviceSummary))),
    http.get(`${o}/services/:file`, ({ params }) => {
      const code = String(params.file).replace(/\.json$/, '');
      const service = findService(config, code);
      if (!service) {
        return open311Error(new ApiError(404, `There is no service "${code}". GET services.json lists them: ${config.services.map((s) => s.service_code).join(', ')}.`));
      }
      return HttpResponse.json(serviceDefinition(service));
    }),
    ...on('post', json('requests'), async ({ request }) => {
      try {
        const row = store(await requestBody(request), now());
        return HttpResponse.json([{ service_request_id: row.service_request_id, service_notice: row.service_notice ?? '', token: row.token }], { status: 201 });
      } catch (error) {
        return open311Error(error);
      }
    }),
    ...on('get', json('requests'), ({ request }) => {
      const { rows, total } = search(new URL(request.url).searchParams);
      return HttpResponse.json(rows.map(publicRequest), { headers: { 'X-Total-Count': String(total), 'Access-Control-Expose-Headers': 'X-Total-Count' } });
    }),
    http.get(`${o}/requests/:file`, ({ params }) => {
      const id = String(params.file).replace(/\.json$/, '');
      const row = requests.find((r) => r.service_request_id === id);
      if (!row) return open311Error(new ApiError(404, `There is no report with the reference "${id}". Check it against the one in your receipt.`));
      return HttpResponse.json([publicRequest(row)]);
    }),
    http.get(`${o}/tokens/:file`, ({ params }) => {
      const token = String(params.file).replace(/\.json$/, '');
      const row = requests.find((r) => r.token === token);
      if (!row) return open311Error(new ApiError(404, `There is no report for the token "${token}".`));
      return HttpResponse.json([{ service_request_id: row.service_request_id, token: row.token }]);
    }),
    ...on('get', json('servicerequestupdates'), ({ request }) => {
      const id = new URL(request.url).searchParams.get('service_request_id');
      const rows = updates.filter((u) => !id || u.service_request_id === id).sort((a, b) => a.updated_datetime.getTime() - b.updated_datetime.getTime() || a.update_id - b.update_id);
      return HttpResponse.json(rows.map(publicUpdate));
    }),
    http.post(`${o}/media`, async ({ request }) => {
      const file = (await request.formData()).get('media');
      if (!(file instanceof Blob)) return open311Error(new ApiError(400, 'No file was sent: upload the photo in a field called "media".'));
      const id = crypto.randomUUID();
      media.set(id, file);
      return HttpResponse.json({ media_url: `${o}/media/${id}.jpg` }, { status: 201 });
    }),
    http.get(`${o}/media/:file`, ({ params }) => {
      const photo = media.get(String(params.file).replace(/\.jpg$/, ''));
      return photo ? new HttpResponse(photo, { headers: { 'Content-Type': photo.type || 'image/jpeg' } }) : open311Error(new ApiError(404, 'There is no photo at this address.'));
    }),
    http.post(`${o}/subscriptions`, async ({ request }) => {
      const body = await requestBody(request);
      const problems = new Problems();
      const id = text(body, 'service_request_id', problems, 100);
      if (!id) problems.add('service_request_id is required: the reference of the report to follow.');
      const email = emailAddress(body, 'email', problems);
      if (!email && !problems.list.some((p) => p.startsWith('email'))) problems.add('email is required: where to send the updates.');
      if (problems.any) return open311Error(new ApiError(400, problems.list));
      const row = requests.find((r) => r.service_request_id === id);
      if (!row) return open311Error(new ApiError(404, `There is no report with service_request_id "${id}". Check the reference.`));
      return HttpResponse.json(
        { service_request_id: row.service_request_id, message: `Check your email: we have sent a link to ${email} to confirm you want updates on ${row.service_request_id}.` },
        { status: 202 },
      );
    }),

    // ------------------------------------------------------------------ Consultations
    http.get(`${base}/api/consultations`, () => HttpResponse.json(consultationList([...consultations.values()], now()))),
    http.get(`${base}/api/consultations/:id`, ({ params }) => {
      const c = consultation(String(params.id));
      return c ? HttpResponse.json(consultationDetail(c, now())) : consultationError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
    }),
    http.post(`${base}/api/consultations/:id/responses`, async ({ params, request }) => {
      const c = consultation(String(params.id));
      if (!c) return consultationError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      const key = request.headers.get('idempotency-key');
      const earlier = key ? submitted.get(`${c.definition.id} ${key}`) : undefined;
      if (earlier) return HttpResponse.json(earlier);
      const refused = notOpen(c);
      if (refused) return refused;
      const body = (await request.json()) as { answers?: Answers; resumeCode?: string };
      if (!body || typeof body.answers !== 'object') {
        return consultationError(400, 'invalid_body', 'Send a JSON object with "answers": an object of question id → answer.');
      }
      const checked = validateResponse(c.definition, body.answers, locate);
      if (!checked.ok) return HttpResponse.json(checked.errors, { status: 400 });
      c.answers.push(checked.answers);
      const answer = { reference: `${config.council.reference_prefix}-C-${randomCode(4)}-${randomCode(4)}`, submittedAt: now().toISOString() };
      if (key) submitted.set(`${c.definition.id} ${key}`, answer);
      if (body.resumeCode) drafts.delete(body.resumeCode.replace(/[\s-]/g, '').toUpperCase());
      return HttpResponse.json(answer, { status: 201 });
    }),
    http.post(`${base}/api/consultations/:id/drafts`, async ({ params, request }) => {
      const c = consultation(String(params.id));
      if (!c) return consultationError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      const refused = notOpen(c);
      if (refused) return refused;
      const body = (await request.json()) as { answers: Answers; page?: string; email?: string };
      const draft: StoredDraft = { code: randomCode(8), consultation: c.definition.id, answers: body.answers, page: body.page ?? null, updatedAt: now(), expiresAt: daysFromNow(30) };
      drafts.set(draft.code, draft);
      return HttpResponse.json({ resumeCode: draft.code, expiresAt: draft.expiresAt.toISOString(), emailed: Boolean(body.email?.trim()) }, { status: 201 });
    }),
    http.get(`${base}/api/consultations/:id/drafts/:code`, ({ params }) => {
      const draft = drafts.get(String(params.code).replace(/[\s-]/g, '').toUpperCase());
      if (!draft || draft.consultation !== params.id) {
        return consultationError(404, 'draft_not_found', 'We could not find saved answers for that code. Check the code; saved answers are kept for 30 days.');
      }
      return HttpResponse.json(draftAnswer(draft));
    }),
    http.put(`${base}/api/consultations/:id/drafts/:code`, async ({ params, request }) => {
      const draft = drafts.get(String(params.code).replace(/[\s-]/g, '').toUpperCase());
      if (!draft || draft.consultation !== params.id) {
        return consultationError(404, 'draft_not_found', 'We could not find saved answers for that code. Check the code; saved answers are kept for 30 days.');
      }
      const body = (await request.json()) as { answers: Answers; page?: string; email?: string };
      Object.assign(draft, { answers: body.answers, page: body.page ?? null, updatedAt: now(), expiresAt: daysFromNow(30) });
      return HttpResponse.json({ resumeCode: draft.code, expiresAt: draft.expiresAt.toISOString(), emailed: Boolean(body.email?.trim()) });
    }),
    http.get(`${base}/api/consultations/:id/results`, ({ params }) => {
      const c = consultation(String(params.id));
      if (!c) return consultationError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      if (!c.results || !c.resultsPublishedAt) return consultationError(404, 'results_not_published', 'The results of this consultation have not been published yet.');
      return HttpResponse.json(resultsView({ ...c, results: c.results, resultsPublishedAt: c.resultsPublishedAt }, now()));
    }),

    // ------------------------------------------------------------------ Geography
    http.get(`${base}/basemap/style.json`, () =>
      HttpResponse.json(basemapStyle({ base, center: centreOf(layers.boundary), zoom: 11, font: fontsUrl ? fontstackText.trim() : null })),
    ),
    ...BASEMAP_LAYERS.map((layer) =>
      http.get(`${base}/basemap/${layer}.geojson`, () => new HttpResponse(layers[layer], { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    ),
    // MapLibre asks for any font stack; like the server, answer with our one font's file.
    http.get(`${base}/basemap/fonts/:stack/:range`, ({ params }) => (fontsUrl ? fetch(`${fontsUrl}/${String(params.range)}`) : new HttpResponse(null, { status: 404 }))),
    http.get(`${base}/api/area`, () => new HttpResponse(layers.boundary, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    http.get(`${base}/api/parishes`, () => new HttpResponse(layers.parishes, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } })),
    http.get(`${base}/api/addresses`, ({ request }) => {
      const url = new URL(request.url);
      const q = url.searchParams.get('q') ?? '';
      if (!q.trim()) return consultationError(400, 'missing_q', 'Add a postcode or part of an address as q, like ?q=LK1 2AB or ?q=12 High Street.');
      return HttpResponse.json(gazetteer.search(q, Number(url.searchParams.get('limit') ?? 10)));
    }),
    http.get(`${base}/api/addresses/reverse`, ({ request }) => {
      const p = new URL(request.url).searchParams;
      return HttpResponse.json(gazetteer.reverse(Number(p.get('lat')), Number(p.get('lng')), Number(p.get('limit') ?? 5), Number(p.get('radius') ?? 250)));
    }),
  ];
}

