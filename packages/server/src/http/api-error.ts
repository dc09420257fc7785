// No fastify and no Node API here: the rules in services/request-rules.ts throw these, and the
// Storybook mock backend (stories/backend) runs those rules in a browser.

/** One entry of Open311's error array: `code` is the HTTP status, `description` says how to fix it. */
export interface Open311Error {
  code: number;
  description: string;
}

/**
 * An error the client can act on. Every failure leaves the server as `[{code, description}]`
 * (the Open311 GeoReport v2 error format), also for the consultation API, so widgets handle
 * one shape.
 */
export class ApiError extends Error {
  readonly errors: Open311Error[];
  constructor(
    readonly statusCode: number,
    descriptions: string | string[],
  ) {
    const list = Array.isArray(descriptions) ? descriptions : [descriptions];
    super(list.join(' '));
    this.name = 'ApiError';
    this.errors = list.map((description) => ({ code: statusCode, description }));
  }
}

export const badRequest = (descriptions: string | string[]) => new ApiError(400, descriptions);
export const notFound = (description: string) => new ApiError(404, description);
