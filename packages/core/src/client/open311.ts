import { Open311Error, UnsupportedError } from './errors.js';
import {
  Transport,
  errorItems,
  list,
  parseBody,
  sniff,
  str,
  type CallOptions,
  type Json,
  type TransportOptions,
} from './http.js';
import { createIdempotencyKey } from './idempotency.js';
import {
  toCreated,
  toDefinition,
  toRequests,
  toServices,
  toToken,
  toUpdates,
} from './open311-normalise.js';
import type {
  CreatedRequest,
  NewServiceRequest,
  RequestsQuery,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  TokenStatus,
  UpdatesQuery,
} from './open311-types.js';

export interface Open311ClientOptions extends TransportOptions {
  /** Base URL of the GeoReport v2 API, e.g. `https://council.example/open311/v2`. */
  endpoint: string;
  /**
   * The site's public key, sent as `api_key` on every call: the spec requires it on POST, and
   * private endpoints on every GET too.
   */
  apiKey?: string;
  /** Sent as `jurisdiction_id` on every call, for servers that host several councils. */
  jurisdictionId?: string;
  /**
   * `json`, `xml`, or `auto` (default): try `.json`, fall back to `.xml` when the server
   * answers 404/406/415 or something that isn't JSON, and remember what worked. The spec makes
   * XML required and JSON optional, so XML-only servers exist.
   */
  format?: 'json' | 'xml' | 'auto';
  /**
   * The resident's language (`cy`, `en`), sent as `Accept-Language` on every call so a server
   * that has Welsh answers categories, questions and notices in it (the reference server does:
   * docs/open311-extensions.md). A bare language tag is a CORS-safelisted header: no preflight.
   */
  language?: string;
}

/** Options of a POST: the key makes a retry of the same submission safe. */
export interface PostOptions extends CallOptions {
  /** Keep it with the submission and reuse it on every retry. Generated when omitted. */
  idempotencyKey?: string;
}

export interface UploadOptions extends PostOptions {
  /**
   * Upload progress, 0–1. Uses XMLHttpRequest when given (fetch cannot report upload progress).
   * Uploads may take four times `timeoutMs`: photos are big and connections slow.
   */
  onProgress?: (fraction: number) => void;
}

type Fmt = 'json' | 'xml';
type Params = object;

/**
 * Client for Open311 GeoReport v2 plus the extensions the widgets use where a server has them
 * (service request updates, media upload, subscriptions, `requests` near a point and paged).
 * Reads JSON or XML and the variations real servers send into the models of `open311-types`.
 *
 * @example
 * const api = new Open311Client({ endpoint: 'https://council.example/open311/v2', apiKey });
 * const services = await api.services();
 */
export class Open311Client {
  readonly endpoint: string;
  readonly apiKey: string | undefined;
  readonly jurisdictionId: string | undefined;
  readonly language: string | undefined;
  #t: Transport;
  #fmt: Fmt | undefined;

  constructor(o: Open311ClientOptions) {
    if (!o?.endpoint) throw new TypeError('Open311Client: "endpoint" is required');
    this.endpoint = o.endpoint.replace(/\/+$/, '');
    this.apiKey = o.apiKey;
    this.jurisdictionId = o.jurisdictionId;
    this.language = o.language;
    this.#t = new Transport(o);
    this.#fmt = o.format === 'auto' ? undefined : o.format;
  }

  /** The format in use: the configured one, or what `auto` found (undefined before the first answer). */
  get format(): Fmt | undefined {
    return this.#fmt;
  }

  /**
   * GET services: every category. `definitions` asks a server with the reference server's
   * extension to carry those services' questions in the list (`Service.definition`). With
   * `definitions` or `locale: true` the language also goes in the URL as `locale`, so the request
   * is a URL a page can preload (`<link rel="preload" as="fetch" crossorigin>`,
   * docs/integrators.md): a browser matches a preload by URL, and a Welsh page must not get an
   * English list. Other servers ignore both parameters and answer the plain list.
   */
  services(o: CallOptions & { definitions?: string[]; locale?: boolean } = {}): Promise<Service[]> {
    const definitions = o.definitions?.length ? o.definitions : undefined;
    const asked = definitions || o.locale ? { definitions, locale: this.language } : {};
    return this.#call('services', 'GET', asked, toServices, o);
  }

  /** GET services/{code}: the category's questions, sorted by `order`. */
  serviceDefinition(code: string, o: CallOptions = {}): Promise<ServiceDefinition> {
    return this.#call(`services/${encodeURIComponent(code)}`, 'GET', {}, toDefinition, o);
  }

  /**
   * POST requests, form-encoded as the spec says, with an `Idempotency-Key` header. Never
   * retried here: on a NetworkError or TimeoutError, retry with the same key.
   */
  createRequest(f: NewServiceRequest, o: PostOptions = {}): Promise<CreatedRequest> {
    const { attributes, mediaUrls, ...fields } = f;
    // email_updates (extension) only when asked for: a plain server may reject unknown "false".
    const body = this.#params({ ...fields, mediaUrl: f.mediaUrl || mediaUrls?.[0], emailUpdates: f.emailUpdates || undefined });
    if (mediaUrls && mediaUrls.length > 1) for (const url of mediaUrls) body.append('media_urls[]', url);
    for (const [code, v] of Object.entries(attributes ?? {})) {
      if (Array.isArray(v)) for (const x of v) body.append(`attribute[${code}][]`, String(x));
      else if (v != null && v !== '') body.append(`attribute[${code}]`, String(v));
    }
    return this.#call(
      'requests',
      'POST',
      body,
      (b) => {
        const created = toCreated(b);
        if (created) return created;
        // Some servers answer 200 with an error array instead of an error status.
        const errors = errorItems(b);
        throw new Open311Error(errors.length ? 400 : 200, errors);
      },
      o,
    );
  }

  /** GET tokens/{token}: the service_request_id once a batch server has made the request. */
  token(token: string, o: CallOptions = {}): Promise<TokenStatus> {
    return this.#call(`tokens/${encodeURIComponent(token)}`, 'GET', {}, (b) => toToken(b, token), o);
  }

  /** GET requests/{id}; null when the server knows no such request. */
  async request(id: string, o: CallOptions = {}): Promise<ServiceRequest | null> {
    try {
      const [r] = await this.#call(`requests/${encodeURIComponent(id)}`, 'GET', {}, toRequests, o);
      return r ?? null;
    } catch (e) {
      if (e instanceof Open311Error && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * GET requests with the spec's filters and the near-a-point and paging extensions. A server
   * without the near-a-point extension ignores lat/long/radius and answers with every recent
   * request, so the answer is cut to those within `radius` here: it means the same on any server.
   */
  async requests(q: RequestsQuery = {}, o: CallOptions = {}): Promise<ServiceRequest[]> {
    const found = await this.#call('requests', 'GET', q, toRequests, o);
    const { lat, long, radius } = q;
    if (radius == null || lat == null || long == null) return found;
    const rad = Math.PI / 180;
    // Equirectangular distance: exact enough over a few hundred metres; 1% slack so a request the
    // server measured just inside the radius is not dropped by rounding.
    return found.filter(
      (r) =>
        r.lat != null &&
        r.long != null &&
        Math.hypot((r.long - long) * Math.cos(((r.lat + lat) / 2) * rad), r.lat - lat) * rad * 6_371_000 <=
          radius * 1.01,
    );
  }

  /**
   * GET servicerequestupdates (mySociety's service request updates extension). Throws
   * UnsupportedError on a server without it: show the request's status alone.
   */
  updates(q: UpdatesQuery = {}, o: CallOptions = {}): Promise<ServiceRequestUpdate[]> {
    return this.#call('servicerequestupdates', 'GET', q, toUpdates, o, 'servicerequestupdates');
  }

  /**
   * Extension: POST {endpoint}/media, multipart field `media`; resolves to the URL to send as
   * `media_url`. UnsupportedError when the server has no media upload.
   */
  async uploadMedia(file: Blob, o: UploadOptions = {}): Promise<{ mediaUrl: string }> {
    // The key and jurisdiction before the file, so a server reading the body finds them before
    // the photo; #call puts them in the address as well.
    const form = new FormData();
    for (const [k, v] of this.#params({})) form.append(k, v);
    form.append('media', file, (file as File).name || 'photo');
    const mediaUrl = await this.#call(
      'media',
      'POST',
      form,
      (b) => {
        const item = list(b)[0];
        const url = str(item?.media_url ?? item?.url);
        if (!url) throw new Open311Error(200, errorItems(b));
        return url;
      },
      o,
      'media',
    );
    o.onProgress?.(1);
    return { mediaUrl };
  }

  /**
   * Extension: POST {endpoint}/subscriptions (`service_request_id`, `email`): email this person
   * when the request changes. The server may first send a confirmation link.
   */
  async subscribe(serviceRequestId: string, email: string, o: PostOptions = {}): Promise<void> {
    const body = this.#params({ serviceRequestId, email });
    await this.#call('subscriptions', 'POST', body, () => {}, o, 'subscriptions');
  }

  /**
   * Form or query parameters under their spec names (`serviceRequestId` → `service_request_id`,
   * `pageSize` → `page_size`): lists comma-joined, dates in W3C format, empty values left out.
   * `jurisdiction_id` and `api_key` go on every call where configured: the spec asks for the key
   * on POST only, but private and multi-council endpoints refuse a GET without them (403/400).
   */
  #params(p: Params): URLSearchParams {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries({ jurisdictionId: this.jurisdictionId, ...p, apiKey: this.apiKey }) as [string, unknown][]) {
      const value = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(',') : v;
      if (value != null && value !== '') s.set(k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), String(value));
    }
    return s;
  }

  /**
   * One call. Spec resources get `.json`/`.xml` (probing in `auto`); the media and subscriptions
   * extensions have no format suffix and answer JSON or XML. `feature` names an extension:
   * 404/405/501 from it is an UnsupportedError.
   */
  async #call<T>(
    path: string,
    method: 'GET' | 'POST',
    params: Params,
    read: (body: Json) => T,
    o: UploadOptions,
    feature?: string,
  ): Promise<T> {
    const post = method === 'POST';
    const body = params instanceof URLSearchParams || params instanceof FormData ? params : this.#params(params);
    const headers: Record<string, string> = {};
    if (post) headers['Idempotency-Key'] = o.idempotencyKey ?? createIdempotencyKey();
    if (this.language) headers['Accept-Language'] = this.language;
    const bare = path === 'media' || path === 'subscriptions';
    for (const fmt of bare ? [''] : this.#fmt ? [this.#fmt] : (['json', 'xml'] as const)) {
      // A multipart body's key goes in the address too: a server may check it before it reads
      // the file (the reference server reads either). A public key only: it is in the page anyway.
      const q = post ? (body instanceof FormData ? `${this.#params({})}` : '') : `${body}`;
      headers.Accept = `application/${fmt || 'json'}`;
      const raw = await this.#t.send(
        `${this.endpoint}/${path}${fmt && '.' + fmt}${q && '?' + q}`,
        post ? { method, body, headers } : { method, headers },
        !post,
        o.signal,
        bare ? 4 : 1,
        o.onProgress,
      );
      const data = fmt ? parseBody(raw.text, fmt === 'xml') : sniff(raw);
      const parsed = data !== undefined;
      // A server without JSON answers `.json` with 404/406/415 or an HTML page: try XML. A JSON
      // error array is a real answer (e.g. "no such request"), not a missing format.
      if (!this.#fmt && fmt === 'json' && (!parsed || ([404, 406, 415].includes(raw.status) && !errorItems(data).length))) {
        continue;
      }
      if (parsed && fmt) this.#fmt = fmt as Fmt;
      if (feature && [404, 405, 501].includes(raw.status)) throw new UnsupportedError(feature, raw.status);
      if (raw.status < 200 || raw.status > 299) {
        throw new Open311Error(raw.status, errorItems(parsed ? data : sniff(raw)), raw.retryAfterMs);
      }
      if (!parsed && fmt) throw new Open311Error(raw.status);
      return read(data);
    }
    // Unreachable: the last format always returns or throws.
    throw new Open311Error(0);
  }
}
