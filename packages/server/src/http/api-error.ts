// No fastify and no Node API here: the rules in requests/request-rules.ts throw these, and the
// Storybook mock backend (stories/backend) runs those rules in a browser.

/** One entry of Open311's error array: `code` is the HTTP status, `description` says how to fix it. */
export interface Open311Error {
  code: number;
  description: string;
}

/**
 * One entry of an error array. Open311 routes use the HTTP status as `code`; the consultation
 * API and the gazetteer use a string code (`not_found`, `invalid_limit`) and, for an answer,
 * the `question` it is about (docs/consultation-api.md).
 */
export interface ApiErrorEntry {
  code: number | string;
  description: string;
  question?: string;
}

/**
 * An error the client can act on. Every failure leaves the server as `[{code, description}]`
 * (the Open311 GeoReport v2 error format), also for the consultation API, so widgets handle
 * one shape. Descriptions given as text get the status as their code; entries given whole keep
 * their own codes.
 */
export class ApiError extends Error {
  readonly errors: ApiErrorEntry[];
  constructor(
    readonly statusCode: number,
    descriptions: string | readonly (string | ApiErrorEntry)[],
  ) {
    const list = typeof descriptions === 'string' ? [descriptions] : descriptions;
    const errors = list.map((d) => (typeof d === 'string' ? { code: statusCode, description: d } : d));
    super(errors.map((e) => e.description).join(' '));
    this.name = 'ApiError';
    this.errors = errors;
  }
}

export const badRequest = (descriptions: string | string[]) => new ApiError(400, descriptions);
export const notFound = (description: string) => new ApiError(404, description);
/** A failure with a string code, as the consultation API and the gazetteer answer. */
export const codedError = (status: number, code: string, description: string) => new ApiError(status, [{ code, description }]);
