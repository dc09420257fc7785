import { z } from 'zod';
import { languagesOf, localizedTextSchema, type Definition, type LocalizedText } from './definition.ts';
import { tally, type QuestionResult } from './report.ts';
import type { Answers } from './answers.ts';

/*
 * What the consultation API shows of a stored consultation: its status, the list item, the
 * whole definition and the published results. No storage and no Node API: ConsultationService
 * reads the rows, and the Storybook mock backend (stories/backend) shows the demo files through
 * the same functions.
 */

export type Status = 'upcoming' | 'open' | 'closed' | 'results_published';

export interface PublishedResults {
  weAsked: LocalizedText;
  youSaid: LocalizedText;
  weDid: LocalizedText;
  decision: { text: LocalizedText; url?: string; date?: string };
  quotes: Array<{ text: string; question?: string }>;
  responseCount: number;
  questions: QuestionResult[];
}

/** A consultation as stored: its definition, when it runs, and its results once published. */
export interface StoredConsultation {
  definition: Definition;
  opensAt: Date;
  closesAt: Date;
  results: PublishedResults | null;
  resultsPublishedAt: Date | null;
}

export const DAY_MS = 86_400_000;

export const publishBodySchema = z.object({
  api_key: z.string().optional(),
  weAsked: localizedTextSchema.optional(),
  youSaid: localizedTextSchema,
  weDid: localizedTextSchema,
  decision: z.strictObject({
    text: localizedTextSchema,
    url: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  quotes: z.array(z.strictObject({ text: z.string().min(1).max(2000), question: z.string().optional() })).default([]),
});
export type PublishBody = z.input<typeof publishBodySchema>;

export function consultationStatus(c: Pick<StoredConsultation, 'opensAt' | 'closesAt' | 'resultsPublishedAt'>, now: Date): Status {
  if (c.resultsPublishedAt) return 'results_published';
  if (now.getTime() < c.opensAt.getTime()) return 'upcoming';
  if (now.getTime() >= c.closesAt.getTime()) return 'closed';
  return 'open';
}

/** Why a consultation takes no responses or drafts now (a 409), or null while it is open. */
export function notOpenError(c: Pick<StoredConsultation, 'opensAt' | 'closesAt' | 'resultsPublishedAt'>, now: Date): { code: string; description: string } | null {
  const status = consultationStatus(c, now);
  const when = (d: Date) => d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
  if (status === 'upcoming') return { code: 'consultation_not_open', description: `This consultation opens on ${when(c.opensAt)}. You can respond from then.` };
  if (status !== 'open') return { code: 'consultation_closed', description: `This consultation closed on ${when(c.closesAt)}, so it no longer takes responses.` };
  return null;
}

/** GET /api/consultations: open first (closing soonest first), then upcoming, then the rest newest first. */
export function consultationList(items: StoredConsultation[], now: Date) {
  const listed = items.map((c) => ({
    id: c.definition.id,
    title: c.definition.title,
    summary: c.definition.summary,
    status: consultationStatus(c, now),
    opens: c.opensAt.toISOString(),
    closes: c.closesAt.toISOString(),
    topics: c.definition.topics ?? [],
    areas: c.definition.areas ?? [],
  }));
  const rank = (s: Status) => (s === 'open' ? 0 : s === 'upcoming' ? 1 : 2);
  return listed.sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (rank(a.status) === 2 ? b.closes.localeCompare(a.closes) : a.closes.localeCompare(b.closes)) ||
      a.id.localeCompare(b.id),
  );
}

/** GET /api/consultations/{id}. */
export function consultationDetail(c: StoredConsultation, now: Date) {
  const { id, title, summary, overview, pages, topics = [], areas = [] } = c.definition;
  return {
    id,
    title,
    summary,
    status: consultationStatus(c, now),
    opens: c.opensAt.toISOString(),
    closes: c.closesAt.toISOString(),
    topics,
    areas,
    languages: languagesOf(c.definition),
    overview,
    pages,
  };
}

/** The results a publish body and the stored (validated) answers make. */
export function publishedResults(definition: Definition, body: z.output<typeof publishBodySchema>, answers: Answers[]): PublishedResults {
  const { api_key: _key, weAsked, ...words } = body;
  return { weAsked: weAsked ?? definition.summary, ...words, responseCount: answers.length, questions: tally(definition, answers) };
}

/** GET /api/consultations/{id}/results, once published. */
export function resultsView(c: StoredConsultation & { results: PublishedResults; resultsPublishedAt: Date }, now: Date) {
  const r = c.results;
  return {
    id: c.definition.id,
    title: c.definition.title,
    status: consultationStatus(c, now),
    closes: c.closesAt.toISOString(),
    publishedAt: c.resultsPublishedAt.toISOString(),
    responseCount: r.responseCount,
    weAsked: r.weAsked,
    youSaid: r.youSaid,
    weDid: r.weDid,
    decision: r.decision,
    questions: r.questions,
    quotes: r.quotes,
  };
}

/** Demo files may give `opens`/`closes` as days from now ("-30d", "+60d"): the date they mean. */
export function relativeDate(value: unknown, key: 'opens' | 'closes', now: Date): unknown {
  const m = typeof value === 'string' ? /^([+-]\d+)d$/.exec(value) : null;
  if (!m) return value;
  const day = new Date(now.getTime() + Number(m[1]) * DAY_MS);
  return `${day.toISOString().slice(0, 10)}T${key === 'opens' ? '09:00:00' : '23:59:00'}.000Z`;
}
