/**
 * Typed failures of the backend clients. Widgets branch on the class (and `kind`) to show a
 * state the resident can act on, in their own language: the client holds no user-facing copy.
 */

/** One entry of the error array: Open311's `[{code, description}]`, plus `question` in the consultation API. */
export interface ApiErrorItem {
  code: string;
  description: string;
  /** Consultation API: the question the error is about, so a form can link to its field. */
  question?: string;
}

/** What went wrong, for choosing a localised message without parsing server text. */
export type ApiErrorKind =
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'unexpected';

/** Base of every client failure, so `catch (e) { if (e instanceof ClientError) … }` covers all. */
export class ClientError extends Error {}

/** The request never got an answer: offline, DNS, CORS refused, connection reset. */
export class NetworkError extends ClientError {}

/** No answer within `timeoutMs`. A POST may still have been stored: retry it with the same Idempotency-Key. */
export class TimeoutError extends ClientError {}

/**
 * The server lacks an optional extension (media upload, subscriptions, request updates, …):
 * it answered 404, 405 or 501. Widgets hide the feature instead of showing an error.
 */
export class UnsupportedError extends ClientError {
  constructor(
    /** Which extension, e.g. `servicerequestupdates`, `media`, `subscriptions`. */
    readonly feature: string,
    /** The HTTP status that told us. */
    readonly status: number,
  ) {
    super(`No ${feature} (${status})`);
  }
}

/** The server answered with an error: its HTTP status and its error array. */
export class ApiError extends ClientError {
  /** The server's error array, normalised (codes as strings). Empty when the body had none. */
  readonly errors: ApiErrorItem[];
  /** Classification of `status` for picking a localised message. */
  readonly kind: ApiErrorKind;
  /**
   * The server's own descriptions when they are meant for people (a 4xx with an error array),
   * joined; empty otherwise (a 5xx body may be a stack trace or an HTML page). Empty for 401 and
   * 403 too: a missing or refused key is the website's set-up, words for its integrator ("Send the
   * key … as the api_key field"), nothing a resident can act on.
   */
  readonly userMessage: string;
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly status: number,
    errors: ApiErrorItem[] = [],
    retryAfterMs?: number,
  ) {
    const text = errors.map((e) => e.description).filter(Boolean).join(' ');
    super(`${status} ${text}`);
    this.errors = errors;
    this.retryAfterMs = retryAfterMs;
    this.kind = errorKind(status);
    this.userMessage = status >= 400 && status < 500 && this.kind !== 'forbidden' ? text.slice(0, 500) : '';
  }
}

/** An Open311 server's error (`[{code, description}]`, JSON or XML `<errors><error>`). */
export class Open311Error extends ApiError {}

/** A consultation API error (`[{code, description, question?}]`). */
export class ConsultationError extends ApiError {}

// Names on the prototypes: minifiers rename classes, so `constructor.name` would say "R".
for (const [C, name] of [
  [ClientError, 'ClientError'],
  [NetworkError, 'NetworkError'],
  [TimeoutError, 'TimeoutError'],
  [UnsupportedError, 'UnsupportedError'],
  [ApiError, 'ApiError'],
  [Open311Error, 'Open311Error'],
  [ConsultationError, 'ConsultationError'],
] as const) {
  C.prototype.name = name;
}

function errorKind(s: number): ApiErrorKind {
  return s === 400 || s === 415 || s === 422
    ? 'invalid'
    : s === 401 || s === 403
      ? 'forbidden'
      : s === 404 || s === 410
        ? 'not-found'
        : s === 409
          ? 'conflict'
          : s === 413
            ? 'too-large'
            : s === 429
              ? 'rate-limited'
              : s > 499
                ? 'server'
                : 'unexpected';
}
