import type { ServerContext } from '../http/context.ts';
import { councilName } from '../config/index.ts';
import { parishName } from '../requests/routing.ts';
import type { MailMessage } from './mailer.ts';
import type { Job, MailQueue } from './queue.ts';
import { findService } from '../requests/open311/services.ts';
import { ukLongDate } from '../requests/expected-dates.ts';
import { confirmLink, oneClickUnsubscribe, trackingLink, unsubscribeLink } from './links.ts';
import { photosOf, type RequestRow } from '../requests/requests.ts';
import { STATUS_WORDS, type ExtendedStatus } from '../requests/statuses.ts';
import type { Language } from '../requests/open311/language.ts';
import { noticeIn, serviceNameIn } from '../requests/in-language.ts';
import { STATUS_WORDS_CY, inTheirLanguage, languageNote, welshLongDate } from './words.ts';

/** Header-safe: what a resident typed never adds a line to an email's headers. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);

function where(row: RequestRow, language: Language = 'en'): string {
  const parts = [row.address, row.zipcode].filter(Boolean).join(', ');
  const point = row.lat !== null && row.long !== null ? `${row.lat.toFixed(6)}, ${row.long.toFixed(6)}` : '';
  const mapPoint = language === 'cy' ? `(pwynt ar y map ${point})` : `(map point ${point})`;
  return [parts, point && mapPoint].filter(Boolean).join(' ') || (language === 'cy' ? 'Dim lleoliad wedi’i roi' : 'No location given');
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
  // A claimed batch's reports are read in one query before its jobs run (MailQueue.prepare), not
  // one query per email; a job the batch read missed (or a failed read) reads its own.
  const preloaded = new WeakMap<Job<ReportJob>, RequestRow>();
  queue.prepare(async (jobs: Job<ReportJob>[]) => {
    const reportJobs = jobs.filter((job) => job.kind === REPORT_RECEIPT || job.kind === REPORT_NOTICE);
    if (!reportJobs.length) return;
    const ids = [...new Set(reportJobs.map((job) => job.payload.id))];
    const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE service_request_id = ANY($1::text[])', [ids], { name: 'mail-batch-reports' });
    const byId = new Map(rows.map((row) => [row.service_request_id, row]));
    for (const job of reportJobs) {
      const row = byId.get(job.payload.id);
      if (row) preloaded.set(job, row);
    }
  });
  const load = async (job: Job<ReportJob>) => {
    const row = preloaded.get(job);
    if (row) return row;
    const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM service_requests WHERE service_request_id = $1', [job.payload.id]);
    return rows[0];
  };
  queue.handle(REPORT_RECEIPT, async (job: Job<ReportJob>) => {
    const { payload } = job;
    const row = await load(job);
    const message = row && reportReceipt(ctx, row, payload.subscription);
    if (message) await ctx.mailer.deliver(message);
  });
  queue.handle(REPORT_NOTICE, async (job: Job<ReportJob>) => {
    const row = await load(job);
    if (row) await ctx.mailer.deliver(reportNotice(ctx, row));
  });
}

/** The address in the council's own gazetteer nearest the report's point (within 30 m), if any. */
function nearestAddress(ctx: ServerContext, row: RequestRow): string | undefined {
  if (row.lat === null || row.long === null) return undefined;
  return ctx.geo.gazetteer.reverse(row.lat, row.long, 1, 30).features[0]?.properties.label;
}

/**
 * Where, in the council's own words: the nearest address in its own gazetteer (`near`, from
 * nearestAddress), the map point and the parish it found. Never the address as typed: an address
 * nobody has confirmed must not receive text the sender wrote.
 */
function placeInOurWords(ctx: ServerContext, row: RequestRow, near: string | undefined, language: Language): string {
  const cy = language === 'cy';
  const mapPoint = row.lat !== null && row.long !== null ? `${cy ? 'pwynt ar y map' : 'map point'} ${row.lat.toFixed(6)}, ${row.long.toFixed(6)}` : '';
  const point = near
    ? `${cy ? 'ger' : 'near'} ${near} (${mapPoint})`
    : mapPoint || (cy ? 'y lle a ddisgrifiwyd gennych' : 'the place you described');
  const parish = row.routing?.parish;
  if (!parish) return point;
  // The report keeps the parish's code and English name; its Welsh name is the config's.
  const configured = ctx.config.parishes.find((p) => p.code === parish.code);
  return `${point}, ${cy ? 'yn' : 'in'} ${configured ? parishName(configured, language) : parish.name}`;
}

/**
 * The receipt to the resident, when they gave an email: in the language they reported in.
 *
 * Anyone can type anyone's address into a report, so the receipt goes to an address nobody has
 * confirmed: it carries only the reference, the category, the place and the council's own words,
 * never what the sender typed (no description, no answers, no name, no address as typed), so the
 * council's mail cannot be used to send a stranger a message. An opt-in to updates is only a
 * request until the link in the receipt is followed (as FixMyStreet confirms before it sends).
 */
export function reportReceipt(ctx: ServerContext, row: RequestRow, subscriptionToken: string | null): MailMessage | null {
  const email = row.reporter.email;
  if (!email) return null;
  const phone = ctx.config.council.phone;
  const id = row.service_request_id;
  // Looked up once, for both languages when the receipt is written in both.
  const near = nearestAddress(ctx, row);
  return {
    to: email,
    ...inTheirLanguage(row.language, (language) => {
      const council = councilName(ctx.config, language);
      const service = serviceNameIn(ctx, row, language);
      const link = trackingLink(ctx, id, language);
      const notice = noticeIn(ctx, row, language);
      if (language === 'cy') {
        return {
          subject: `Eich adroddiad ${id}: ${service}`,
          lines: [
            'Helo,',
            '',
            `Diolch am eich adroddiad i ${council}.`,
            '',
            `Eich cyfeirnod yw ${id}. Rhowch y cyfeirnod hwn os byddwch yn cysylltu â ni am yr adroddiad hwn.`,
            '',
            `Beth y rhoesoch wybod amdano: ${service}`,
            `Ble: ${placeInOurWords(ctx, row, near, language)}`,
            '',
            'Beth sy’n digwydd nesaf',
            notice,
            '',
            `Gwirio eich adroddiad: ${link}`,
            '',
            ...(subscriptionToken
              ? [`Gofynnoch am ddiweddariadau drwy e-bost am yr adroddiad hwn. I’w cael, cadarnhewch y cyfeiriad e-bost hwn: ${confirmLink(ctx, subscriptionToken, language)}`, '']
              : []),
            'Os na wnaethoch chi’r adroddiad hwn, gallwch anwybyddu’r e-bost hwn.',
            '',
            ...(phone ? [`Os oes angen i chi siarad â ni, ffoniwch ${phone}. Rydym yn croesawu galwadau yn Gymraeg.`, ''] : []),
            council,
          ],
        };
      }
      return {
        subject: `Your report ${id}: ${service}`,
        lines: [
          'Hello,',
          '',
          `Thank you for your report to ${council}.`,
          '',
          `Your reference is ${id}. Quote it if you contact us about this report.`,
          '',
          `What you reported: ${service}`,
          `Where: ${placeInOurWords(ctx, row, near, language)}`,
          '',
          'What happens next',
          notice,
          '',
          `Check on your report: ${link}`,
          '',
          ...(subscriptionToken
            ? [`You asked for email updates on this report. To get them, confirm this email address: ${confirmLink(ctx, subscriptionToken, language)}`, '']
            : []),
          'If you did not make this report, you can ignore this email.',
          '',
          ...(phone ? [`If you need to talk to us, call ${phone}.`, ''] : []),
          council,
        ],
      };
    }),
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
      ...photoLines(row),
      '',
      `Reported by: ${contact.length ? contact.join(', ') : 'anonymous'}`,
      ...languageNote(row.language),
      ...(row.public_anonymity_required ? ['The resident asked not to be identified publicly: do not publish or pass on their name.'] : []),
      '',
      `Told to the resident: ${row.service_notice ?? ''}`,
      `Case page: ${link}`,
    ].join('\n'),
  };
}

/** Asks a new subscriber to confirm, so nobody can sign someone else up; in the language they asked in. */
export async function sendConfirmSubscription(ctx: ServerContext, row: RequestRow, to: string, token: string, language: Language | null = null) {
  const id = row.service_request_id;
  await ctx.queue.send({
    to,
    ...inTheirLanguage(language, (lang) => {
      const service = serviceNameIn(ctx, row, lang);
      const council = councilName(ctx.config, lang);
      return lang === 'cy'
        ? {
            subject: `Cadarnhewch eich bod am gael diweddariadau am ${id}`,
            lines: [
              'Helo,',
              '',
              `Mae rhywun (chi, gobeithio) wedi gofyn am ddiweddariadau drwy e-bost am adroddiad ${id} (${service}) i ${council}.`,
              '',
              `I gael diweddariadau, cadarnhewch yma: ${confirmLink(ctx, token, lang)}`,
              '',
              'Os na wnaethoch ofyn am hyn, anwybyddwch yr e-bost hwn ac ni fyddwch yn clywed gennym eto.',
            ],
          }
        : {
            subject: `Confirm you want updates on ${id}`,
            lines: [
              'Hello,',
              '',
              `Someone (we hope you) asked for email updates on report ${id} (${service}) to ${council}.`,
              '',
              `To get updates, confirm here: ${confirmLink(ctx, token, lang)}`,
              '',
              'If you did not ask for this, ignore this email and you will not hear from us again.',
            ],
          };
    }),
  });
}

export interface UpdateForEmail {
  status: ExtendedStatus;
  description: string;
  /** The update in Welsh, when staff wrote it; Welsh readers get the English otherwise. */
  description_cy?: string | null;
  media_url: string | null;
  /** The request's expected date after the update (null when it has none, or is closed). */
  expected_datetime?: Date | null;
}

/** One subscriber's update email, in their language (both when it is not known). */
export function updateEmail(ctx: ServerContext, row: RequestRow, update: UpdateForEmail, sub: { email: string; token: string; language: Language | null }): MailMessage {
  const id = row.service_request_id;
  const expected = update.expected_datetime ? new Date(update.expected_datetime) : null;
  return {
    to: sub.email,
    headers: oneClickUnsubscribe(unsubscribeLink(ctx, sub.token, sub.language)),
    ...inTheirLanguage(sub.language, (language) => {
      const service = serviceNameIn(ctx, row, language);
      if (language === 'cy') {
        const status = STATUS_WORDS_CY[update.status];
        return {
          subject: `Diweddariad am ${id} (${service}): ${status}`,
          lines: [
            'Helo,',
            '',
            `Mae diweddariad am adroddiad ${id} (${service}, ${where(row, language)}).`,
            '',
            `Statws: ${status}`,
            ...(expected ? [`Disgwylir erbyn: ${welshLongDate(expected)}`] : []),
            '',
            update.description_cy || update.description,
            ...(update.media_url ? ['', `Llun: ${update.media_url}`] : []),
            '',
            `Gweld yr hanes cyfan: ${trackingLink(ctx, id, language)}`,
            '',
            `I roi’r gorau i gael e-byst am yr adroddiad hwn: ${unsubscribeLink(ctx, sub.token, language)}`,
            '',
            councilName(ctx.config, language),
          ],
        };
      }
      return {
        subject: `Update on ${id} (${service}): ${STATUS_WORDS[update.status]}`,
        lines: [
          'Hello,',
          '',
          `There is an update on report ${id} (${service}, ${where(row, language)}).`,
          '',
          `Status: ${STATUS_WORDS[update.status]}`,
          ...(expected ? [`Expected by: ${ukLongDate(expected)}`] : []),
          '',
          update.description,
          ...(update.media_url ? ['', `Photo: ${update.media_url}`] : []),
          '',
          `See the whole history: ${trackingLink(ctx, id, language)}`,
          '',
          `To stop getting emails about this report: ${unsubscribeLink(ctx, sub.token, language)}`,
          '',
          councilName(ctx.config, language),
        ],
      };
    }),
  };
}

/** Tells every confirmed subscriber (including the reporter who opted in) about a staff update. */
export async function sendUpdateEmails(ctx: ServerContext, row: RequestRow, update: UpdateForEmail) {
  const { rows } = await ctx.db.query<{ email: string; token: string; language: Language | null }>(
    `SELECT email, token, language FROM subscriptions
     WHERE service_request_id = $1 AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`,
    [row.service_request_id],
  );
  await ctx.queue.send(...rows.map((sub) => updateEmail(ctx, row, update, sub)));
  return rows.length;
}

/** "Photo: …", or "Photos:" and one address a line when the resident sent several. */
function photoLines(row: RequestRow): string[] {
  const photos = photosOf(row);
  if (photos.length <= 1) return photos.flatMap((url) => ['', `Photo: ${url}`]);
  return ['', 'Photos:', ...photos];
}
