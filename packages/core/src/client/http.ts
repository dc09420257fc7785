import { NetworkError, TimeoutError, type ApiErrorItem } from './errors.js';

/** Settings shared by both clients. */
export interface TransportOptions {
  /** Give up on one attempt after this long (default 15 000 ms). */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls (GET, PUT) after a network error, 5xx or 429 (default 2). */
  retries?: number;
  /** First backoff delay; doubles each attempt, with jitter (default 500 ms). */
  retryDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller (default 10 000 ms). */
  maxRetryAfterMs?: number;
  /** A fetch implementation (tests, SSR, instrumentation). Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call (e.g. the signal a Lit Task passes); the AbortError is rethrown as is. */
  signal?: AbortSignal;
}

/** What came back, body read as text. */
export interface RawResponse {
  status: number;
  text: string;
  /** The Retry-After header in milliseconds, when there was one. */
  retryAfterMs?: number;
}

export type Json = unknown;
export type Rec = Record<string, unknown>;

export class Transport {
  // Private: minifiers shorten these names, and nothing outside needs them.
  #timeout: number;
  #retries: number;
  #delay: number;
  #maxWait: number;
  #fetch: typeof fetch;

  constructor(o: TransportOptions = {}) {
    this.#timeout = o.timeoutMs ?? 15_000;
    this.#retries = o.retries ?? 2;
    this.#delay = o.retryDelayMs ?? 500;
    this.#maxWait = o.maxRetryAfterMs ?? 10_000;
    // Wrapped so the global fetch is never called as a method of this object ("Illegal invocation").
    this.#fetch = o.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * One logical call. `retry` is for idempotent methods only: a POST is never repeated here,
   * because a lost answer does not mean a lost request; the caller retries with the same key.
   */
  async send(
    url: string,
    init: RequestInit,
    retry: boolean,
    signal?: AbortSignal,
    /** Uploads get more time: photos are big and connections slow. */
    timeoutFactor = 1,
    onProgress?: (fraction: number) => void,
  ): Promise<RawResponse> {
    for (let attempt = 0; ; attempt++) {
      let res: RawResponse | undefined;
      let failure: unknown;
      try {
        res = await this.#once(url, init, signal, this.#timeout * timeoutFactor, onProgress);
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        failure = e;
      }
      const transient = !res || res.status === 429 || (res.status >= 500 && res.status !== 501);
      if (!retry || !transient || attempt >= this.#retries) {
        if (res) return res;
        throw failure;
      }
      let wait = this.#delay * 2 ** attempt * (0.5 + Math.random() / 2);
      const asked = res?.retryAfterMs;
      if (asked !== undefined) {
        if (asked > this.#maxWait) return res!;
        wait = Math.max(wait, asked);
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  async #once(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    onProgress?: (fraction: number) => void,
  ): Promise<RawResponse> {
    signal?.throwIfAborted();
    // fetch cannot report upload progress; XMLHttpRequest can.
    if (onProgress && typeof XMLHttpRequest === 'function') return xhr(url, init, signal, timeoutMs, onProgress);
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, timeoutMs);
    const onAbort = () => ctl.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      const r = await this.#fetch(url, { ...init, signal: ctl.signal });
      // The timeout covers the body too: a server may send headers and then stall.
      const text = await r.text();
      return { status: r.status, text, retryAfterMs: retryAfterMs(r.headers.get('retry-after')) };
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      if (timedOut) throw new TimeoutError(url);
      throw new NetworkError(url, { cause: e });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function xhr(
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  onProgress: (fraction: number) => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    const onAbort = () => x.abort();
    const done = (fn: () => void) => () => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    x.open(init.method!, url);
    for (const [k, v] of Object.entries(init.headers!)) x.setRequestHeader(k, v);
    x.timeout = timeoutMs;
    x.upload.onprogress = (e) => e.total && onProgress(e.loaded / e.total);
    x.onload = done(() =>
      resolve({ status: x.status, text: x.responseText, retryAfterMs: retryAfterMs(x.getResponseHeader('retry-after')) }),
    );
    x.onerror = done(() => reject(new NetworkError(url)));
    x.ontimeout = done(() => reject(new TimeoutError(url)));
    x.onabort = done(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort);
    x.send(init.body as XMLHttpRequestBodyInit);
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(v: string | null): number | undefined {
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(v);
  return Number.isNaN(d) ? undefined : Math.max(0, d - Date.now());
}

/**
 * Parses a body as XML (`xml` true) or JSON; undefined when it is neither (an HTML error page, a
 * JSON body with zero-padded numbers). XML becomes plain objects: an element with children
 * becomes an object keyed by child name (repeated names become arrays), a leaf becomes its
 * trimmed text. That is the shape XML::Simple-style JSON servers send, so one normaliser reads
 * both.
 */
export function parseBody(text: string, xml: boolean): Json {
  try {
    if (!xml) return JSON.parse(text);
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    // (No DOMParser, in a Web Worker or Node, throws: no XML there.)
    if (!doc.getElementsByTagName('parsererror').length) return fromXml(doc.documentElement);
  } catch {
    // Neither: the caller decides.
  }
  return undefined;
}

function fromXml(el: Element): Json {
  const kids = el.children;
  if (!kids.length) return (el.textContent ?? '').trim();
  const o: Rec = {};
  for (const c of kids) {
    const v = fromXml(c);
    const k = c.localName;
    o[k] = k in o ? ([] as unknown[]).concat(o[k], v) : v;
  }
  return o;
}

/** Parses by sniffing: for bodies of extension endpoints and errors, whose format we don't choose. */
export const sniff = (raw: RawResponse): Json => parseBody(raw.text, /^\s*</.test(raw.text));

// ---- lenient readers shared by the normalisers ----

export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of a value: numbers and booleans stringified, XML::Simple's `["x"]` unwrapped, `{}` empty. */
export function str(v: unknown): string {
  return typeof v === 'object' && v
    ? Object.values(v).map(str).filter(Boolean).join(', ')
    : String(v ?? '').trim();
}

/** `str`, or null when empty. */
export const opt = (v: unknown): string | null => str(v) || null;

/** true, "true", "TRUE", "1", "yes". */
export const bool = (v: unknown, dflt = false): boolean => {
  const s = str(v).toLowerCase();
  return s ? s === 'true' || s === '1' || s === 'yes' : dflt;
};

export function num(v: unknown): number | null {
  const s = str(v);
  const n = s ? Number(s) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The items of a list however the server wrapped it: a bare array (the spec's JSON), XML root
 * and item elements (`<services><service>` → `{service: [...]}`, or one item without an
 * array), JSON wrappers (`{service_requests: [...]}`), XML::Simple JSON
 * (`{requests: [{request: [...]}]}`), or one object where an array was due. Any object with a
 * single key holding an object or array is a wrapper: no item of Open311 has just one field.
 */
export function list(v: unknown): Rec[] {
  if (Array.isArray(v)) return v.flatMap(list);
  if (!isRec(v)) return [];
  const keys = Object.keys(v);
  const w = v[keys[0]!];
  // ({token: ["1"]} is an XML::Simple item, not a wrapper: its array holds no objects.)
  if (keys.length === 1 && (isRec(w) || (Array.isArray(w) && w.every((x) => typeof x === 'object')))) return list(w);
  return keys.length ? [v] : [];
}

/** Normalised error array from any body shape (array, `{errors: …}`, XML `<errors><error>`). */
export function errorItems(body: Json): ApiErrorItem[] {
  return list(body)
    .filter((e) => 'description' in e || 'code' in e || 'message' in e)
    .map((e) => {
      const item: ApiErrorItem = { code: str(e.code), description: str(e.description ?? e.message) };
      const q = str(e.question);
      if (q) item.question = q;
      return item;
    });
}

/** Reads an error body whatever its format: an HTML error page yields an empty array. */
export const safeErrors = (raw: RawResponse): ApiErrorItem[] => errorItems(sniff(raw));
