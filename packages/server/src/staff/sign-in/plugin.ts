import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { StaffSignInConfig } from '../../config/index.ts';
import { escapeHtml, htmlPage } from '../../http/html.ts';
import { identityProvider, type IdentityProvider } from './oidc.ts';
import { createSession, endSession, findSession, sameSecret, startSignIn, takeSignIn, type StaffSession } from './sessions.ts';

/*
 * Signing staff in to /staff with the council's identity provider (OpenID Connect), keeping them
 * signed in with a session cookie, and refusing staff form posts that do not carry the session's
 * CSRF token. Registered in the same Fastify scope as the staff pages, so its hooks guard every
 * one of them and nothing else. Not registered under --demo, whose back office has no sign-in.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in to /staff (null in demo mode, which has no sign-in). */
    staff: StaffSession | null;
  }
  interface FastifyContextConfig {
    /** A sign-in route: reachable without a session. */
    signIn?: boolean;
    /**
     * A POST that stores and sends nothing (the preview's stand-in for the resident API): the
     * widget posts JSON without the form token, and a forged post could change nothing anyway.
     */
    changesNothing?: boolean;
  }
}

export const SESSION_COOKIE = 'civic_staff';
const SIGN_IN_COOKIE = 'civic_staff_sign_in';
export const CSRF_FIELD = 'csrf_token';

export interface StaffSignInOptions {
  settings: StaffSignInConfig;
  /** From the environment variable the config names. */
  clientSecret: string;
  /** CIVIC_SESSION_SECRET: signs the cookies. */
  cookieSecret: string;
}

/** The hidden field every staff form carries (empty in demo mode, which has no session). */
export function csrfField(request: FastifyRequest): string {
  return request.staff ? `<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(request.staff.csrfToken)}">` : '';
}

/** Only a path inside the back office: never another site, never `//evil.example`. */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/staff(?:[/?#]|$)/.test(value) && !value.includes('\\') ? value : '/staff';
}

/** Call from the /staff plugin (prefix /staff) before its pages, so its hooks cover them all. */
export default async function staffSignIn(app: FastifyInstance, options: StaffSignInOptions) {
  const ctx = app.civic;
  const { settings } = options;
  // Secure under https (TLS ends at the council's proxy, so the public URL says, not the request).
  const cookieBase = () => ({ httpOnly: true, sameSite: 'lax' as const, secure: ctx.publicUrl.startsWith('https:'), signed: true });
  let provider: IdentityProvider | undefined;
  // The redirect URI is only known once the server knows its public URL (after listen in tests).
  const idp = () => (provider ??= identityProvider(settings, options.clientSecret, `${ctx.publicUrl}/staff/sign-in/callback`));

  await app.register(cookie, { secret: options.cookieSecret });
  app.decorateRequest('staff', null);

  // The staff scope's helmet settings (staff/routes.ts) give these pages their CSP.
  const plain = (reply: FastifyReply, status: number, title: string, body: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(htmlPage(title, ctx.config.council.name, body));

  const cookieValue = (request: FastifyRequest, name: string): string | null => {
    const raw = request.cookies[name];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid ? unsigned.value : null;
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.signIn) return;
    const id = cookieValue(request, SESSION_COOKIE);
    request.staff = id ? await findSession(ctx.db, id) : null;
    if (request.staff) return;
    if (request.method === 'GET' || request.method === 'HEAD') {
      return reply.redirect(`/staff/sign-in?return_to=${encodeURIComponent(request.url)}`, 303);
    }
    return plain(reply, 401, 'Sign in', '<h1>Sign in to the back office</h1><p>You are not signed in, so nothing was changed. <a href="/staff/sign-in">Sign in</a> and try again.</p>');
  });

  // Every staff form carries the session's synchroniser token; a post without it (from another
  // site, through the officer's browser) changes nothing.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config.signIn || request.routeOptions.config.changesNothing || !request.staff) return;
    const body = request.body as Record<string, unknown> | undefined;
    const token = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
    if (typeof token === 'string' && sameSecret(token, request.staff.csrfToken)) return;
    return plain(reply, 403, 'Form expired', '<h1>This form has expired</h1><p>Nothing was changed. Go back, reload the page and try again.</p>');
  });

  app.get<{ Querystring: { return_to?: string } }>('/sign-in', { config: { signIn: true } }, async (request, reply) => {
    const check = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    let url: URL;
    try {
      url = await idp().signInUrl(check);
    } catch (error) {
      request.log.error({ err: error }, 'staff sign-in: identity provider unreachable');
      return plain(reply, 503, 'Sign-in unavailable', '<h1>Sorry, you cannot sign in at the moment</h1><p>The sign-in service did not answer. Try again in a few minutes.</p>');
    }
    const id = await startSignIn(ctx.db, { ...check, returnTo: safeReturn(request.query.return_to) });
    reply.setCookie(SIGN_IN_COOKIE, id, { ...cookieBase(), path: '/staff/sign-in', maxAge: 600 });
    return reply.header('Cache-Control', 'no-store').redirect(url.href, 303);
  });

  app.get('/sign-in/callback', { config: { signIn: true } }, async (request, reply) => {
    const id = cookieValue(request, SIGN_IN_COOKIE);
    reply.clearCookie(SIGN_IN_COOKIE, { path: '/staff/sign-in' });
    const attempt = id ? await takeSignIn(ctx.db, id) : null;
    if (!attempt) {
      return plain(reply, 400, 'Sign in again', '<h1>Sign in again</h1><p>This sign-in took too long or was started in another browser. <a href="/staff/sign-in">Sign in again</a>.</p>');
    }
    let who;
    try {
      // Built from our own public URL, not the Host header, so a forged header cannot change it.
      who = await idp().finishSignIn(new URL(request.url, ctx.publicUrl), attempt);
    } catch (error) {
      // openid-client's errors name what failed (state, nonce, signature), never the person.
      request.log.warn({ err: error }, 'staff sign-in failed');
      return plain(reply, 400, 'Sign-in failed', '<h1>Sign-in failed</h1><p>The answer from the sign-in service could not be checked. <a href="/staff/sign-in">Try again</a>.</p>');
    }
    if (!who.allowed) {
      return plain(
        reply,
        403,
        'No access',
        `<h1>You do not have access to the back office</h1><p>${who.email ? `The account ${escapeHtml(who.email)} is` : 'Your account is'} not one of the council's staff accounts for this service. Ask your IT team for access.</p>`,
      );
    }
    const session = await createSession(ctx.db, who, settings.session_hours);
    reply.setCookie(SESSION_COOKIE, session, { ...cookieBase(), path: '/staff', maxAge: settings.session_hours * 3600 });
    return reply.redirect(attempt.returnTo, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const id = cookieValue(request, SESSION_COOKIE)!;
    const ended = await endSession(ctx.db, id);
    reply.clearCookie(SESSION_COOKIE, { path: '/staff' });
    const signedOut = `${ctx.publicUrl}/staff/signed-out`;
    const atProvider = await idp()
      .signOutUrl(ended?.idToken ?? null, signedOut)
      .catch(() => null);
    return reply.redirect(atProvider?.href ?? '/staff/signed-out', 303);
  });

  app.get('/signed-out', { config: { signIn: true } }, async (_request, reply) =>
    plain(reply, 200, 'Signed out', '<h1>You have signed out</h1><p><a href="/staff/sign-in">Sign in again</a></p>'),
  );
}

