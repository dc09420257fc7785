import { ConsultationError } from './errors.js';
import { Transport, safeErrors, type CallOptions, type TransportOptions } from './http.js';
import { createIdempotencyKey } from './idempotency.js';
import type { PostOptions } from './open311.js';
import type {
  AlertAccepted,
  AlertInput,
  Consultation,
  ConsultationResults,
  ConsultationSummary,
  Draft,
  DraftInput,
  LocalizedText,
  ResponseInput,
  SavedDraft,
  SubmittedResponse,
} from './consultation-types.js';

export interface ConsultationClientOptions extends TransportOptions {
  /** Base URL of the consultation API, e.g. `https://council.example/api/consultations`. */
  endpoint: string;
}

/**
 * Client for the consultation JSON API (docs/consultation-api.md). Failures are
 * ConsultationError: branch on `errors[].code` for localised text and use `errors[].question`
 * to link each error to its field.
 */
export class ConsultationClient {
  readonly endpoint: string;
  #t: Transport;

  constructor(o: ConsultationClientOptions) {
    if (!o?.endpoint) throw new TypeError('ConsultationClient: "endpoint" is required');
    this.endpoint = o.endpoint.replace(/\/+$/, '');
    this.#t = new Transport(o);
  }

  /** GET {endpoint}: open consultations first, then the rest. */
  list(o: CallOptions = {}): Promise<ConsultationSummary[]> {
    return this.#json<ConsultationSummary[]>('GET', [], undefined, o);
  }

  /** GET {endpoint}/{id}: the whole definition (`not_found`, 404, for an unknown id). */
  get(id: string, o: CallOptions = {}): Promise<Consultation> {
    return this.#json('GET', [id], undefined, o);
  }

  /**
   * POST {endpoint}/{id}/responses. Make the key when the resident starts and reuse it on every
   * retry: the server stores the response once and answers a retry with the first reference.
   */
  submit(id: string, body: ResponseInput, o: PostOptions = {}): Promise<SubmittedResponse> {
    return this.#json('POST', [id, 'responses'], body, o);
  }

  /** POST {endpoint}/{id}/drafts: saves the answers so far behind a new resume code. */
  saveDraft(id: string, body: DraftInput, o: PostOptions = {}): Promise<SavedDraft> {
    return this.#json('POST', [id, 'drafts'], body, o);
  }

  /** GET {endpoint}/{id}/drafts/{code} (`draft_not_found`, 404, when unknown or expired). */
  getDraft(id: string, code: string, o: CallOptions = {}): Promise<Draft> {
    return this.#json('GET', [id, 'drafts', code], undefined, o);
  }

  /** PUT {endpoint}/{id}/drafts/{code}: replaces the saved answers; idempotent, so retried. */
  updateDraft(id: string, code: string, body: DraftInput, o: CallOptions = {}): Promise<SavedDraft> {
    return this.#json('PUT', [id, 'drafts', code], body, o);
  }

  /** GET {endpoint}/{id}/results (`results_not_published`, 404, until staff publish them). */
  results(id: string, o: CallOptions = {}): Promise<ConsultationResults> {
    return this.#json('GET', [id, 'results'], undefined, o);
  }

  /**
   * POST {endpoint}/alerts: asks for emails about new consultations, or about one
   * consultation's outcome. The server emails a link to confirm before sending anything else.
   */
  subscribeAlerts(body: AlertInput, o: PostOptions = {}): Promise<AlertAccepted> {
    return this.#json('POST', ['alerts'], body, o);
  }

  async #json<T>(method: string, path: string[], body: unknown, o: PostOptions): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (method === 'POST') headers['Idempotency-Key'] = o.idempotencyKey ?? createIdempotencyKey();
    const raw = await this.#t.send(
      this.endpoint + path.map((p) => '/' + encodeURIComponent(p)).join(''),
      { method, headers, body: body ? JSON.stringify(body) : undefined },
      method !== 'POST',
      o.signal,
    );
    if (raw.status < 200 || raw.status >= 300) {
      throw new ConsultationError(raw.status, safeErrors(raw), raw.retryAfterMs);
    }
    try {
      return JSON.parse(raw.text) as T;
    } catch {
      throw new ConsultationError(raw.status);
    }
  }
}

/** The text for the page's language: Welsh when asked for and present, else English. */
export function localizedText(t: LocalizedText | undefined, lang: string): string {
  if (t == null) return '';
  if (typeof t === 'string') return t;
  return (lang.toLowerCase().startsWith('cy') && t.cy) || t.en;
}
