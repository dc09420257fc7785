import { http, HttpResponse, type HttpHandler } from 'msw';
import type { CouncilConfig } from '../../packages/server/src/config/schema.ts';
import { ApiError } from '../../packages/server/src/http/api-error.ts';
import { pickLanguage, type Language } from '../../packages/server/src/requests/open311/language.ts';
import { findService, serviceDefinitionIn, serviceSummaryIn } from '../../packages/server/src/requests/open311/services.ts';
import type { Areas } from '../../packages/server/src/geo/areas.ts';
import { routeReport } from '../../packages/server/src/requests/routing.ts';
import { parseReport, publicRequest, publicUpdate, type RequestRow, type UpdateRow } from '../../packages/server/src/requests/request-rules.ts';
import { baseStatus, type ExtendedStatus } from '../../packages/server/src/requests/statuses.ts';
import { emailAddress, Problems, text, type Body } from '../../packages/server/src/requests/validate.ts';
import type { DemoReport } from './demo-data.ts';
import { DAY, open311Error, requestBody, type MockContext } from './mock-http.ts';

/*
 * Open311 GeoReport v2 with the updates, media and subscriptions extensions, on reports kept in
 * memory: the demo's sample reports first, stored through the server's own rules, as a POST is.
 */

const metres = (lat1: number, long1: number, lat2: number, long2: number) => {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((long2 - long1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
};

export function open311Handlers({ base, now }: MockContext, config: CouncilConfig, areas: Areas, samples: DemoReport[]): HttpHandler[] {
  const rules = { config, areas };
  const requests: RequestRow[] = [];
  const updates: UpdateRow[] = [];
  const media = new Map<string, Blob>();
  const daysFromNow = (days: number) => new Date(now().getTime() + days * DAY);

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
      media_urls: report.media_urls,
      attributes: report.attributes,
      reporter: report.reporter,
      public_anonymity_required: report.public_anonymity_required,
      routing: { team: report.routing.team, email: report.routing.email, parish: report.routing.parish },
      language: null,
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
      description_cy: null,
      media_url: null,
      updated_datetime: at,
    });
    // As the server's POST servicerequestupdates: the newest update's words become status_notes.
    Object.assign(row, { status: baseStatus(status), extended_status: status, status_notes: description });
    if (at > row.updated_datetime) row.updated_datetime = at;
  }

  for (const sample of samples) {
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
    const size = number('page_size') ?? 100; // the server's DEFAULT_PAGE_SIZE
    return { rows: rows.slice((page - 1) * size, page * size), total: rows.length };
  }

  const o = `${base}/open311/v2`;
  const json = (path: string) => [`${o}/${path}`, `${o}/${path}.json`];
  const on = (method: 'get' | 'post', paths: string[], resolver: Parameters<typeof http.get>[1]) => paths.map((p) => http[method](p, resolver));

  /** The language asked for (`?locale=` or Accept-Language), as the server picks it. */
  const languageOf = (request: Request): Language =>
    pickLanguage({ locale: new URL(request.url).searchParams.get('locale') ?? undefined, acceptLanguage: request.headers.get('accept-language') });
  const inLanguage = (language: Language) => ({ headers: { 'Content-Language': language, Vary: 'Accept-Language' } });

  return [
    ...on('get', json('services'), ({ request }) => {
      const language = languageOf(request);
      return HttpResponse.json(
        config.services.map((s) => serviceSummaryIn(s, language)),
        inLanguage(language),
      );
    }),
    http.get(`${o}/services/:file`, ({ params, request }) => {
      const code = String(params.file).replace(/\.json$/, '');
      const service = findService(config, code);
      if (!service) {
        return open311Error(new ApiError(404, `There is no service "${code}". GET services.json lists them: ${config.services.map((s) => s.service_code).join(', ')}.`));
      }
      const language = languageOf(request);
      return HttpResponse.json(serviceDefinitionIn(service, language), inLanguage(language));
    }),
    ...on('post', json('requests'), async ({ request }) => {
      try {
        const row = store(await requestBody(request), now());
        // Stored in English, as the server stores it; the answer's notice in the language asked for.
        const language = languageOf(request);
        const service = findService(config, row.service_code)!;
        const location = row.lat !== null && row.long !== null ? areas.locate(row.lat, row.long) : null;
        const notice = language === 'en' ? (row.service_notice ?? '') : routeReport(config, service, row.attributes, location, language).service_notice;
        return HttpResponse.json([{ service_request_id: row.service_request_id, service_notice: notice, token: row.token }], { status: 201 });
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
      return HttpResponse.json(rows.map((row) => publicUpdate(row)));
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
  ];
}
