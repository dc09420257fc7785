import type { NotifyClient } from 'notifications-node-client';
import type { Mailer, MailMessage } from './mailer.ts';

/**
 * GOV.UK Notify instead of SMTP: many councils already send through it, and it handles
 * delivery, DKIM and bounces itself. Notify sends from templates, so one email template
 * carries every message the server writes: its subject is `((subject))` and its body
 * `((body))` (docs/server.md says how to set it up). The plain text goes in as the body; Notify
 * makes the HTML part itself and escapes what it is given.
 */
export interface NotifyOptions {
  /** The API key from Notify's "API integration" page (its name, service id and secret). */
  apiKey: string;
  /** The id of the template whose subject is ((subject)) and whose body is ((body)). */
  templateId: string;
  /** The same for emails written in Welsh (a template with Welsh footer text); default templateId. */
  templateIdWelsh?: string;
  /** A reply-to address id from Notify's settings; Notify's default when omitted. */
  replyToId?: string;
  /** Another Notify API (a test's stand-in); default Notify's production API. */
  baseUrl?: string;
}

/** NOTIFY_API_KEY, NOTIFY_TEMPLATE_ID, NOTIFY_TEMPLATE_ID_CY, NOTIFY_REPLY_TO_ID, NOTIFY_BASE_URL. */
export function notifyFromEnv(env: Record<string, string | undefined>): NotifyOptions | undefined {
  const apiKey = env.NOTIFY_API_KEY?.trim();
  const templateId = env.NOTIFY_TEMPLATE_ID?.trim();
  if (!apiKey && !templateId) return undefined;
  if (!apiKey || !templateId) throw new Error('GOV.UK Notify needs both NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID');
  // The key ends with the service id and the secret, two UUIDs (Notify's client reads them by position).
  if (!/[0-9a-f-]{36}-[0-9a-f-]{36}$/i.test(apiKey)) throw new Error('NOTIFY_API_KEY does not look like a Notify API key (it ends with two ids)');
  return {
    apiKey,
    templateId,
    templateIdWelsh: env.NOTIFY_TEMPLATE_ID_CY?.trim() || undefined,
    replyToId: env.NOTIFY_REPLY_TO_ID?.trim() || undefined,
    baseUrl: env.NOTIFY_BASE_URL?.trim() || undefined,
  };
}

/** The URL in a List-Unsubscribe header (`<https://…>`), which Notify puts in its own header. */
function unsubscribeUrl(message: MailMessage): string | undefined {
  const header = Object.entries(message.headers ?? {}).find(([name]) => name.toLowerCase() === 'list-unsubscribe')?.[1];
  return header?.match(/<(https?:[^>]+)>/)?.[1];
}

export function createNotifyMailer(options: NotifyOptions): Mailer {
  // Notify's client (and axios under it) is loaded with the first email, not on every start.
  let loading: Promise<NotifyClient> | undefined;
  const notifyClient = () =>
    (loading ??= import('notifications-node-client').then(({ NotifyClient: Client }) =>
      options.baseUrl ? new Client(options.baseUrl, options.apiKey) : new Client(options.apiKey),
    ));
  return {
    kind: 'notify',
    async deliver(message) {
      const client = await notifyClient();
      const template = message.lang === 'cy' && options.templateIdWelsh ? options.templateIdWelsh : options.templateId;
      try {
        await client.sendEmail(template, message.to, {
          personalisation: { subject: message.subject, body: message.text },
          emailReplyToId: options.replyToId,
          oneClickUnsubscribeURL: unsubscribeUrl(message),
        });
      } catch (error) {
        // Notify's own words (e.g. "email_address Not a valid email address"), never the request
        // axios kept, which holds the signed token: this message is stored as the job's last error.
        const answer = (error as { response?: { status?: number; data?: { errors?: { error: string; message: string }[] } } }).response;
        const why = answer?.data?.errors?.map((e) => `${e.error}: ${e.message}`).join('; ');
        throw new Error(answer ? `GOV.UK Notify answered ${answer.status}${why ? `: ${why}` : ''}` : `GOV.UK Notify could not be reached: ${(error as Error).message}`);
      }
    },
    async close() {},
  };
}
