// A small Open311 server for the browser tests that plays back payloads captured from real
// servers (packages/core/test-fixtures/open311/<profile>/, see SOURCES.md there) and answers
// POSTs the way each kind of server does: an id, a token to exchange later (tokens/{token}),
// the spec's error arrays, FixMyStreet's HTML page when jurisdiction_id is missing.
// Every call is logged, so a test can check what the widget sent (api_key, jurisdiction_id,
// attributes, how many POSTs). Node only, no dependencies; CORS open like a public endpoint.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'core', 'test-fixtures', 'open311');

/** The API key the `keyed` profile wants on every call. */
export const FIXTURE_API_KEY = 'civic-fixture-key';

/**
 * How each profile behaves. `dir`: its payloads; `formats`: what it answers (anything else is an
 * HTML 404, as on servers without that format); `post`: `id`, `token` or `refuse`; `firstId`:
 * the first id it hands out; `tokenAfter`: GET tokens/{t} calls before the id is known.
 */
export const PROFILES = {
  'spec-xml': { dir: 'spec-xml', formats: ['xml'], post: 'id', firstId: 293944, postKey: true },
  'spec-json': { dir: 'spec-json', formats: ['json'], post: 'id', firstId: 293944, postKey: true },
  'older-xml': { dir: 'older-xml', formats: ['xml'], post: 'id', firstId: 17 },
  'us-city': { dir: 'us-city', formats: ['json', 'xml'], post: 'token', firstId: 17, tokenAfter: 2 },
  // A token server whose back office is slow: the id never comes while the form waits.
  'us-city-slow': { dir: 'us-city', formats: ['json', 'xml'], post: 'token', firstId: 17, tokenAfter: Infinity },
  'fixmystreet': { dir: 'fixmystreet', formats: ['xml', 'json'], post: null, jurisdiction: 'fixmystreet.example' },
  'adapter': { dir: 'adapter', formats: ['xml'], post: 'id', firstId: 0, notice: 'This is a test service' },
  // api_key on every call, or 403 with the spec's error (a private endpoint).
  'keyed': { dir: 'spec-xml', formats: ['xml'], post: 'id', firstId: 1, everyKey: true },
  // The list of categories is public; each category's questions need api_key (403 without).
  'private-questions': { dir: 'spec-xml', formats: ['xml'], post: 'id', firstId: 1, questionsKey: true },
  // Refuses every report with the errors a live server sent (issue 15).
  'refusing': { dir: 'spec-json', formats: ['json'], post: 'refuse' },
};

const REFUSAL = [
  { code: 400, description: 'service_code: the service code is missing or unknown.' },
  { code: 400, description: 'lat/long, address_string or address_id: a location is required.' },
];

const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function errors(fmt, list) {
  if (fmt === 'json') return JSON.stringify(list);
  return `<?xml version="1.0" encoding="utf-8"?>\n<errors>${list
    .map((e) => `<error><code>${e.code}</code><description>${escapeXml(e.description)}</description></error>`)
    .join('')}</errors>`;
}

function items(fmt, root, item, list) {
  if (fmt === 'json') return JSON.stringify(list);
  const fields = (o) => Object.entries(o).map(([k, v]) => `<${k}>${escapeXml(v ?? '')}</${k}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${list.map((o) => `<${item}>${fields(o)}</${item}>`).join('')}</${root}>`;
}

/** The attributes of a service definition file (XML or JSON), enough to validate a POST. */
function attributesOf(text, fmt) {
  if (fmt === 'json') return JSON.parse(text).attributes ?? [];
  return [...text.matchAll(/<attribute>([\s\S]*?)<\/attribute>/g)].map(([, a]) => {
    const tag = (t) => a.match(new RegExp(`<${t}>([\\s\\S]*?)</${t}>`))?.[1].trim() ?? '';
    return { code: tag('code'), required: tag('required'), variable: tag('variable'), automated: tag('automated'), description: tag('description') };
  });
}

const truthy = (v) => v === true || String(v).toLowerCase() === 'true';

export async function startOpen311FixtureServer({ port = 0 } = {}) {
  /** Per profile: calls received, reports made, token polls. */
  const state = new Map();
  const of = (name) => {
    if (!state.has(name)) state.set(name, { log: [], made: new Map(), polls: new Map(), next: PROFILES[name].firstId ?? 1 });
    return state.get(name);
  };

  const server = createServer(async (req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Idempotency-Key, Accept-Language, Content-Type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url, 'http://fixture');
    const send = (status, body, type) => res.writeHead(status, { 'Content-Type': type }).end(body);
    const [, name, ...rest] = url.pathname.split('/');

    // Test hooks: what a profile received, and forgetting it.
    if (name === '_log') return send(200, JSON.stringify(of(url.searchParams.get('profile')).log), 'application/json');
    if (name === '_reset') {
      state.clear();
      return send(204, '', 'text/plain');
    }
    const profile = PROFILES[name];
    if (!profile) return send(404, '<h1>Not found</h1>', 'text/html');
    const s = of(name);
    let body = {};
    if (req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      if (/^multipart\//.test(req.headers['content-type'] ?? '')) {
        // The media upload: its text fields are enough (api_key, jurisdiction_id).
        for (const [, k, v] of raw.matchAll(/name="([^"]+)"\r\n\r\n([^\r]*)\r\n/g)) body[k] = v;
      } else {
        body = Object.fromEntries(new URLSearchParams(raw));
        // Repeated keys (attribute[x][]) keep all their values.
        for (const [k] of new URLSearchParams(raw)) if (k.endsWith('[]')) body[k] = new URLSearchParams(raw).getAll(k);
      }
    }
    const path = rest.join('/');
    const query = Object.fromEntries(url.searchParams);
    s.log.push({ method: req.method, path, query, body });

    const m = path.match(/^(.*)\.(xml|json)$/);
    const fmt = m?.[2];
    const resource = m?.[1] ?? path;
    const type = fmt === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
    if (!fmt || !profile.formats.includes(fmt)) return send(404, '<h1>Not found</h1>', 'text/html');
    const params = req.method === 'POST' ? body : query;

    const keyed = profile.everyKey || (profile.questionsKey && resource.startsWith('services/'));
    if (keyed && params.api_key !== FIXTURE_API_KEY) return send(403, read(profile, 'error-403', 'xml'), type);
    // FixMyStreet's server answers a request query without jurisdiction_id with its HTML page.
    if (profile.jurisdiction && resource.startsWith('requests') && params.jurisdiction_id !== profile.jurisdiction) {
      return send(200, read(profile, 'error', 'html'), 'text/html; charset=utf-8');
    }

    if (req.method === 'POST' && resource === 'requests') return post(profile, s, fmt, body, send, type);
    if (req.method !== 'GET') return send(405, errors(fmt, [{ code: 405, description: 'Method not allowed' }]), type);

    const token = resource.match(/^tokens\/(.+)$/)?.[1];
    if (token) {
      const made = [...s.made.values()].find((r) => r.token === token);
      if (!made) return send(404, errors(fmt, [{ code: 404, description: `Token ${token} not found` }]), type);
      const polls = (s.polls.get(token) ?? 0) + 1;
      s.polls.set(token, polls);
      const known = polls > profile.tokenAfter;
      return send(200, items(fmt, 'service_requests', 'request', [known ? { service_request_id: made.service_request_id, token } : { token }]), type);
    }
    const file = read(profile, resource, fmt);
    if (file !== undefined) return send(200, file, type);
    // A report made here: once the back office has it (a token server: once the id is known).
    const id = resource.match(/^requests\/(.+)$/)?.[1];
    const made = id !== undefined ? s.made.get(id) : undefined;
    if (made && (profile.post !== 'token' || (s.polls.get(made.token) ?? 0) > profile.tokenAfter)) {
      const { token: _t, ...request } = made;
      return send(200, items(fmt, 'service_requests', 'request', [request]), type);
    }
    return send(404, errors(fmt, [{ code: 404, description: `${resource} not found` }]), type);
  });

  function post(profile, s, fmt, body, send, type) {
    if (!profile.post) return send(404, '<h1>Not found</h1>', 'text/html');
    if (profile.post === 'refuse') return send(400, errors(fmt, REFUSAL), type);
    if (profile.postKey && !body.api_key) return send(403, read(profile, 'error-403', fmt), type);
    const services = read(profile, 'services', fmt) ?? '';
    const code = body.service_code ?? '';
    const known = code && (fmt === 'json' ? JSON.parse(services).some((x) => String(x.service_code) === code) : services.includes(`<service_code>${escapeXml(code)}</service_code>`));
    const problems = [];
    if (!known) problems.push(REFUSAL[0]);
    if (!((body.lat && body.long) || body.address_string || body.address_id)) problems.push(REFUSAL[1]);
    const definition = known ? read(profile, `services/${code}`, fmt) : undefined;
    for (const a of definition ? attributesOf(definition, fmt) : []) {
      // What a resident must answer, and what the client must fill (hidden_field); the server
      // sets server_set ones itself.
      if (!truthy(a.required) || a.automated === 'server_set') continue;
      const v = body[`attribute[${a.code}]`] ?? body[`attribute[${a.code}][]`];
      if (v === undefined || v === '') problems.push({ code: 400, description: `attribute[${a.code}]: ${a.description} is required.` });
    }
    if (problems.length) return send(400, errors(fmt, problems), type);
    const id = String(s.next++);
    const request = {
      service_request_id: id,
      status: 'open',
      service_code: code,
      service_name: services.match(new RegExp(`<service_code>${code}</service_code>[\\s\\S]*?<service_name>([^<]*)`))?.[1] ?? code,
      description: body.description ?? '',
      requested_datetime: new Date().toISOString(),
      updated_datetime: new Date().toISOString(),
      address: body.address_string ?? '',
      lat: body.lat ?? '',
      long: body.long ?? '',
    };
    if (profile.post === 'token') {
      const token = `T${id}-${Math.random().toString(36).slice(2, 8)}`;
      s.made.set(id, { ...request, token });
      return send(200, items(fmt, 'service_requests', 'request', [{ token }]), type);
    }
    s.made.set(id, request);
    // The server's own answer where one was captured (the spec's, with its service_notice).
    const captured = read(profile, 'created', fmt);
    if (captured) return send(200, captured.replace(/293944/, id), type);
    return send(200, items(fmt, 'service_requests', 'request', [{ service_request_id: id, service_notice: profile.notice ?? '' }]), type);
  }

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function read(profile, resource, ext) {
  const file = join(root, profile.dir, `${resource}.${ext}`);
  // No climbing out of the fixtures folder (a request path with "..").
  if (!file.startsWith(join(root, profile.dir)) || !existsSync(file)) return undefined;
  return readFileSync(file, 'utf8');
}
