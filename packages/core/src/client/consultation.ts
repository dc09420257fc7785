import { ConsultationError } from './errors.js';
import {
  Transport,
  isRec,
  retryAfterMs,
  safeErrors,
  type CallOptions,
  type Json,
  type Rec,
  type TransportOptions,
} from './http.js';
import { createIdempotencyKey } from './idempotency.js';
import type { PostOptions } from './open311.js';

/** A consultation as the list returns it. Fields beyond these pass through untouched. */
export interface ConsultationSummary {
  id: string;
  title: string;
  [field: string]: unknown;
}

/** One consultation with its pages, questions and conditions (see docs/consultation-api.md). */
export interface Consultation extends ConsultationSummary {
  pages?: unknown[];
}

/** A resident's answers, keyed by question id. */
export type Answers = Record<string, unknown>;

/** A saved partial response, fetched by its resume code. */
export interface Draft {
  answers: Answers;
  [field: string]: unknown;
}

export interface ConsultationClientOptions extends TransportOptions {
  /** Base URL of the consultation API, e.g. `https://council.example/api/consultations`. */
  endpoint: string;
}

/**
 * Client for the consultation JSON API (docs/consultation-api.md): list, one consultation,
 * responses (idempotent), save-and-return drafts, published results. Errors arrive as
 * ConsultationError with `errors[].question` naming the question at fault.
 */
export class ConsultationClient {
  readonly endpoint: string;
  #t: Transport;

  constructor(o: ConsultationClientOptions) {
    if (!o?.endpoint) throw new TypeError('ConsultationClient: "endpoint" is required');
    this.endpoint = o.endpoint.replace(/\/+$/, '');
    this.#t = new Transport(o);
  }

  /** GET {endpoint}: the consultations (a bare array or `{consultations: [...]}`). */
  async list(o: CallOptions = {}): Promise<ConsultationSummary[]> {
    const b = await this.#json('', 'GET', undefined, o);
    const items = Array.isArray(b) ? b : isRec(b) && Array.isArray(b.consultations) ? b.consultations : [];
    return items.filter(isRec).map(withId) as ConsultationSummary[];
  }

  /** GET {endpoint}/{id}. A ConsultationError of kind `not-found` when there is none. */
  async get(id: string, o: CallOptions = {}): Promise<Consultation> {
    return withId(unwrap(await this.#json(this.#path(id), 'GET', undefined, o), 'consultation')) as Consultation;
  }

  /** POST {endpoint}/{id}/responses with an Idempotency-Key; resolves to the reference to show. */
  async submit(id: string, answers: Answers, o: PostOptions = {}): Promise<{ reference: string }> {
    const b = unwrap(await this.#json(this.#path(id, 'responses'), 'POST', { answers }, o), 'response');
    return { reference: String(b.reference ?? '') };
  }

  /** POST {endpoint}/{id}/drafts: saves answers; resolves to the code that brings them back. */
  async saveDraft(id: string, answers: Answers, o: PostOptions = {}): Promise<{ resumeCode: string }> {
    const b = unwrap(await this.#json(this.#path(id, 'drafts'), 'POST', { answers }, o), 'draft');
    return { resumeCode: String(b.resume_code ?? '') };
  }

  /** GET {endpoint}/{id}/drafts/{code}: the saved answers (`not-found` for an unknown or expired code). */
  async getDraft(id: string, code: string, o: CallOptions = {}): Promise<Draft> {
    const b = unwrap(await this.#json(this.#path(id, 'drafts', code), 'GET', undefined, o), 'draft');
    return { ...b, answers: isRec(b.answers) ? b.answers : {} };
  }

  /** PUT {endpoint}/{id}/drafts/{code}: replaces the saved answers (idempotent, so retried). */
  async updateDraft(id: string, code: string, answers: Answers, o: CallOptions = {}): Promise<void> {
    await this.#json(this.#path(id, 'drafts', code), 'PUT', { answers }, o);
  }

  /** GET {endpoint}/{id}/results: the published "we asked, you said, we did". */
  async results<T = Rec>(id: string, o: CallOptions = {}): Promise<T> {
    return unwrap(await this.#json(this.#path(id, 'results'), 'GET', undefined, o), 'results') as T;
  }

  #path(...parts: string[]): string {
    return '/' + parts.map(encodeURIComponent).join('/');
  }

  async #json(path: string, method: string, body: unknown, o: PostOptions): Promise<Json> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'POST') headers['Idempotency-Key'] = o.idempotencyKey ?? createIdempotencyKey();
    const raw = await this.#t.send(
      this.endpoint + path,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      method !== 'POST',
      o.signal,
    );
    if (raw.status < 200 || raw.status >= 300) {
      throw new ConsultationError(raw.status, safeErrors(raw), retryAfterMs(raw.headers));
    }
    if (!raw.text.trim()) return {};
    try {
      return JSON.parse(raw.text);
    } catch {
      throw new ConsultationError(raw.status);
    }
  }
}

/** The object itself, or the one inside `{key: {...}}`. */
function unwrap(b: Json, key: string): Rec {
  if (!isRec(b)) return {};
  return isRec(b[key]) ? (b[key] as Rec) : b;
}

function withId(r: Rec): Rec {
  return { ...r, id: String(r.id ?? '') };
}
