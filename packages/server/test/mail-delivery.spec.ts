import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/index.ts';
import { call, pothole, STAFF_KEY, useTestServer } from './helpers.ts';

/** A report with email updates, and a staff update on it: the update email is the one with List-Unsubscribe. */
async function reportAndUpdate(base: string, description: string, db: Db) {
  const created = await call(base, 'POST', '/open311/v2/requests.json', {
    form: pothole({ email: 'ada@example.org', first_name: 'Ada', email_updates: 'true' }),
  });
  expect(created.status).toBe(201);
  const id = created.body[0].service_request_id as string;
  // Ada confirms the updates, as by the link in her receipt (the token is the link's).
  const { rows } = await db.query<{ token: string }>('SELECT token FROM subscriptions WHERE service_request_id = $1', [id]);
  expect((await call(base, 'POST', '/open311/v2/subscriptions/confirm', { form: { token: rows[0]!.token } })).status).toBe(200);
  const updated = await call(base, 'POST', '/open311/v2/servicerequestupdates.json', {
    form: { api_key: STAFF_KEY, service_request_id: id, status: 'in_progress', description },
  });
  expect(updated.status).toBeLessThan(300);
  return id;
}

describe('mail that arrives: DKIM, one-click unsubscribe, text and HTML (SMTP_URL)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // The DNS TXT record the council would publish at civic2026._domainkey.larkmead.example.gov.uk.
  const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: { raw: Buffer; mail: ParsedMail }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then((mail) => {
            received.push({ raw, mail });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });
  const t = useTestServer('pglite', () => ({
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    // As on a platform whose variables are one line: the PEM's line breaks written as \n.
    env: { DKIM_DOMAIN: 'larkmead.example.gov.uk', DKIM_SELECTOR: 'civic2026', DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n') },
  }));

  it('signs every email with a DKIM signature that verifies against the published key, and fails against another key', async () => {
    received.length = 0;
    await reportAndUpdate(t.server.base, 'We will fill it on Tuesday.', t.db);
    await t.server.ctx.queue.drain();
    expect(received.length).toBe(3); // receipt, team notice, update

    const asked: string[] = [];
    const resolver = async (name: string, type: string) => {
      asked.push(`${type} ${name}`);
      return [[txt]];
    };
    for (const { raw, mail } of received) {
      const result = await dkimVerify(raw, { resolver });
      expect(result.results.map((r) => [r.signingDomain, r.selector, r.status.result]), mail.subject).toEqual([['larkmead.example.gov.uk', 'civic2026', 'pass']]);
    }
    expect(asked).toContain('TXT civic2026._domainkey.larkmead.example.gov.uk');

    // Another key under the same name: the signature must not verify (the test can fail).
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const forged = await dkimVerify(received[0]!.raw, { resolver: async () => [[`v=DKIM1; k=rsa; p=${other}`]] });
    expect(forged.results[0]!.status.result).toBe('fail');
  });

  it('sends a plain-text and an escaped, accessible HTML version of each email', async () => {
    received.length = 0;
    await reportAndUpdate(t.server.base, 'Fixed <b>soon</b> & "safely".', t.db);
    await t.server.ctx.queue.drain();
    const update = received.find((r) => r.mail.subject?.startsWith('Update on'))!.mail;
    expect(update.text).toContain('Fixed <b>soon</b> & "safely".');
    const html = update.html as string;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<title>${update.subject!.replace(/&/g, '&amp;')}</title>`);
    expect(html).toContain('Fixed &lt;b&gt;soon&lt;/b&gt; &amp; &quot;safely&quot;.');
    expect(html).not.toContain('<b>soon</b>');
    expect(html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/subscriptions\/unsubscribe\?token=[^"]+" [^>]*>http:/);
    for (const { mail } of received) expect(typeof mail.html, mail.subject).toBe('string');
  });

  it('puts RFC 8058 one-click headers on update emails, and a POST from the mail provider unsubscribes', async () => {
    received.length = 0;
    const id = await reportAndUpdate(t.server.base, 'Booked in.', t.db);
    await t.server.ctx.queue.drain();
    const update = received.find((r) => r.mail.subject?.startsWith(`Update on ${id}`))!.mail;
    const header = (name: string) => update.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
    const url = header('list-unsubscribe')!.match(/^<(.+)>$/)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/subscriptions\/unsubscribe\?token=/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The receipt is not a list email: no unsubscribe headers.
    expect(received.find((r) => r.mail.subject?.startsWith('Your report'))!.mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);

    // What Gmail's servers send: a form POST to the header's URL, no cookie, no Origin.
    const oneClick = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);

    received.length = 0;
    await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: { api_key: STAFF_KEY, service_request_id: id, status: 'fixed', description: 'Done.' },
    });
    await t.server.ctx.queue.drain();
    expect(received.filter((r) => r.mail.subject?.startsWith(`Update on ${id}`))).toEqual([]);
  });
});

/**
 * GOV.UK Notify: a local stand-in for its API (POST /v2/notifications/email) that checks what
 * Notify checks — a JWT signed (HS256) with the key's secret, issued by the service id, recent —
 * and keeps what it was sent. The server points Notify's client at it with NOTIFY_BASE_URL.
 */
describe('mail through GOV.UK Notify (a stand-in of its API)', () => {
  const serviceId = '26785a09-ab16-4eb0-8407-a37497a57506';
  const secret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
  const apiKey = `larkmead_test-${serviceId}-${secret}`;
  const templateId = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
  let notify: FastifyInstance;
  let notifyBase: string;
  const sent: Record<string, any>[] = [];
  const refused: string[] = [];

  const base64url = (s: string) => Buffer.from(s, 'base64url').toString('utf8');
  function checkToken(authorization: string | undefined): string | null {
    const token = authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!token) return 'no bearer token';
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return 'not a JWT';
    if (JSON.parse(base64url(header)).alg !== 'HS256') return 'not HS256';
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    if (expected !== signature) return 'bad signature';
    const claims = JSON.parse(base64url(payload));
    if (claims.iss !== serviceId) return `issuer ${claims.iss}`;
    if (Math.abs(Date.now() / 1000 - claims.iat) > 30) return 'token too old';
    return null;
  }

  beforeAll(async () => {
    notify = Fastify();
    notify.post('/v2/notifications/email', async (request, reply) => {
      const problem = checkToken(request.headers.authorization);
      if (problem) {
        refused.push(problem);
        return reply.code(403).send({ status_code: 403, errors: [{ error: 'AuthError', message: problem }] });
      }
      const body = request.body as Record<string, any>;
      if (body.email_address === 'bounce@example.org') {
        return reply.code(400).send({ status_code: 400, errors: [{ error: 'BadRequestError', message: 'Can’t send to this recipient using a team-only API key' }] });
      }
      sent.push(body);
      return reply.code(201).send({ id: `n-${sent.length}`, content: { subject: body.personalisation.subject, body: body.personalisation.body, from_email: 'larkmead@notifications.service.gov.uk' }, uri: '', template: { id: body.template_id, version: 1, uri: '' } });
    });
    notifyBase = await notify.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await notify?.close();
  });
  const t = useTestServer('pglite', () => ({
    env: { NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_ID: templateId, NOTIFY_BASE_URL: notifyBase },
  }));

  it('sends every email through Notify with a valid token, the generic template and the one-click URL', async () => {
    expect(t.server.ctx.mailer.kind).toBe('notify');
    const id = await reportAndUpdate(t.server.base, 'We will fill it on Tuesday.', t.db);
    await t.server.ctx.queue.drain();
    expect(refused).toEqual([]);
    expect(sent.map((m) => [m.template_id, m.email_address, m.personalisation.subject])).toEqual([
      [templateId, 'ada@example.org', `Your report ${id}: Pothole`],
      [templateId, 'highways@larkmead.example.gov.uk', expect.stringMatching(new RegExp(`^New report ${id}: Pothole`))],
      [templateId, 'ada@example.org', `Update on ${id} (Pothole): In progress`],
    ]);
    const update = sent[2]!;
    expect(update.personalisation.body).toContain('We will fill it on Tuesday.');
    expect(update.one_click_unsubscribe_url).toMatch(/\/open311\/v2\/subscriptions\/unsubscribe\?token=/);
    expect(sent[0]!.one_click_unsubscribe_url).toBeUndefined();
    // No dev mailbox and no demo back office without the dev mailbox.
    expect((await call(t.server.base, 'GET', '/dev/mailbox.json')).status).toBe(404);
  });

  it('keeps an email Notify refuses in the queue with Notify’s reason, for a retry', async () => {
    await t.server.ctx.queue.send({ to: 'bounce@example.org', subject: 'Hello', text: 'Hi' });
    await t.server.ctx.queue.drain();
    const { rows } = await t.db.query<{ last_error: string; done_at: Date | null }>(
      "SELECT last_error, done_at FROM mail_queue WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0]?.done_at).toBeNull();
    expect(rows[0]?.last_error).toBe('GOV.UK Notify answered 400: BadRequestError: Can’t send to this recipient using a team-only API key');
    expect(rows[0]?.last_error).not.toContain(secret);
  });
});
