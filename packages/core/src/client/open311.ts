import { Open311Error, TimeoutError, NetworkError, UnsupportedError } from './errors.js';
import {
  ParseError,
  Transport,
  errorItems,
  parseBody,
  retryAfterMs,
  safeErrors,
  sniff,
  str,
  list,
  type CallOptions,
  type Json,
  type RawResponse,
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
  /** The site's public key: the spec requires `api_key` on POST requests. */
  apiKey?: string;
  /** Sent as `jurisdiction_id` on every call, for servers that host several councils. */
  jurisdictionId?: string;
  /**
   * `json`, `xml`, or `auto` (default): try `.json`, fall back to `.xml` when the server
   * answers 404/406/415 or something that isn't JSON, and remember what worked. The spec makes
   * XML required and JSON optional, so XML-only servers exist.
   */
  format?: 'json' | 'xml' | 'auto';
}

/** Options of a POST: the key makes a retry of the same submission safe. */
export interface PostOptions extends CallOptions {
  /** Keep it with the submission and reuse it on every retry. Generated when omitted. */
  idempotencyKey?: string;
}

export interface UploadOptions extends PostOptions {
  /** Upload progress, 0–1. Uses XMLHttpRequest when given (fetch cannot report upload progress). */
  onProgress?: (fraction: number) => void;
}

type Fmt = 'json' | 'xml';
type Params = Record<string, string | number | undefined | null>;

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
  #t: Transport;
  #fmt: Fmt | undefined;

  constructor(o: Open311ClientOptions) {
    if (!o?.endpoint) throw new TypeError('Open311Client: "endpoint" is required');
    this.endpoint = o.endpoint.replace(/\/+$/, '');
    this.apiKey = o.apiKey;
    this.jurisdictionId = o.jurisdictionId;
    this.#t = new Transport(o);
    this.#fmt = o.format === 'auto' ? undefined : o.format;
  }

  /** The format in use: the configured one, or what `auto` found (undefined before the first answer). */
  get format(): Fmt | undefined {
    return this.#fmt;
  }

  /** GET services: every category. */
  services(o: CallOptions = {}): Promise<Service[]> {
    return this.#call('services', 'GET', {}, toServices, o);
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
    const p: Params = {
      service_code: f.serviceCode,
      lat: f.lat,
      long: f.long,
      address_string: f.addressString,
      address_id: f.addressId,
      email: f.email,
      device_id: f.deviceId,
      account_id: f.accountId,
      first_name: f.firstName,
      last_name: f.lastName,
      phone: f.phone,
      description: f.description,
      media_url: f.mediaUrl,
      email_updates: f.emailUpdates ? 'true' : undefined,
      api_key: this.apiKey,
    };
    const body = this.#params(p);
    for (const [code, v] of Object.entries(f.attributes ?? {})) {
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

  /**
   * Polls `tokens/{token}` until the server has an id for it; null when it still has none after
   * `attempts` tries (the resident can be shown the token as a provisional reference).
   */
  async waitForRequestId(
    token: string,
    o: CallOptions & { attempts?: number; intervalMs?: number } = {},
  ): Promise<string | null> {
    const { attempts = 5, intervalMs = 2000 } = o;
    for (let i = 0; i < attempts; i++) {
      if (i) await new Promise((r) => setTimeout(r, intervalMs));
      o.signal?.throwIfAborted();
      try {
        const t = await this.token(token, o);
        if (t.serviceRequestId) return t.serviceRequestId;
      } catch (e) {
        // A 404 only means "not made yet" on some servers.
        if (!(e instanceof Open311Error && e.status === 404)) throw e;
      }
    }
    return null;
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

  /** GET requests with the spec's filters and the near-a-point and paging extensions. */
  requests(q: RequestsQuery = {}, o: CallOptions = {}): Promise<ServiceRequest[]> {
    const ids = q.serviceRequestId;
    return this.#call(
      'requests',
      'GET',
      {
        service_request_id: typeof ids === 'string' ? ids : ids?.join(','),
        service_code: q.serviceCode,
        status: q.status,
        start_date: w3c(q.startDate),
        end_date: w3c(q.endDate),
        lat: q.lat,
        long: q.long,
        radius: q.radius,
        page: q.page,
        page_size: q.pageSize,
      },
      toRequests,
      o,
    );
  }

  /**
   * GET servicerequestupdates (mySociety's service request updates extension). Throws
   * UnsupportedError on a server without it: show the request's status alone.
   */
  updates(q: UpdatesQuery = {}, o: CallOptions = {}): Promise<ServiceRequestUpdate[]> {
    return this.#call(
      'servicerequestupdates',
      'GET',
      { service_request_id: q.serviceRequestId, start_date: w3c(q.startDate), end_date: w3c(q.endDate) },
      toUpdates,
      o,
      'servicerequestupdates',
    );
  }

  /**
   * Extension: POST {endpoint}/media, multipart field `media`; resolves to the URL to send as
   * `media_url`. UnsupportedError when the server has no media upload.
   */
  async uploadMedia(file: Blob, o: UploadOptions = {}): Promise<{ mediaUrl: string }> {
    const form = new FormData();
    form.append('media', file, (file as File).name || 'photo');
    if (this.apiKey) form.append('api_key', this.apiKey);
    if (this.jurisdictionId) form.append('jurisdiction_id', this.jurisdictionId);
    const url = `${this.endpoint}/media`;
    const headers = { 'Idempotency-Key': o.idempotencyKey ?? createIdempotencyKey(), Accept: 'application/json' };
    const raw =
      o.onProgress && typeof XMLHttpRequest === 'function'
        ? await xhrPost(url, form, headers, this.#t.timeoutMs, o.onProgress, o.signal)
        : await this.#t.send(url, { method: 'POST', body: form, headers }, false, o.signal, this.#t.timeoutMs * 4);
    const body = this.#extension(raw, 'media');
    const mediaUrl = str(list(body, ['media'])[0]?.media_url ?? list(body, ['media'])[0]?.url);
    if (!mediaUrl) throw new Open311Error(raw.status, errorItems(body));
    o.onProgress?.(1);
    return { mediaUrl };
  }

  /**
   * Extension: POST {endpoint}/subscriptions (`service_request_id`, `email`): email this person
   * when the request changes. The server may first send a confirmation link.
   */
  async subscribe(serviceRequestId: string, email: string, o: PostOptions = {}): Promise<void> {
    const body = this.#params({ service_request_id: serviceRequestId, email, api_key: this.apiKey });
    const raw = await this.#t.send(
      `${this.endpoint}/subscriptions`,
      { method: 'POST', body, headers: { 'Idempotency-Key': o.idempotencyKey ?? createIdempotencyKey(), Accept: 'application/json' } },
      false,
      o.signal,
    );
    this.#extension(raw, 'subscriptions');
  }

  #params(p: Params): URLSearchParams {
    const s = new URLSearchParams();
    if (this.jurisdictionId) s.set('jurisdiction_id', this.jurisdictionId);
    for (const [k, v] of Object.entries(p)) if (v != null && v !== '') s.set(k, String(v));
    return s;
  }

  /** The body of an extension's answer, or the right error. */
  #extension(raw: RawResponse, feature: string): Json {
    if ([404, 405, 501].includes(raw.status)) throw new UnsupportedError(feature, raw.status);
    if (raw.status >= 300) throw new Open311Error(raw.status, safeErrors(raw), retryAfterMs(raw.headers));
    try {
      return raw.text.trim() ? sniff(raw) : {};
    } catch {
      throw new Open311Error(raw.status);
    }
  }

  async #call<T>(
    path: string,
    method: 'GET' | 'POST',
    params: Params | URLSearchParams,
    read: (body: Json) => T,
    o: PostOptions,
    feature?: string,
  ): Promise<T> {
    const post = method === 'POST';
    const p = params instanceof URLSearchParams ? params : this.#params(params);
    const key = post ? (o.idempotencyKey ?? createIdempotencyKey()) : undefined;
    const formats: Fmt[] = this.#fmt ? [this.#fmt] : ['json', 'xml'];
    for (const fmt of formats) {
      const probing = !this.#fmt && fmt === 'json';
      const q = post ? "" : p.toString();
      const qs = q ? `?${q}` : "";
      const headers: Record<string, string> = { Accept: fmt === 'xml' ? 'application/xml, text/xml' : 'application/json' };
      if (key) headers['Idempotency-Key'] = key;
      const raw = await this.#t.send(
        `${this.endpoint}/${path}.${fmt}${qs}`,
        post ? { method, body: p, headers } : { method, headers },
        !post,
        o.signal,
      );
      let body: Json;
      let parsed = true;
      try {
        body = parseBody(raw.text, fmt === 'xml');
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        parsed = false;
      }
      // A server without JSON answers `.json` with 404/406/415 or an HTML page: try XML. A JSON
      // error array is a real answer (e.g. "no such request"), not a missing format.
      if (probing && (!parsed || ([404, 406, 415].includes(raw.status) && !errorItems(body).length))) continue;
      if (parsed && !this.#fmt) this.#fmt = fmt;
      if (feature && [404, 405, 501].includes(raw.status)) throw new UnsupportedError(feature, raw.status);
      if (raw.status < 200 || raw.status >= 300) {
        throw new Open311Error(raw.status, parsed ? errorItems(body) : safeErrors(raw), retryAfterMs(raw.headers));
      }
      if (!parsed) throw new Open311Error(raw.status);
      return read(body);
    }
    // Unreachable: the last format always returns or throws.
    throw new Open311Error(0);
  }
}

function w3c(d: Date | string | undefined): string | undefined {
  return d instanceof Date ? d.toISOString() : d;
}

/** POST with upload progress. The timeout here is for silence: it restarts on every progress event. */
function xhrPost(
  url: string,
  body: FormData,
  headers: Record<string, string>,
  idleMs: number,
  onProgress: (f: number) => void,
  signal?: AbortSignal,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const x = new XMLHttpRequest();
    let timer: ReturnType<typeof setTimeout>;
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        x.abort();
        finish(new TimeoutError(`No progress uploading to ${url} for ${idleMs} ms`));
      }, idleMs);
    };
    const onAbort = () => {
      x.abort();
      finish(signal!.reason);
    };
    function finish(err: unknown, res?: RawResponse) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (res) resolve(res);
      else reject(err);
    }
    x.open('POST', url);
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    x.upload.onprogress = (e) => {
      idle();
      if (e.lengthComputable && e.total) onProgress(e.loaded / e.total);
    };
    x.onload = () => {
      const h = new Headers();
      for (const line of x.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const i = line.indexOf(':');
        if (i > 0) h.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
      }
      finish(null, { status: x.status, text: x.responseText, type: h.get('content-type') ?? '', headers: h });
    };
    x.onerror = () => finish(new NetworkError(`Could not reach ${url}`));
    signal?.addEventListener('abort', onAbort);
    idle();
    x.send(body);
  });
}
