import { randomUUID } from 'node:crypto';
import { parseAlertBody, type AlertRow } from './alert-rules.ts';
import type { ServerContext } from '../http/context.ts';
import { councilName } from '../config/index.ts';
import { oneClickUnsubscribe } from '../mail/links.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { Job, MailQueue } from '../mail/queue.ts';
import { alertWords, longDate, type Lang } from './alert-words.ts';
import { alertMatches } from './alert-rules.ts';
import { inLanguage, type Definition } from './definition.ts';

export { alertMatches, type AlertRow } from './alert-rules.ts';
import type { ConsultationService } from './service.ts';

/*
 * Consultation alerts: "email me about new consultations" (by topic or area) and "tell me the
 * outcome" of one consultation. Nothing is sent until the address is confirmed by the emailed
 * link. The emails go through the durable queue (mail/queue.ts): publishing a consultation or
 * its results queues one fan-out job in the same statement (service.ts), the fan-out queues one
 * job per subscriber keyed by consultation and subscriber (so a retry never sends twice), and
 * each of those renders its email when it is sent: someone who unsubscribed meanwhile gets none.
 */

/** Header-safe: nothing typed by anyone adds a line to an email's headers. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);

/** An alert that is confirmed and not stopped (SQL). */
const ACTIVE = '(confirmed_at IS NOT NULL AND unsubscribed_at IS NULL)';
/** Minutes before the same alert's confirmation email is sent again. */
export const RESEND_MINUTES = 10;
/** Confirmation emails one address gets in an hour, whatever it asked for. */
export const ADDRESS_HOURLY = 5;

export class ConsultationAlerts {
  constructor(
    private readonly ctx: ServerContext,
    private readonly service: ConsultationService,
  ) {}

  /** The council's name in the subscriber's language: a Welsh email signs off in Welsh too. */
  councilName(lang: string): string {
    return councilName(this.ctx.config, lang);
  }

  link(action: 'confirm' | 'unsubscribe', token: string): string {
    return `${this.ctx.publicUrl}/api/consultations/alerts/${action}?token=${encodeURIComponent(token)}`;
  }

  /** The council's page for a consultation (config `consultations.page_url`, `{id}` replaced), or null. */
  pageLink(consultation: string): string | null {
    const template = (this.ctx.config.consultations as { page_url?: unknown } | undefined)?.page_url;
    if (typeof template !== 'string' || !template) return null;
    const url = template.replaceAll('{id}', encodeURIComponent(consultation));
    return /^https?:\/\//.test(url) ? url : `${this.ctx.publicUrl}${url.startsWith('/') ? '' : '/'}${url}`;
  }

  /** The topic and area names a subscriber chose, in their language, from the consultations that use them. */
  private async about(alert: Pick<AlertRow, 'topics' | 'areas' | 'lang'>): Promise<string> {
    const words = alertWords(alert.lang);
    const names = new Map<string, string>();
    for (const c of await this.service.list()) {
      for (const tag of [...c.topics, ...c.areas]) if (!names.has(tag.id)) names.set(tag.id, inLanguage(tag.label, alert.lang));
    }
    const list = (ids: string[], any: string) => (ids.length ? ids.map((i) => names.get(i) ?? i).join(', ') : any);
    return words.about(list(alert.topics, words.any.topics), list(alert.areas, words.any.areas));
  }

  /**
   * POST /api/consultations/alerts. The answer is the same whoever the address belongs to, so
   * the endpoint reveals nobody's alerts. Asking again cannot be used against someone: an active
   * alert stays confirmed with its choices until the emailed link confirms the new ones; a link
   * already sent keeps working (the token stays); and confirmation emails are spaced out (one per
   * alert every RESEND_MINUTES, at most ADDRESS_HOURLY to one address an hour), so a stranger
   * repeating the request cannot fill anyone's inbox.
   */
  async request(body: unknown): Promise<{ status: 'confirmation_sent' }> {
    const { email, topics, areas, consultation, lang } = parseAlertBody(body);
    let title = '';
    if (consultation) {
      const c = await this.service.get(consultation);
      title = inLanguage(c.title, lang);
    }
    const scope = consultation ? `outcome:${consultation}` : 'new';
    const chosen = { topics: consultation ? [] : topics, areas: consultation ? [] : areas };
    const added = await this.ctx.db.query<{ id: number; token: string }>(
      `INSERT INTO consultation_alerts (email, scope, consultation_id, topics, areas, lang, token)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (email, scope) DO NOTHING
       RETURNING id, token`,
      [email, scope, consultation ?? null, JSON.stringify(chosen.topics), JSON.stringify(chosen.areas), lang, randomUUID()],
    );
    const row =
      added.rows[0] ??
      (
        await this.ctx.db.query<{ id: number; token: string }>(
          `UPDATE consultation_alerts SET
             topics = CASE WHEN ${ACTIVE} THEN topics ELSE $3 END,
             areas = CASE WHEN ${ACTIVE} THEN areas ELSE $4 END,
             lang = CASE WHEN ${ACTIVE} THEN lang ELSE $5 END,
             requested = CASE WHEN ${ACTIVE} THEN jsonb_build_object('topics', $3::jsonb, 'areas', $4::jsonb, 'lang', $5::text) END
           WHERE email = $1 AND scope = $2
           RETURNING id, token`,
          [email, scope, JSON.stringify(chosen.topics), JSON.stringify(chosen.areas), lang],
        )
      ).rows[0]!;
    // The email goes only if this alert's last one is old enough and the address has not had too
    // many: one statement, so two requests at once cannot both pass.
    const due = await this.ctx.db.query(
      `UPDATE consultation_alerts SET confirmation_sent_at = now()
       WHERE id = $1
         AND (confirmation_sent_at IS NULL OR confirmation_sent_at < now() - make_interval(mins => ${RESEND_MINUTES}))
         AND (SELECT count(*) FROM consultation_alerts WHERE email = $2 AND confirmation_sent_at > now() - interval '1 hour') < ${ADDRESS_HOURLY}
       RETURNING id`,
      [row.id, email],
    );
    if (!due.rows.length) return { status: 'confirmation_sent' };
    const token = row.token;
    const words = alertWords(lang);
    const council = this.councilName(lang);
    const link = this.link('confirm', token);
    const message: MailMessage = consultation
      ? {
          to: email,
          lang,
          subject: oneLine(words.confirmOutcome.subject(title)),
          text: [words.hello, '', words.confirmOutcome.body(council, title, link), '', words.ignore, '', council].join('\n'),
        }
      : {
          to: email,
          lang,
          subject: words.confirmNew.subject,
          text: [words.hello, '', words.confirmNew.body(council, await this.about({ topics, areas, lang }), link), '', words.ignore, '', council].join('\n'),
        };
    await this.ctx.queue.add([{ kind: 'mail', payload: message as unknown as Record<string, unknown>, key: `confirm:${row.id}:${randomUUID()}` }]);
    return { status: 'confirmation_sent' };
  }

  async find(token: unknown): Promise<AlertRow | null> {
    if (typeof token !== 'string' || !/^[0-9a-f-]{36}$/.test(token)) return null;
    const { rows } = await this.ctx.db.query<AlertRow>('SELECT * FROM consultation_alerts WHERE token = $1', [token]);
    return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : null;
  }

  /** What a page about this alert says it is for. */
  async describe(alert: AlertRow): Promise<{ title: string; about: string }> {
    if (alert.consultation_id) {
      const c = await this.service.get(alert.consultation_id);
      return { title: inLanguage(c.title, alert.lang), about: '' };
    }
    return { title: '', about: await this.about(alert.requested ? { ...alert.requested, lang: alert.lang } : alert) };
  }

  async confirm(alert: AlertRow): Promise<void> {
    // New choices asked for on an active alert take effect now that the address owner agreed.
    await this.ctx.db.query(
      `UPDATE consultation_alerts SET confirmed_at = COALESCE(confirmed_at, now()), unsubscribed_at = NULL,
         topics = COALESCE(requested -> 'topics', topics), areas = COALESCE(requested -> 'areas', areas),
         lang = COALESCE(requested ->> 'lang', lang), requested = NULL
       WHERE id = $1`,
      [alert.id],
    );
    // Confirmed after the outcome was published: send it now rather than never.
    if (alert.consultation_id) {
      const c = await this.service.get(alert.consultation_id);
      if (c.status === 'results_published') await this.queueOne('alert-outcome', alert.consultation_id, alert.id);
    }
  }

  async unsubscribe(alert: AlertRow): Promise<void> {
    await this.ctx.db.query('UPDATE consultation_alerts SET unsubscribed_at = COALESCE(unsubscribed_at, now()) WHERE id = $1', [alert.id]);
  }

  private queueOne(kind: 'alert-opened' | 'alert-outcome', consultation: string, alert: number) {
    return this.ctx.queue.add([{ kind, payload: { consultation, alert }, key: `${kind}:${consultation}:${alert}` }]);
  }

  private async active(where: string, params: unknown[]): Promise<AlertRow[]> {
    const { rows } = await this.ctx.db.query<AlertRow>(
      `SELECT * FROM consultation_alerts WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND ${where}`,
      params,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** The list email's headers: one-click unsubscribe (RFC 8058) for mail clients that offer it. */
  private listHeaders(token: string): Record<string, string> {
    return oneClickUnsubscribe(this.link('unsubscribe', token));
  }

  /** The queue's handlers for the fan-outs and for each subscriber's email. */
  register(queue: MailQueue): void {
    queue.handle('consultation-opened', async (job: Job<{ consultation: string }>) => {
      const c = await this.service.get(job.payload.consultation);
      // Announced when it opens (the job waits until then); one that has already closed is news to nobody.
      if (c.status !== 'open') return;
      const matching = (await this.active(`scope = 'new'`, [])).filter((a) => alertMatches(a, c));
      for (let i = 0; i < matching.length; i += 200) {
        await queue.add(matching.slice(i, i + 200).map((a) => ({ kind: 'alert-opened', payload: { consultation: c.id, alert: a.id }, key: `alert-opened:${c.id}:${a.id}` })));
      }
    });
    queue.handle('consultation-outcome', async (job: Job<{ consultation: string }>) => {
      const id = job.payload.consultation;
      const matching = await this.active('scope = $1', [`outcome:${id}`]);
      for (let i = 0; i < matching.length; i += 200) {
        await queue.add(matching.slice(i, i + 200).map((a) => ({ kind: 'alert-outcome', payload: { consultation: id, alert: a.id }, key: `alert-outcome:${id}:${a.id}` })));
      }
    });
    queue.handle('alert-opened', async (job: Job<{ consultation: string; alert: number }>) => {
      const [alert] = await this.active('id = $1', [job.payload.alert]);
      if (!alert) return; // Unsubscribed since: nothing to send.
      const c = await this.service.get(job.payload.consultation);
      await this.ctx.mailer.deliver(this.openedEmail(alert, c));
    });
    queue.handle('alert-outcome', async (job: Job<{ consultation: string; alert: number }>) => {
      const [alert] = await this.active('id = $1', [job.payload.alert]);
      if (!alert) return;
      const results = await this.service.results(job.payload.consultation);
      await this.ctx.mailer.deliver(this.outcomeEmail(alert, results));
    });
  }

  private openedEmail(alert: AlertRow, c: { id: string; title: Definition['title']; summary: Definition['summary']; closes: string }): MailMessage {
    const words = alertWords(alert.lang);
    const title = inLanguage(c.title, alert.lang);
    const page = this.pageLink(c.id);
    const unsubscribe = this.link('unsubscribe', alert.token);
    return {
      to: alert.email,
      subject: oneLine(words.opened.subject(title)),
      lang: alert.lang,
      headers: this.listHeaders(alert.token),
      text: [
        words.hello,
        '',
        words.opened.intro(this.councilName(alert.lang)),
        '',
        title,
        inLanguage(c.summary, alert.lang),
        '',
        words.opened.closes(longDate(new Date(c.closes), alert.lang)),
        '',
        page ? words.opened.answer(page) : words.opened.answerNoLink,
        '',
        words.opened.why,
        words.unsubscribeLine(unsubscribe),
        '',
        this.councilName(alert.lang),
      ].join('\n'),
    };
  }

  private outcomeEmail(alert: AlertRow, r: Awaited<ReturnType<ConsultationService['results']>>): MailMessage {
    const words = alertWords(alert.lang);
    const t = (text: Definition['title']) => inLanguage(text, alert.lang);
    const title = t(r.title);
    const page = this.pageLink(r.id);
    return {
      to: alert.email,
      subject: oneLine(words.outcome.subject(title)),
      lang: alert.lang,
      headers: this.listHeaders(alert.token),
      text: [
        words.hello,
        '',
        words.outcome.intro(title),
        '',
        words.outcome.weAsked,
        t(r.weAsked),
        '',
        words.outcome.youSaid,
        t(r.youSaid),
        '',
        words.outcome.weDid,
        t(r.weDid),
        '',
        words.outcome.decision,
        t(r.decision.text),
        ...(r.decision.url ? [r.decision.url] : []),
        '',
        words.outcome.responses(r.responseCount),
        ...(page ? [words.outcome.read(page)] : []),
        '',
        words.outcome.why,
        words.unsubscribeLine(this.link('unsubscribe', alert.token)),
        '',
        this.councilName(alert.lang),
      ].join('\n'),
    };
  }
}
