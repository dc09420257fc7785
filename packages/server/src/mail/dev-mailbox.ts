import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';
import type { SMTPServer } from 'smtp-server';
import type { Db } from '../db/index.ts';
import { createSmtpMailer, loadNodemailer, type Mailer } from './mailer.ts';

export interface CaughtMail {
  id: number;
  received_at: string;
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  /** The message's headers by lower-case name, e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string | null {
  if (!value) return null;
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/**
 * Without SMTP_URL the server sends its mail to a real SMTP server running in the same process,
 * which stores each message in the database for GET /dev/mailbox. The mail goes through the
 * same nodemailer path as production, so what the page shows is what a resident would get. The
 * SMTP server starts (and its modules load) with the first email, not with the server.
 */
export async function createDevMailbox(db: Db, from: string): Promise<Mailer> {
  let server: SMTPServer | undefined;
  const open = async () => {
    const [{ SMTPServer: Server }, { simpleParser }, nodemailer] = await Promise.all([import('smtp-server'), import('mailparser'), loadNodemailer()]);
    const smtp = new Server({
      authOptional: true,
      // smtp-server's bundled certificate has expired, so never offer a TLS upgrade.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 20 * 1024 * 1024,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) =>
            db.query(
              'INSERT INTO dev_mailbox (mail_from, mail_to, subject, text_body, html_body, headers) VALUES ($1, $2, $3, $4, $5, $6)',
              [
                addresses(mail.from),
                addresses(mail.to),
                mail.subject ?? null,
                mail.text ?? null,
                typeof mail.html === 'string' ? mail.html : null,
                JSON.stringify(Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]))),
              ],
            ),
          )
          .then(() => callback(), (error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.once('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve());
    });
    server = smtp;
    const { port } = smtp.server.address() as AddressInfo;
    return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true });
  };
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  return createSmtpMailer(open, from, 'dev-mailbox', close);
}

export async function listCaughtMail(db: Db, limit = 100): Promise<CaughtMail[]> {
  const { rows } = await db.query<{
    id: number;
    received_at: Date;
    mail_from: string | null;
    mail_to: string | null;
    subject: string | null;
    text_body: string | null;
    html_body: string | null;
    headers: Record<string, string> | null;
  }>('SELECT * FROM dev_mailbox ORDER BY id DESC LIMIT $1', [limit]);
  return rows.map((row) => ({
    id: row.id,
    received_at: new Date(row.received_at).toISOString(),
    from: row.mail_from,
    to: row.mail_to,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: row.headers ?? {},
  }));
}
