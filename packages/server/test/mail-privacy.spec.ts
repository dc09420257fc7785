import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, mailbox, pothole, resetOpen311, useTestServer } from './helpers.ts';

/**
 * What the council's email may carry to an address nobody has confirmed, and what reaches the
 * logs: anyone can type anyone's address into a report, so the receipt must not let a stranger
 * use the council's mail to send someone their words; and a resident's email, phone or name
 * must never be written to a log, even when sending fails.
 */
describe('email to unconfirmed addresses (dev mailbox)', () => {
  const t = useTestServer('pglite');

  it('sends a receipt with the reference, category, place and the council’s words only', async () => {
    await resetOpen311(t.db);
    const typed = {
      description: 'URGENT: your council tax refund is waiting at http://refund.example',
      address_string: 'Claim at http://refund.example now',
      first_name: 'Refund Department',
      last_name: 'Call 09098 790000',
    };
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      form: pothole({ ...typed, email: 'stranger@example.org', email_updates: 'true' }),
    });
    expect(created.status).toBe(201);
    const receipt = (await mailbox(t.server)).find((m) => m.to === 'stranger@example.org')!;
    expect(receipt.subject).toBe('Your report LDC-1001: Pothole');
    for (const text of Object.values(typed)) expect(receipt.text).not.toContain(text);
    expect(receipt.text).not.toContain('refund');
    expect(receipt.text).toContain('Your reference is LDC-1001.');
    expect(receipt.text).toContain('What you reported: Pothole');
    // The place in the council's own words: the nearest address in its gazetteer, and the point.
    expect(receipt.text).toContain('Where: near 2 Bridge Street, Larkmead, LK2 8AJ (map point 52.228000, -1.505000)');
    expect(receipt.text).toContain('Our highways team will inspect it within 5 working days.');
    expect(receipt.text).toMatch(/confirm this email address: http:\/\/\S+\/open311\/v2\/subscriptions\/confirm\?token=/);
    expect(receipt.text).toContain('If you did not make this report, you can ignore this email.');
    // The council's own team still gets everything, to act on.
    const notice = (await mailbox(t.server)).find((m) => m.to === 'highways@larkmead.example.gov.uk')!;
    expect(notice.text).toContain(typed.description);
  });
});

describe('logs when email cannot be sent (SMTP_URL)', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const lines: string[] = [];

  beforeAll(async () => {
    // An SMTP server that refuses every recipient, quoting the address back as real ones do.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const error = new Error(`<${address.address}>: Recipient address rejected: mailbox full`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
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
    quiet: false,
    logStream: { write: (line: string) => void lines.push(line) },
  }));

  it('logs that the receipt failed, without the resident’s email, phone or name', async () => {
    await resetOpen311(t.db);
    const created = await call(t.server.base, 'POST', '/open311/v2/requests.json', {
      form: pothole({ email: 'ada.lovelace@example.org', phone: '01632 960123', first_name: 'Augusta', last_name: 'Lovelace' }),
    });
    expect(created.status).toBe(201);
    await t.server.ctx.queue.drain();
    const failures = lines.filter((line) => line.includes('mail job failed'));
    expect(failures.length, lines.join('\n')).toBeGreaterThanOrEqual(1);
    expect(failures.some((line) => line.includes('"kind":"report-receipt"'))).toBe(true);
    expect(failures.some((line) => line.includes('550'))).toBe(true);
    for (const secret of ['ada.lovelace', 'example.org', '960123', 'Augusta', 'Lovelace']) expect(lines.join('\n')).not.toContain(secret);
  });
});
