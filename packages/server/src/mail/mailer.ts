import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
}

/** Sends email. Sending happens in the background; `idle()` waits for what is in flight. */
export interface Mailer {
  /** Queues a message; failures are logged, never thrown into the request that caused them. */
  send(message: MailMessage): void;
  /** Resolves when every queued message has been handed to SMTP (or failed). */
  idle(): Promise<void>;
  close(): Promise<void>;
  /** "smtp" for SMTP_URL, "dev-mailbox" for the in-process catcher. */
  readonly kind: 'smtp' | 'dev-mailbox';
}

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

export function createSmtpMailer(transport: Transporter, from: string, logger: Logger, kind: Mailer['kind'], onClose?: () => Promise<void>): Mailer {
  const inFlight = new Set<Promise<unknown>>();
  return {
    kind,
    send(message) {
      const sending = transport
        .sendMail({ from, ...message })
        .catch((error: Error) => logger.error({ err: error, to: message.to, subject: message.subject }, 'email not sent'))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    async close() {
      await this.idle();
      transport.close();
      await onClose?.();
    },
  };
}

/** A mailer for SMTP_URL (smtp://user:pass@host:587, smtps://…). */
export function createUrlMailer(url: string, from: string, logger: Logger): Mailer {
  return createSmtpMailer(nodemailer.createTransport(url), from, logger, 'smtp');
}
