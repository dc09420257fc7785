import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../http/context.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import { sendConfirmSubscription } from '../mail/notifications.ts';
import { findRequest } from './requests.ts';
import type { Language } from './open311/language.ts';
import { emailAddress, Problems, text, type Body } from './validate.ts';

/**
 * POST subscriptions: emails a confirmation link. The answer is the same whether or not the
 * address was already subscribed, so the endpoint does not reveal who follows a case.
 */
export async function subscribe(ctx: ServerContext, body: Body, language: Language | null = null): Promise<{ service_request_id: string; message: string }> {
  if (!ctx.queue.sends) throw new ApiError(501, 'This council does not send email updates. Check the report online instead.');
  const problems = new Problems();
  const id = text(body, 'service_request_id', problems, 100);
  if (!id) problems.add('service_request_id is required: the reference of the report to follow.');
  const email = emailAddress(body, 'email', problems);
  if (!email && !problems.list.some((p) => p.startsWith('email'))) problems.add('email is required: where to send the updates.');
  if (problems.any) throw badRequest(problems.list);
  const request = await findRequest(ctx, id!);
  if (!request) throw new ApiError(404, `There is no report with service_request_id "${id}". Check the reference.`);
  const { rows } = await ctx.db.query<{ token: string; confirmed_at: Date | null; unsubscribed_at: Date | null }>(
    `INSERT INTO subscriptions (service_request_id, email, token, source, language)
     VALUES ($1, $2, $3, 'subscriber', $4)
     ON CONFLICT (service_request_id, email) DO UPDATE SET email = EXCLUDED.email, language = COALESCE(EXCLUDED.language, subscriptions.language)
     RETURNING token, confirmed_at, unsubscribed_at`,
    [request.service_request_id, email!.toLowerCase(), randomUUID(), language],
  );
  const sub = rows[0]!;
  if (!sub.confirmed_at || sub.unsubscribed_at) await sendConfirmSubscription(ctx, request, email!, sub.token, language);
  return {
    service_request_id: request.service_request_id,
    message: `Check your email: we have sent a link to ${email} to confirm you want updates on ${request.service_request_id}.`,
  };
}

export async function findSubscription(ctx: ServerContext, token: unknown) {
  if (typeof token !== 'string' || !/^[0-9a-f-]{36}$/.test(token)) return null;
  const { rows } = await ctx.db.query<{ service_request_id: string; email: string; confirmed_at: Date | null; unsubscribed_at: Date | null; language: Language | null }>(
    'SELECT service_request_id, email, confirmed_at, unsubscribed_at, language FROM subscriptions WHERE token = $1',
    [token],
  );
  return rows[0] ?? null;
}

export async function confirmSubscription(ctx: ServerContext, token: string) {
  await ctx.db.query('UPDATE subscriptions SET confirmed_at = COALESCE(confirmed_at, now()), unsubscribed_at = NULL WHERE token = $1', [token]);
}

export async function unsubscribe(ctx: ServerContext, token: string) {
  await ctx.db.query('UPDATE subscriptions SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE token = $1', [token]);
}
