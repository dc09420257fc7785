import type { ServerContext } from '../http/context.ts';
import type { MailMessage } from './mailer.ts';
import type { MailQueue } from './queue.ts';
import { findService } from '../requests/open311/services.ts';
import { ukLongDate } from '../requests/expected-dates.ts';
import { confirmLink, trackingLink, unsubscribeLink } from './links.ts';
import type { RequestRow } from '../requests/requests.ts';
import { STATUS_WORDS, type ExtendedStatus } from '../requests/statuses.ts';

/** Header-safe: what a resident typed never adds a line to an email's headers. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);

function where(row: RequestRow): string {
  const parts = [row.address, row.zipcode].filter(Boolean).join(', ');
  const point = row.lat !== null && row.long !== null ? `${row.lat.toFixed(6)}, ${row.long.toFixed(6)}` : '';
  return [parts, point && `(map point ${point})`].filter(Boolean).join(' ') || 'No location given';
}

function answersText(ctx: ServerContext, row: RequestRow): string[] {
  const service = findService(ctx.config, row.service_code);
  if (!service) return [];
  return service.attributes
    .filter((a) => row.attributes[a.code] !== undefined)
    .map((a) => {
      const raw = row.attributes[a.code]!;
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => a.values?.find((x) => x.key === v)?.name ?? v);
      return `${a.description}\n  ${values.join(', ')}`;
    });
}

/** The jobs a new report queues (in the same statement that stores it: requests/requests.ts). */
export const REPORT_RECEIPT = 'report-receipt';
export const REPORT_NOTICE = 'report-notice';

/** What a new report's jobs carry: the reference, and the reporter's subscription token if they opted in. */
export interface ReportJob {
  id: string;
  subscription: string | null;
}

/**
 * Renders a new report's emails when the queue's worker sends them, from the stored report:
 * the request that stored it answered without waiting for SMTP.
 */
export function handleReportMail(ctx: ServerContext, queue: MailQueue) {
  const load = async (id: string) => {
    const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE service_request_id = $1', [id]);
    return rows[0];
  };
  queue.handle(REPORT_RECEIPT, async ({ payload }: { payload: ReportJob }) => {
    const row = await load(payload.id);
    const message = row && reportReceipt(ctx, row, payload.subscription);
    if (message) await ctx.mailer.deliver(message);
  });
  queue.handle(REPORT_NOTICE, async ({ payload }: { payload: ReportJob }) => {
    const row = await load(payload.id);
    if (row) await ctx.mailer.deliver(reportNotice(ctx, row));
  });
}

/** The receipt to the resident, when they gave an email. */
export function reportReceipt(ctx: ServerContext, row: RequestRow, subscriptionToken: string | null): MailMessage | null {
  const council = ctx.config.council.name;
  const link = trackingLink(ctx, row.service_request_id);
  const email = row.reporter.email;
  if (!email) return null;
  const name = row.reporter.first_name ? `Dear ${row.reporter.first_name},` : 'Hello,';
  return {
    to: email,
    subject: `Your report ${row.service_request_id}: ${row.service_name}`,
    text: [
      name,
      '',
      `Thank you for your report to ${council}.`,
      '',
      `Your reference is ${row.service_request_id}. Quote it if you contact us about this report.`,
      '',
      `What you reported: ${row.service_name}`,
      `Where: ${where(row)}`,
      ...(row.description ? [`What you told us: ${row.description}`] : []),
      '',
      'What happens next',
      row.service_notice ?? '',
      '',
      `Check on your report: ${link}`,
      '',
      ...(subscriptionToken
        ? [`We will email you when we update your report. To stop these emails: ${unsubscribeLink(ctx, subscriptionToken)}`, '']
        : []),
      ...(ctx.config.council.phone ? [`If you need to talk to us, call ${ctx.config.council.phone}.`, ''] : []),
      council,
    ].join('\n'),
  };
}

/** The notice to whoever deals with a new report. */
export function reportNotice(ctx: ServerContext, row: RequestRow): MailMessage {
  const council = ctx.config.council.name;
  const link = trackingLink(ctx, row.service_request_id);
  const answers = answersText(ctx, row);
  const email = row.reporter.email;
  const contact = [
    [row.reporter.first_name, row.reporter.last_name].filter(Boolean).join(' '),
    row.reporter.email,
    row.reporter.phone,
  ].filter(Boolean);
  return {
    to: row.routing.email,
    replyTo: email,
    subject: oneLine(`New report ${row.service_request_id}: ${row.service_name} – ${row.address ?? where(row)}`),
    text: [
      `A new ${row.service_name} report has been made to ${council}${row.routing.parish ? ` and passed to ${row.routing.parish.name}` : ''}.`,
      '',
      `Reference: ${row.service_request_id}`,
      `Category: ${row.service_name} (${row.service_code})`,
      `Where: ${where(row)}`,
      `Description: ${row.description ?? '(none given)'}`,
      ...(answers.length ? ['', 'Answers', ...answers] : []),
      ...(row.media_url ? ['', `Photo: ${row.media_url}`] : []),
      '',
      `Reported by: ${contact.length ? contact.join(', ') : 'anonymous'}`,
      ...(row.public_anonymity_required ? ['The resident asked not to be identified publicly: do not publish or pass on their name.'] : []),
      '',
      `Told to the resident: ${row.service_notice ?? ''}`,
      `Case page: ${link}`,
    ].join('\n'),
  };
}

/** Asks a new subscriber to confirm, so nobody can sign someone else up. */
export async function sendConfirmSubscription(ctx: ServerContext, row: RequestRow, to: string, token: string) {
  await ctx.queue.send({
    to,
    subject: `Confirm you want updates on ${row.service_request_id}`,
    text: [
      'Hello,',
      '',
      `Someone (we hope you) asked for email updates on report ${row.service_request_id} (${row.service_name}) to ${ctx.config.council.name}.`,
      '',
      `To get updates, confirm here: ${confirmLink(ctx, token)}`,
      '',
      'If you did not ask for this, ignore this email and you will not hear from us again.',
    ].join('\n'),
  });
}

export interface UpdateForEmail {
  status: ExtendedStatus;
  description: string;
  media_url: string | null;
  /** The request's expected date after the update (null when it has none, or is closed). */
  expected_datetime?: Date | null;
}

/** Tells every confirmed subscriber (including the reporter who opted in) about a staff update. */
export async function sendUpdateEmails(ctx: ServerContext, row: RequestRow, update: UpdateForEmail) {
  const { rows } = await ctx.db.query<{ email: string; token: string }>(
    `SELECT email, token FROM subscriptions
     WHERE service_request_id = $1 AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`,
    [row.service_request_id],
  );
  await ctx.queue.send(
    ...rows.map((sub) => ({
      to: sub.email,
      subject: `Update on ${row.service_request_id} (${row.service_name}): ${STATUS_WORDS[update.status]}`,
      text: [
        'Hello,',
        '',
        `There is an update on report ${row.service_request_id} (${row.service_name}, ${where(row)}).`,
        '',
        `Status: ${STATUS_WORDS[update.status]}`,
        ...(update.expected_datetime ? [`Expected by: ${ukLongDate(new Date(update.expected_datetime))}`] : []),
        '',
        update.description,
        ...(update.media_url ? ['', `Photo: ${update.media_url}`] : []),
        '',
        `See the whole history: ${trackingLink(ctx, row.service_request_id)}`,
        '',
        `To stop getting emails about this report: ${unsubscribeLink(ctx, sub.token)}`,
        '',
        ctx.config.council.name,
      ].join('\n'),
    })),
  );
  return rows.length;
}
