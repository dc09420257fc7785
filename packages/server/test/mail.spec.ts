import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/index.ts';
import { call, openTestDb, pothole, STAFF_KEY, startServer } from './helpers.ts';

/**
 * SMTP_URL: the server sends through a real SMTP server (here one the test runs), and the
 * messages are read back with mailparser, headers and all.
 */
describe('email through SMTP_URL', () => {
  let db: Db;
  let server: Awaited<ReturnType<typeof startServer>>;
  let smtp: SMTPServer;
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
    const { port } = smtp.server.address() as AddressInfo;
    db = await openTestDb('pglite');
    server = await startServer(db, { smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('sends the receipt, the team notice and the update email, and has no dev mailbox', async () => {
    const created = await call(server.base, 'POST', '/open311/v2/requests.json', {
      form: pothole({ email: 'ada@example.org', first_name: 'Ada', email_updates: 'true' }),
    });
    expect(created.status).toBe(201);
    await call(server.base, 'POST', '/open311/v2/servicerequestupdates.json', {
      form: { api_key: STAFF_KEY, service_request_id: 'LDC-1001', status: 'fixed', description: 'Filled and sealed.' },
    });
    await server.ctx.mailer.idle();

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

    expect((await call(server.base, 'GET', '/dev/mailbox.json')).status).toBe(404);
  });
});
