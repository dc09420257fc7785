import { readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, demoConfigPath, parseConfig, type CivicServer, type Db } from '../src/index.ts';
import { call, openTestDb, OWN_STAFF_KEY, ownCouncilJson, pothole, testDatabases } from './helpers.ts';
import { browse, CookieJar, formOf } from './support/cookie-jar.ts';
import { startTestProvider, type TestProvider } from './support/oidc-provider.ts';

/**
 * Staff sign-in end to end: a real OpenID provider (oidc-provider) with its own login and consent
 * pages, our server in production mode (no --demo) using openid-client, every step over HTTP with
 * cookies kept as a browser keeps them.
 */

const OFFICER = 'officer@larkmead.example.gov.uk';
const SESSION_SECRET = 'a-session-secret-for-tests-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `local`: the server runs on 127.0.0.1 and its pages post to it from there (production mode allows that origin only then). */
function councilWithSignIn(provider: TestProvider, extra: Record<string, unknown> = {}, local = true) {
  const own = ownCouncilJson();
  const config = {
    ...own,
    cors: { ...own.cors, origins: [...own.cors.origins, ...(local ? ['http://127.0.0.1:*'] : [])] },
    staff_sign_in: { issuer: provider.issuer, client_id: provider.clientId, allowed_email_domains: ['larkmead.example.gov.uk'], ...extra },
  };
  return parseConfig(config, '(test config)', dirname(demoConfigPath));
}

/** Signs in as `login` through the provider's login and consent pages; returns the last page. */
async function signIn(jar: CookieJar, base: string, login: string, start = '/staff') {
  const loginPage = await browse(jar, `${base}${start}`);
  expect(loginPage.url, 'sent to the provider to sign in').toMatch(/\/interaction\//);
  const login1 = formOf(loginPage.text, loginPage.url);
  const consentPage = await browse(jar, login1.action, { form: { ...login1.fields, login, password: 'anything' } });
  if (!/\/interaction\//.test(consentPage.url)) return consentPage;
  const consent = formOf(consentPage.text, consentPage.url);
  return browse(jar, consent.action, { form: consent.fields });
}

describe.each(testDatabases())('Staff sign-in with OpenID Connect on %s', (kind) => {
  let db: Db;
  let provider: TestProvider;
  let server: CivicServer;
  let base: string;

  beforeAll(async () => {
    db = await openTestDb(kind);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      relyingParty: base,
      accounts: { 'contractor@example.com': { name: 'A Contractor' } },
    });
    server = await createServer({
      port,
      host: '127.0.0.1',
      db,
      quiet: true,
      publicUrl: base,
      email: false,
      config: councilWithSignIn(provider),
      env: { CIVIC_SESSION_SECRET: SESSION_SECRET, CIVIC_OIDC_CLIENT_SECRET: provider.clientSecret },
    });
    expect((await call(base, 'POST', '/open311/v2/requests.json', { form: pothole() })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await provider?.close();
    await db?.close();
  });

  it('signs in through the provider, posts an update with the CSRF token, is refused without it, and signs out', async () => {
    const jar = new CookieJar();
    const staff = await signIn(jar, base, OFFICER, '/staff/reports/LDC-1001');
    expect(staff.url, staff.text.slice(0, 600)).toBe(`${base}/staff/reports/LDC-1001`);
    expect(staff.response.status).toBe(200);
    expect(staff.text).toContain(`Signed in as Test Officer (${OFFICER})`);
    expect(staff.text).not.toContain('demo: not for real residents');

    const session = jar.attributesOf('civic_staff')!;
    expect(session).toContain('httponly');
    expect(session).toContain('samesite=lax');
    expect(session).toContain('path=/staff');
    expect(session).not.toContain('secure');

    const form = formOf(staff.text, staff.url, /\/updates"/);
    expect(form.fields.csrf_token, 'the form carries a CSRF token').toMatch(/^[\w-]{40,}$/);

    // Without the token (a post from another site through the officer's browser): nothing changes.
    const { csrf_token: _token, ...withoutToken } = form.fields;
    const refused = await browse(jar, form.action, { form: { ...withoutToken, status: 'fixed', description: 'Forged by another site' } });
    expect(refused.response.status).toBe(403);
    expect(refused.text).toContain('This form has expired');
    const wrong = await browse(jar, form.action, { form: { ...form.fields, csrf_token: 'x'.repeat(43), status: 'fixed', description: 'Forged by another site' } });
    expect(wrong.response.status).toBe(403);

    const posted = await browse(jar, form.action, { form: { ...form.fields, status: 'action_scheduled', description: 'A crew is booked for Tuesday.' } });
    expect(posted.url).toBe(`${base}/staff/reports/LDC-1001?posted=1`);
    const updates = (await call(base, 'GET', '/open311/v2/servicerequestupdates.json?service_request_id=LDC-1001')).body as { description: string; updated_by?: string }[];
    expect(updates.map((u) => u.description)).toEqual(['A crew is booked for Tuesday.']);

    // Sign out: the provider's own sign-out, then back to our signed-out page; the session is gone.
    const signOut = formOf(posted.text, posted.url, /sign-out/);
    const cookieBefore = jar.header(`${base}/staff`);
    let out = await browse(jar, signOut.action, { form: signOut.fields });
    if (/\/session\/end/.test(out.url)) {
      // oidc-provider asks "do you want to sign out of the provider too?"
      const confirm = formOf(out.text, out.url);
      out = await browse(jar, confirm.action, { form: { ...confirm.fields, logout: 'yes' } });
    }
    expect(out.url).toBe(`${base}/staff/signed-out`);
    expect(out.text).toContain('You have signed out');
    expect(jar.header(`${base}/staff`)).not.toContain('civic_staff=');
    // The old cookie, replayed, no longer opens anything: the session was deleted from the database.
    const replayed = await fetch(`${base}/staff`, { headers: { cookie: cookieBefore }, redirect: 'manual' });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toBe('/staff/sign-in?return_to=%2Fstaff');
  });

  it("lets a signed-in officer's preview post as the widget does (JSON, no form token), as those posts change nothing", async () => {
    const definition = JSON.parse(readFileSync(join(dirname(demoConfigPath), 'consultations', 'car-parks-2026.json'), 'utf8')) as Record<string, unknown>;
    const put = await call(base, 'PUT', '/api/consultations/town-centre-2026', { json: { ...definition, id: 'town-centre-2026', opens: '2026-01-01T00:00:00Z', closes: '2099-01-01T00:00:00Z' }, headers: { Authorization: `Bearer ${OWN_STAFF_KEY}` } });
    expect(put.status, put.text).toBe(201);
    const jar = new CookieJar();
    const staff = await signIn(jar, base, OFFICER, '/staff/consultations/town-centre-2026/preview');
    expect(staff.response.status, staff.text.slice(0, 400)).toBe(200);
    expect(staff.text).toContain('<civic-consultation endpoint="/staff/preview-api" consultation="town-centre-2026">');
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { cookie: jar.header(`${base}/staff`), 'content-type': 'application/json', origin: base }, body: JSON.stringify(body) });
    expect((await post('/staff/preview-api/town-centre-2026/responses', { answers: {} })).status).toBe(201);
    expect((await post('/staff/preview-api/town-centre-2026/drafts', { answers: {} })).status).toBe(201);
    // A staff form that changes something still needs its token.
    expect((await post('/staff/consultations/town-centre-2026/close', {})).status).toBe(403);
    // And without a session, the preview is not there at all.
    expect((await fetch(`${base}/staff/preview-api/town-centre-2026/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{}' })).status).toBe(401);
  });

  it('refuses an account outside the allowed email domains, and sets no session', async () => {
    const jar = new CookieJar();
    const page = await signIn(jar, base, 'contractor@example.com');
    expect(page.response.status).toBe(403);
    expect(page.text).toContain('You do not have access to the back office');
    expect(jar.header(`${base}/staff`)).not.toContain('civic_staff=');
  });

  it('keeps sessions in the database, so a second process knows them; a tampered cookie is refused', async () => {
    const jar = new CookieJar();
    await signIn(jar, base, OFFICER);
    const cookie = jar.header(`${base}/staff`);
    const second = await createServer({
      port: 0,
      host: '127.0.0.1',
      db,
      quiet: true,
      publicUrl: base,
      email: false,
      config: councilWithSignIn(provider),
      env: { CIVIC_SESSION_SECRET: SESSION_SECRET, CIVIC_OIDC_CLIENT_SECRET: provider.clientSecret },
    });
    try {
      const other = second.url.replace('localhost', '127.0.0.1');
      const there = await fetch(`${other}/staff`, { headers: { cookie }, redirect: 'manual' });
      expect(there.status).toBe(200);
      expect(await there.text()).toContain(`Signed in as Test Officer (${OFFICER})`);
      // Change one character of the signed value: the signature no longer matches.
      const tampered = cookie.replace(/civic_staff=([^;.]*)/, (_m, v: string) => `civic_staff=${v.slice(0, -1)}${v.endsWith('A') ? 'B' : 'A'}`);
      const refused = await fetch(`${other}/staff`, { headers: { cookie: tampered }, redirect: 'manual' });
      expect(refused.status).toBe(303);
    } finally {
      await second.close();
    }
  });

  it('refuses a callback that no sign-in here started (login CSRF)', async () => {
    const answer = await fetch(`${base}/staff/sign-in/callback?code=abc&state=def`, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('Sign in again');
  });

  it('marks its cookies Secure when the public URL is https', async () => {
    const secure = await createServer({
      port: 0,
      host: '127.0.0.1',
      db,
      quiet: true,
      publicUrl: 'https://staff.larkmead.example.gov.uk',
      email: false,
      config: councilWithSignIn(provider, {}, false),
      env: { CIVIC_SESSION_SECRET: SESSION_SECRET, CIVIC_OIDC_CLIENT_SECRET: provider.clientSecret },
    });
    try {
      const answer = await fetch(`${secure.url}/staff/sign-in`, { redirect: 'manual' });
      expect(answer.status).toBe(303);
      const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('civic_staff_sign_in='))!;
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
    } finally {
      await secure.close();
    }
  });
});
