import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}

/**
 * Hands email to SMTP. Nothing calls it on a request's path: domains queue mail in the database
 * (mail/queue.ts, `ctx.queue`), and the queue's worker delivers it, retrying failures.
 */
export interface Mailer {
  /** Hands one message to SMTP now; rejects if it was not accepted (the queue retries it). */
  deliver(message: MailMessage): Promise<void>;
  close(): Promise<void>;
  /** "smtp" for SMTP_URL, "dev-mailbox" for the in-process catcher. */
  readonly kind: 'smtp' | 'dev-mailbox';
}

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

export function createSmtpMailer(transport: Transporter, from: string, kind: Mailer['kind'], onClose?: () => Promise<void>): Mailer {
  return {
    kind,
    async deliver(message) {
      await transport.sendMail({ from, ...message });
    },
    async close() {
      transport.close();
      await onClose?.();
    },
  };
}

/** A mailer for SMTP_URL (smtp://user:pass@host:587, smtps://…). */
export function createUrlMailer(url: string, from: string): Mailer {
  return createSmtpMailer(nodemailer.createTransport(url), from, 'smtp');
}
