import { ApiError, codedError } from '../http/api-error.ts';
import type { ServerContext } from '../http/context.ts';
import type { Answers, LocateFn } from './answers.ts';
import { ConsultationDrafts } from './drafts.ts';
import { DefinitionError, parseDefinition, type Definition } from './definition.ts';
import { responsesCsv } from './report.ts';
import { submitResponse, type Submitted } from './responses.ts';
import { describeZod, findRow, toStored, type Row } from './rows.ts';
import { seedFolder } from './seed.ts';
import {
  consultationDetail,
  consultationList,
  consultationStatus,
  notOpenError,
  publishBodySchema,
  publishedResults,
  resultsView,
  type Status,
} from './views.ts';

export type { PublishBody, PublishedResults, Status } from './views.ts';
export { CODE_ALPHABET, normaliseResumeCode } from './codes.ts';
export { definitionsFolder } from './seed.ts';

/**
 * The consultation service: definitions, responses (stored exactly once per Idempotency-Key,
 * responses.ts), drafts behind resume codes (drafts.ts), results and the CSV export, seeding
 * (seed.ts). Everything lives in the database, so several server processes can share one
 * PostgreSQL.
 */

/** Failures leave as ApiErrors with word codes: `[{code, description, question?}]`. */
const fail = codedError;

export class ConsultationService {
  private readonly locate: LocateFn;
  /** Draft lifetime in days (config `consultations.draft_days`, default 30). */
  readonly draftDays: number;
  private readonly drafts: ConsultationDrafts;

  constructor(
    private readonly ctx: ServerContext,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.locate = (lat, lng) => {
      const where = ctx.areas.locate(lat, lng);
      return where.inside ? { inside: true } : { inside: false, neighbour: where.neighbour };
    };
    const days = (ctx.config.consultations as { draft_days?: unknown } | undefined)?.draft_days;
    this.draftDays = typeof days === 'number' && days > 0 ? days : 30;
    this.drafts = new ConsultationDrafts(ctx, {
      now,
      days: this.draftDays,
      openRow: async (id) => {
        const row = await this.row(id);
        this.requireOpen(row);
        return row;
      },
    });
  }

  /** The consultation's row; 404 when there is none. */
  private row(id: string): Promise<Row> {
    return findRow(this.ctx.db, id);
  }

  status(row: Pick<Row, 'opens_at' | 'closes_at' | 'results_published_at'>): Status {
    return consultationStatus({ opensAt: row.opens_at, closesAt: row.closes_at, resultsPublishedAt: row.results_published_at }, this.now());
  }

  /**
   * Stores a definition unless one with its id exists; returns whether it was added. In the same
   * statement, queues the job that tells alert subscribers once it opens (consultations/alerts.ts):
   * a consultation is never stored without its announcement, even if the process dies.
   */
  async add(definition: Definition): Promise<boolean> {
    const { rows } = await this.ctx.db.query(
      `WITH added AS (
         INSERT INTO consultations (id, definition, opens_at, closes_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING RETURNING id, opens_at
       ), announced AS (
         INSERT INTO mail_queue (kind, payload, key, next_attempt_at)
         SELECT 'consultation-opened', jsonb_build_object('consultation', id), 'consultation-opened:' || id, opens_at FROM added
         ON CONFLICT (key) DO NOTHING
       )
       SELECT id FROM added`,
      [definition.id, JSON.stringify(definition), definition.opens, definition.closes],
    );
    if (rows.length) this.ctx.queue.kick();
    return rows.length > 0;
  }

  /**
   * Creates or replaces a definition (staff). Replacing is refused once responses exist: their
   * answers were validated against the questions as they stood.
   */
  async put(id: string, body: unknown): Promise<{ created: boolean }> {
    const input = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as Record<string, unknown>) } : body;
    if (input && typeof input === 'object') {
      delete (input as Record<string, unknown>).api_key;
      if ((input as Record<string, unknown>).id === undefined) (input as Record<string, unknown>).id = id;
    }
    let definition: Definition;
    try {
      definition = parseDefinition(input, 'body');
    } catch (error) {
      if (error instanceof DefinitionError) {
        throw new ApiError(400, error.problems.map((description) => ({ code: 'invalid_definition', description })));
      }
      throw error;
    }
    if (definition.id !== id) throw fail(400, 'invalid_definition', `id: "${definition.id}" does not match the address (${id}).`);
    if (await this.add(definition)) return { created: true };
    const { rows } = await this.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consultation_responses WHERE consultation_id = $1', [id]);
    if ((rows[0]?.n ?? 0) > 0) {
      throw fail(409, 'has_responses', `This consultation already has ${rows[0]!.n} responses, so its questions cannot change. Publish a new consultation instead.`);
    }
    await this.ctx.db.query('UPDATE consultations SET definition = $1, opens_at = $2, closes_at = $3 WHERE id = $4', [
      JSON.stringify(definition),
      definition.opens,
      definition.closes,
      id,
    ]);
    // A new opening date moves its announcement with it.
    await this.ctx.db.query(`UPDATE mail_queue SET next_attempt_at = $2 WHERE key = $1 AND done_at IS NULL AND failed_at IS NULL`, [
      `consultation-opened:${id}`,
      definition.opens,
    ]);
    return { created: false };
  }

  async list() {
    const { rows } = await this.ctx.db.query<Row>(
      'SELECT id, definition, opens_at, closes_at, results_published_at FROM consultations',
    );
    return consultationList(rows.map((r) => toStored(r)), this.now());
  }

  /** How many responses each consultation has, by id (the staff page's list); none is absent. */
  async responseCounts(): Promise<Map<string, number>> {
    const { rows } = await this.ctx.db.query<{ consultation_id: string; n: number }>(
      'SELECT consultation_id, count(*)::int AS n FROM consultation_responses GROUP BY consultation_id',
    );
    return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
  }

  async get(id: string) {
    return consultationDetail(toStored(await this.row(id)), this.now());
  }

  private requireOpen(row: Row) {
    const refused = notOpenError(toStored(row), this.now());
    if (refused) throw fail(409, refused.code, refused.description);
  }

  // -------------------------------------------------------------------------------------------
  // Responses
  // -------------------------------------------------------------------------------------------

  /** Stores a response once (responses.ts). */
  async submit(id: string, body: unknown, idempotencyKey: string | undefined): Promise<Submitted> {
    const row = await this.row(id);
    return submitResponse(this.ctx, row, body, idempotencyKey, { locate: this.locate, requireOpen: (r) => this.requireOpen(r) });
  }

  // -------------------------------------------------------------------------------------------
  // Drafts (save and return)
  // -------------------------------------------------------------------------------------------

  createDraft(id: string, body: unknown) {
    return this.drafts.create(id, body);
  }

  getDraft(id: string, code: string) {
    return this.drafts.get(id, code);
  }

  updateDraft(id: string, code: string, body: unknown) {
    return this.drafts.update(id, code, body);
  }

  // -------------------------------------------------------------------------------------------
  // Results and export
  // -------------------------------------------------------------------------------------------

  private async storedResponses(id: string) {
    const { rows } = await this.ctx.db.query<{ reference: string; submitted_at: Date; lang: string | null; answers: Answers }>(
      'SELECT reference, submitted_at, lang, answers FROM consultation_responses WHERE consultation_id = $1 ORDER BY id',
      [id],
    );
    return rows.map((r) => ({ reference: r.reference, submittedAt: new Date(r.submitted_at).toISOString(), lang: r.lang, answers: r.answers }));
  }

  async publishResults(id: string, body: unknown) {
    const row = await this.row(id);
    const status = this.status(row);
    if (status === 'open' || status === 'upcoming') {
      throw fail(409, 'consultation_open', 'Results can be published once the consultation has closed.');
    }
    const parsed = publishBodySchema.safeParse(body);
    if (!parsed.success) throw new ApiError(400, describeZod(parsed.error));
    const questionIds = new Set(row.definition.pages.flatMap((p) => p.questions.map((q) => q.id)));
    const badQuote = parsed.data.quotes.find((q) => q.question !== undefined && !questionIds.has(q.question));
    if (badQuote) throw fail(400, 'invalid_body', `quotes: "${badQuote.question}" is not a question of this consultation.`);
    const responses = await this.storedResponses(id);
    const results = publishedResults(row.definition, parsed.data, responses.map((r) => r.answers));
    // With the results, in one statement, the job that emails everyone who asked for the
    // outcome; its key makes a republished (corrected) outcome tell nobody twice.
    await this.ctx.db.query(
      `WITH published AS (
         UPDATE consultations SET results = $1, results_published_at = $2 WHERE id = $3 RETURNING id
       )
       INSERT INTO mail_queue (kind, payload, key)
       SELECT 'consultation-outcome', jsonb_build_object('consultation', id), 'consultation-outcome:' || id FROM published
       ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(results), this.now().toISOString(), id],
    );
    this.ctx.queue.kick();
    return this.results(id);
  }

  async results(id: string) {
    const row = await this.row(id);
    const stored = toStored(row);
    if (!stored.results || !stored.resultsPublishedAt) {
      throw fail(404, 'results_not_published', 'The results of this consultation have not been published yet.');
    }
    return resultsView({ ...stored, results: stored.results, resultsPublishedAt: stored.resultsPublishedAt }, this.now());
  }

  async csv(id: string): Promise<{ filename: string; body: string }> {
    const row = await this.row(id);
    return { filename: `${row.id}-responses.csv`, body: responsesCsv(row.definition, await this.storedResponses(id)) };
  }

  // -------------------------------------------------------------------------------------------
  // Seeding from a folder of definitions
  // -------------------------------------------------------------------------------------------

  /** Adds the definitions in a folder that the database lacks, with their demo responses and results (seed.ts). */
  seed(folder: string): Promise<string[]> {
    return seedFolder(this.ctx, this, folder, { now: this.now, locate: this.locate });
  }
}
