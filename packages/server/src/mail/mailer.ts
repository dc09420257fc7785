import type { Transporter } from 'nodemailer';
import { htmlFromText } from './html-body.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe (header-safe values only). */
  headers?: Record<string, string>;
  /** The language the email is written in (the HTML part's lang); default English. */
  lang?: 'en' | 'cy';
}

/**
 * Hands email to SMTP. Nothing calls it on a request's path: domains queue mail in the database
 * (mail/queue.ts, `ctx.queue`), and the queue's worker delivers it, retrying failures.
 */
export interface Mailer {
  /** Hands one message to SMTP now; rejects if it was not accepted (the queue retries it). */
  deliver(message: MailMessage): Promise<void>;
  close(): Promise<void>;
  /** "smtp" for SMTP_URL, "notify" for GOV.UK Notify, "dev-mailbox" for the in-process catcher, "none" for --no-email. */
  readonly kind: 'smtp' | 'dev-mailbox' | 'notify' | 'none';
}

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

/** nodemailer's DKIM signing options: the key signs every message the transport sends. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  /** PEM private key (RSA or Ed25519). */
  privateKey: string;
}

/**
 * DKIM from the environment: DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (the PEM itself;
 * `\n` escapes are turned into line breaks, for platforms whose variables are one line). All
 * three or none: half a configuration is a mistake worth stopping the start for.
 */
export function dkimFromEnv(env: Record<string, string | undefined>): DkimOptions | undefined {
  const domainName = env.DKIM_DOMAIN?.trim();
  const keySelector = env.DKIM_SELECTOR?.trim();
  const privateKey = env.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n').trim();
  if (!domainName && !keySelector && !privateKey) return undefined;
  if (!domainName || !keySelector || !privateKey) {
    throw new Error('DKIM signing needs all of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY');
  }
  if (!privateKey.includes('PRIVATE KEY')) throw new Error('DKIM_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----…)');
  return { domainName, keySelector, privateKey };
}

/** Every email has a plain-text and an HTML part: the HTML is made from the text unless given. */
export function withHtml(message: MailMessage): MailMessage & { html: string } {
  return { ...message, html: message.html ?? htmlFromText(message.text, message.subject, message.lang) };
}

/**
 * A mailer over a nodemailer transport that is made with the first email (`open`), so a start
 * loads no mail code: most starts send nothing for a while, and the modules cost start-up time.
 */
export function createSmtpMailer(open: () => Promise<Transporter>, from: string, kind: Mailer['kind'], onClose?: () => Promise<void>, dkim?: DkimOptions): Mailer {
  let transport: Promise<Transporter> | undefined;
  return {
    kind,
    async deliver(message) {
      const { lang: _lang, ...mail } = withHtml(message);
      const opened = (transport ??= open());
      // A failed start (say, a port in use) is tried again with the next email.
      opened.catch(() => {
        if (transport === opened) transport = undefined;
      });
      await (await opened).sendMail({ from, ...mail, ...(dkim ? { dkim } : {}) });
    },
    async close() {
      const opened = transport;
      transport = undefined;
      if (!opened) return;
      (await opened.catch(() => undefined))?.close();
      await onClose?.();
    },
  };
}

/** nodemailer itself, loaded once, when the first email is sent. */
export const loadNodemailer = () => import('nodemailer').then((module) => module.default);

/** --no-email: a council that only uses the Open311 feed. Nothing is queued or sent; features that need email say so. */
export function createNoMailer(): Mailer {
  return { kind: 'none', deliver: async () => undefined, close: async () => undefined };
}

/**
 * A mailer for SMTP_URL (smtp://user:pass@host:587, smtps://…), DKIM-signing when configured.
 * Connections are pooled (nodemailer's default of up to 5, 100 messages each): the queue's worker
 * sends several messages at once, and a new connection (TCP, greeting, EHLO, AUTH) per message
 * cost more than the message. The URL can say otherwise (`?pool=false`, `?maxConnections=2`).
 */
export function createUrlMailer(url: string, from: string, dkim?: DkimOptions): Mailer {
  return createSmtpMailer(async () => (await loadNodemailer()).createTransport({ url, pool: true }), from, 'smtp', undefined, dkim);
}
