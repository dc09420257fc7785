import { z } from 'zod';
import { ApiError } from '../http/api-error.ts';
import type { Lang } from './alert-words.ts';
import type { Tag } from './definition.ts';

// No Node API here: the Storybook mock backend (stories/backend) checks sign-ups with these rules.

/** The longest address mail can carry (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX = 254;

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/).max(100);
export const alertBodySchema = z.strictObject({
  email: z.string().max(EMAIL_MAX),
  topics: z.array(id).max(50).default([]),
  areas: z.array(id).max(100).default([]),
  consultation: id.optional(),
  lang: z.enum(['en', 'cy']).default('en'),
});

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A body's zod problem as the API's error: an `email` that is too long is an email problem
 * (`invalid_email`, which the widgets show beside the email field), not a malformed body.
 */
export function bodyIssue(issue: z.core.$ZodIssue, prefix = ''): { code: string; description: string } {
  if (issue.path.length === 1 && issue.path[0] === 'email' && issue.code === 'too_big') {
    return { code: 'invalid_email', description: `Enter an email address of ${EMAIL_MAX} characters or fewer.` };
  }
  return { code: 'invalid_body', description: `${prefix}${issue.path.join('.') || 'body'}: ${issue.message}` };
}

export interface AlertRow {
  id: number;
  email: string;
  scope: string;
  consultation_id: string | null;
  topics: string[];
  areas: string[];
  lang: Lang;
  token: string;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  /** New choices asked for on an active alert: they apply once the emailed link is confirmed. */
  requested?: { topics: string[]; areas: string[]; lang: Lang } | null;
}

/**
 * Whether a new consultation is one the subscriber asked about: any of their topics (none
 * chosen: every topic) and any of their areas, where a consultation with no areas is about the
 * whole council area and so in every area (the hub's filters work the same way).
 */
export function alertMatches(alert: Pick<AlertRow, 'topics' | 'areas'>, c: { topics?: Tag[]; areas?: Tag[] }): boolean {
  const topics = (c.topics ?? []).map((t) => t.id);
  const areas = (c.areas ?? []).map((a) => a.id);
  if (alert.topics.length && !alert.topics.some((t) => topics.includes(t))) return false;
  if (alert.areas.length && areas.length && !alert.areas.some((a) => areas.includes(a))) return false;
  return true;
}


export type AlertRequest = z.output<typeof alertBodySchema>;

/** A sign-up body, checked; throws the API's 400s (`invalid_body`, `invalid_email`). The email comes back lower case. */
export function parseAlertBody(body: unknown): AlertRequest {
  const parsed = alertBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(400, parsed.error.issues.map((i) => bodyIssue(i)));
  }
  const email = parsed.data.email.trim().toLowerCase();
  if (!emailPattern.test(email)) throw new ApiError(400, [{ code: 'invalid_email', description: 'Enter an email address like name@example.com.' }]);
  return { ...parsed.data, email };
}
