import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, pothole, STAFF_KEY, useTestServer } from './helpers.ts';

/**
 * SMTP_URL: the server sends through a real SMTP server (here one the test runs), and the
 * messages are read back with mailparser, headers and all.
 */
describe('email through SMTP_URL', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  // Registered after the SMTP server's hooks: it starts once that listens, and closes before it.
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });
  const t = useTestServer('pglite', () => ({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` }));

  it('sends the receipt, the team notice and (once confirmed) the update email, and has no dev mailbox', async () => {
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      form: pothole({ email: 'ada@example.org', first_name: 'Ada', email_updates: 'true' }),
    });
    expect(created.status).toBe(201);
    // The resident confirms updates by the link in the receipt.
    await t.server.ctx.queue.drain();
    const token = /\/subscriptions\/confirm\?token=([0-9a-f-]{36})/.exec(received.find((r) => r.mail.subject === 'Your report LDC-1001: Pothole')?.mail.text ?? '')?.[1];
    expect((await call(t.server.base, 'POST', '/open311/v2/subscriptions/confirm', { form: { token: token! } })).status).toBe(200);
    await call(t.server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: { api_key: STAFF_KEY, service_request_id: 'LDC-1001', status: 'fixed', description: 'Filled and sealed.' },
    });
    await t.server.ctx.queue.drain();

    const bySubject = new Map(received.map((r) => [r.mail.subject, r]));
    const receipt = bySubject.get('Your report LDC-1001: Pothole')!;
    expect(receipt.envelopeTo).toEqual(['ada@example.org']);
    expect(receipt.mail.from?.value[0]).toEqual({ name: 'Larkmead District Council', address: 'no-reply@larkmead.example.gov.uk' });
    expect(receipt.mail.text).toContain('Your reference is LDC-1001.');

    const notice = bySubject.get('New report LDC-1001: Pothole – (map point 52.228000, -1.505000)')!;
    expect(notice.envelopeTo).toEqual(['highways@larkmead.example.gov.uk']);
    expect(notice.mail.replyTo?.value[0]?.address).toBe('ada@example.org');
    expect(notice.mail.text).toContain('How deep is it?\n  More than 10cm');

    const update = bySubject.get('Update on LDC-1001 (Pothole): Fixed')!;
    expect(update.envelopeTo).toEqual(['ada@example.org']);
    expect(update.mail.text).toContain('Filled and sealed.');
    expect(update.mail.text).toMatch(/To stop getting emails about this report: http:\/\/127\.0\.0\.1:\d+\/open311\/v2\/subscriptions\/unsubscribe\?token=/);

    expect((await call(t.server.base, 'GET', '/dev/mailbox.json')).status).toBe(404);
  });
});
