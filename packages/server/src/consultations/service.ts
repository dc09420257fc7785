import { createHash, randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ApiError, codedError } from '../http/api-error.ts';
import type { ServerContext } from '../http/context.ts';
import { validateResponse, type Answers, type ConsultationError, type LocateFn } from './answers.ts';
import { DefinitionError, inLanguage, parseDefinition, type Definition } from './definition.ts';
import { inTheirLanguage, welshLongDate } from '../mail/words.ts';
import { responsesCsv } from './report.ts';
import {
  consultationDetail,
  consultationList,
  consultationStatus,
  notOpenError,
  DAY_MS,
  publishBodySchema,
  publishedResults,
  relativeDate,
  resultsView,
  type PublishedResults,
  type Status,
  type StoredConsultation,
} from './views.ts';
import { draftBodySchema, responseBodySchema } from './bodies.ts';

export type { PublishBody, PublishedResults, Status } from './views.ts';

/**
 * The consultation service: definitions, responses (stored exactly once per Idempotency-Key),
 * drafts behind resume codes, results and the CSV export. Everything lives in the database, so
 * several server processes can share one PostgreSQL.
 */

/** Failures leave as ApiErrors with word codes: `[{code, description, question?}]`. */
const fail = codedError;

interface Row {
  id: string;
  definition: Definition;
  opens_at: Date;
  closes_at: Date;
  results: PublishedResults | null;
  results_published_at: Date | null;
}

/** Resume codes and references: no 0/O, 1/I/L or U, so they survive being read out or retyped. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** "k7m3-qx9p" → "K7M3QX9P"; null when it cannot be a code. */
export function normaliseResumeCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(`^[${CODE_ALPHABET}]{8}$`).test(code) ? code : null;
}

const DRAFT_MAX_BYTES = 64 * 1024;

function describeZod(error: z.ZodError, prefix = ''): ConsultationError[] {
  return error.issues.map((issue) => ({
    code: 'invalid_body',
    description: `${prefix}${issue.path.join('.') || 'body'}: ${issue.message}`,
  }));
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class ConsultationService {
  private readonly locate: LocateFn;
  /** Draft lifetime in days (config `consultations.draft_days`, default 30). */
  readonly draftDays: number;

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
  }

  status(row: Pick<Row, 'opens_at' | 'closes_at' | 'results_published_at'>): Status {
    return consultationStatus({ opensAt: row.opens_at, closesAt: row.closes_at, resultsPublishedAt: row.results_published_at }, this.now());
  }

  private stored(row: Pick<Row, 'definition' | 'opens_at' | 'closes_at'> & Partial<Pick<Row, 'results' | 'results_published_at'>>): StoredConsultation {
    return {
      definition: row.definition,
      opensAt: new Date(row.opens_at),
      closesAt: new Date(row.closes_at),
      results: row.results ?? null,
      resultsPublishedAt: row.results_published_at ? new Date(row.results_published_at) : null,
    };
  }

  private async row(id: string): Promise<Row> {
    const { rows } = await this.ctx.db.query<Row>(
      'SELECT id, definition, opens_at, closes_at, results, results_published_at FROM consultations WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw fail(404, 'not_found', `There is no consultation "${id}".`);
    return { ...row, opens_at: new Date(row.opens_at), closes_at: new Date(row.closes_at), results_published_at: row.results_published_at && new Date(row.results_published_at) };
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
    return consultationList(rows.map((r) => this.stored(r)), this.now());
  }

  /** How many responses each consultation has, by id (the staff page's list); none is absent. */
  async responseCounts(): Promise<Map<string, number>> {
    const { rows } = await this.ctx.db.query<{ consultation_id: string; n: number }>(
      'SELECT consultation_id, count(*)::int AS n FROM consultation_responses GROUP BY consultation_id',
    );
    return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
  }

  async get(id: string) {
    return consultationDetail(this.stored(await this.row(id)), this.now());
  }

  private requireOpen(row: Row) {
    const refused = notOpenError(this.stored(row), this.now());
    if (refused) throw fail(409, refused.code, refused.description);
  }

  // -------------------------------------------------------------------------------------------
  // Responses
  // -------------------------------------------------------------------------------------------

  /**
   * Stores a response once. With an Idempotency-Key a retry (same key, same body) gets the first
   * answer back, even after the consultation has closed; the unique (consultation, key) index
   * settles a race between two processes.
   */
  async submit(id: string, body: unknown, idempotencyKey: string | undefined): Promise<{ created: boolean; reference: string; submittedAt: string }> {
    const row = await this.row(id);
    if (idempotencyKey !== undefined && (!idempotencyKey || idempotencyKey.length > 200 || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
      throw fail(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters, such as a UUID.');
    }
    const fingerprint = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    const earlier = async () => {
      if (!idempotencyKey) return null;
      const { rows } = await this.ctx.db.query<{ reference: string; submitted_at: Date; request_fingerprint: string }>(
        'SELECT reference, submitted_at, request_fingerprint FROM consultation_responses WHERE consultation_id = $1 AND idempotency_key = $2',
        [id, idempotencyKey],
      );
      const found = rows[0];
      if (!found) return null;
      if (found.request_fingerprint !== fingerprint) {
        throw fail(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different response. Use a new key for a new response.');
      }
      return { created: false, reference: found.reference, submittedAt: new Date(found.submitted_at).toISOString() };
    };
    const previous = await earlier();
    if (previous) return previous;

    this.requireOpen(row);
    const parsed = responseBodySchema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(400, [{ code: 'invalid_body', description: 'Send a JSON object with "answers": an object of question id → answer.' }]);
    }
    const checked = validateResponse(row.definition, parsed.data.answers, this.locate);
    if (!checked.ok) throw new ApiError(400, checked.errors);

    for (let attempt = 0; ; attempt++) {
      const reference = `${this.ctx.config.council.reference_prefix}-C-${randomCode(4)}-${randomCode(4)}`;
      try {
        const { rows } = await this.ctx.db.query<{ reference: string; submitted_at: Date }>(
          `INSERT INTO consultation_responses (consultation_id, reference, answers, lang, idempotency_key, request_fingerprint)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (consultation_id, idempotency_key) DO NOTHING
           RETURNING reference, submitted_at`,
          [id, reference, JSON.stringify(checked.answers), parsed.data.lang ?? null, idempotencyKey ?? null, fingerprint],
        );
        const stored = rows[0];
        if (!stored) {
          // Another request with this key won the race: answer as it did.
          const raced = await earlier();
          if (raced) return raced;
          continue;
        }
        if (parsed.data.resumeCode) {
          const code = normaliseResumeCode(parsed.data.resumeCode);
          if (code) await this.ctx.db.query('DELETE FROM consultation_drafts WHERE code = $1 AND consultation_id = $2', [code, id]);
        }
        return { created: true, reference: stored.reference, submittedAt: new Date(stored.submitted_at).toISOString() };
      } catch (error) {
        // A reference collision (one in 30^8) is worth another try; anything else is not.
        if ((error as { code?: string }).code === '23505' && attempt < 3) continue;
        throw error;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Drafts (save and return)
  // -------------------------------------------------------------------------------------------

  private parseDraft(body: unknown) {
    const parsed = draftBodySchema.safeParse(body);
    if (!parsed.success) throw new ApiError(400, describeZod(parsed.error));
    const draft = parsed.data;
    if (Buffer.byteLength(JSON.stringify(draft.answers)) > DRAFT_MAX_BYTES) {
      throw fail(413, 'too_large', 'The saved answers are too large (over 64 KB). Shorten the longest answers and save again.');
    }
    if (draft.email !== undefined && draft.email.trim() !== '' && !emailPattern.test(draft.email.trim())) {
      throw new ApiError(400, [{ code: 'invalid_email', description: 'Enter an email address in the correct format, like name@example.com.' }]);
    }
    return draft;
  }

  private async findDraft(id: string, rawCode: string) {
    const code = normaliseResumeCode(rawCode);
    const notFound = fail(404, 'draft_not_found', `We could not find saved answers for that code. Check the code; saved answers are kept for ${this.draftDays} days.`);
    if (!code) throw notFound;
    const { rows } = await this.ctx.db.query<{ code: string; answers: Answers; page: string | null; updated_at: Date; expires_at: Date }>(
      'SELECT code, answers, page, updated_at, expires_at FROM consultation_drafts WHERE code = $1 AND consultation_id = $2 AND expires_at > $3',
      [code, id, this.now().toISOString()],
    );
    if (!rows[0]) throw notFound;
    return rows[0];
  }

  async createDraft(id: string, body: unknown) {
    const row = await this.row(id);
    this.requireOpen(row);
    const draft = this.parseDraft(body);
    // Housekeeping on the way: expired drafts hold residents' answers nobody can reach any more.
    await this.ctx.db.query('DELETE FROM consultation_drafts WHERE expires_at <= $1', [this.now().toISOString()]);
    const expires = new Date(this.now().getTime() + this.draftDays * DAY_MS);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = randomCode(8);
      const { rows } = await this.ctx.db.query(
        `INSERT INTO consultation_drafts (code, consultation_id, answers, page, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, id, JSON.stringify(draft.answers), draft.page ?? null, expires.toISOString()],
      );
      if (rows.length) {
        const emailed = await this.emailDraft(row, code, expires, draft);
        return { resumeCode: code, expiresAt: expires.toISOString(), emailed };
      }
    }
    throw new Error('could not find a free resume code');
  }

  async getDraft(id: string, code: string) {
    const row = await this.row(id);
    this.requireOpen(row);
    const draft = await this.findDraft(id, code);
    return {
      resumeCode: draft.code,
      answers: draft.answers,
      page: draft.page,
      updatedAt: new Date(draft.updated_at).toISOString(),
      expiresAt: new Date(draft.expires_at).toISOString(),
    };
  }

  async updateDraft(id: string, rawCode: string, body: unknown) {
    const row = await this.row(id);
    this.requireOpen(row);
    const existing = await this.findDraft(id, rawCode);
    const draft = this.parseDraft(body);
    const now = this.now();
    const expires = new Date(now.getTime() + this.draftDays * DAY_MS);
    await this.ctx.db.query(
      'UPDATE consultation_drafts SET answers = $1, page = $2, updated_at = $3, expires_at = $4 WHERE code = $5',
      [JSON.stringify(draft.answers), draft.page ?? null, now.toISOString(), expires.toISOString(), existing.code],
    );
    const emailed = await this.emailDraft(row, existing.code, expires, draft);
    return { resumeCode: existing.code, expiresAt: expires.toISOString(), emailed };
  }

  /** Sends the resume code by email when asked; the address is kept only until the email is sent (mail/queue.ts). */
  private async emailDraft(row: Row, code: string, expires: Date, draft: z.infer<typeof draftBodySchema>): Promise<boolean> {
    const to = draft.email?.trim();
    if (!to) return false;
    let link: string | null = null;
    if (draft.returnUrl) {
      try {
        const url = new URL(draft.returnUrl);
        // Only pages of sites allowed to embed us: the email must not carry someone else's link.
        if ((url.protocol === 'https:' || url.protocol === 'http:') && this.ctx.isAllowedOrigin(url.origin)) {
          url.searchParams.set('resume', code);
          link = url.toString();
        }
      } catch {
        link = null;
      }
    }
    const shown = `${code.slice(0, 4)} ${code.slice(4)}`;
    const { council } = this.ctx.config;
    // In the language the resident saved in; both (Welsh first) when their page did not say.
    const message = inTheirLanguage(draft.lang ?? null, (lang) => {
      const title = inLanguage(row.definition.title, lang);
      if (lang === 'cy') {
        const until = welshLongDate(expires).replace(/^dydd \S+ /, '');
        return {
          subject: `Eich cod ailddechrau: ${title}`,
          lines: [
            `Rydych wedi cadw eich atebion i “${title}”.`,
            `Eich cod ailddechrau yw ${shown}. Bydd yn ddilys tan ${until}.`,
            link ? `I barhau, ewch i ${link}` : 'I barhau, ewch yn ôl i dudalen yr ymgynghoriad a rhowch y cod.',
            'Os na wnaethoch ofyn am yr e-bost hwn, gallwch ei anwybyddu.',
            council.cy?.name ?? council.name,
          ].join('\n\n').split('\n'),
        };
      }
      const until = expires.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
      return {
        subject: `Your resume code: ${title}`,
        lines: [
          `You saved your answers to “${title}”.`,
          `Your resume code is ${shown}. It works until ${until}.`,
          link ? `To carry on, go to ${link}` : 'To carry on, go back to the consultation page and enter the code.',
          'If you did not ask for this email, you can ignore it.',
          council.name,
        ].join('\n\n').split('\n'),
      };
    });
    await this.ctx.queue.send({ to, ...message });
    return true;
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
    const stored = this.stored(row);
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

  /**
   * Adds every `<id>.json` definition in `folder` that the database lacks. For a definition it
   * adds, `<id>.responses.json` (an array of answer objects) seeds responses and
   * `<id>.results.json` (a publish body) publishes results, so the demo has a consultation with
   * real figures. Demo files may give `opens`/`closes` as days from now ("-30d", "+60d").
   */
  async seed(folder: string): Promise<string[]> {
    if (!existsSync(folder)) return [];
    const added: string[] = [];
    for (const file of readdirSync(folder).filter((f) => /^[^.]+\.json$/.test(f)).sort()) {
      const path = join(folder, file);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      for (const key of ['opens', 'closes'] as const) raw[key] = relativeDate(raw[key], key, this.now());
      const definition = parseDefinition(raw, path);
      if (!(await this.add(definition))) continue;
      added.push(definition.id);
      const responsesFile = join(folder, `${definition.id}.responses.json`);
      if (existsSync(responsesFile)) await this.seedResponses(definition, JSON.parse(readFileSync(responsesFile, 'utf8')) as Answers[], responsesFile);
      const resultsFile = join(folder, `${definition.id}.results.json`);
      if (existsSync(resultsFile)) await this.publishResults(definition.id, JSON.parse(readFileSync(resultsFile, 'utf8')));
    }
    return added;
  }

  private async seedResponses(definition: Definition, list: Answers[], source: string) {
    const start = Date.parse(definition.opens);
    const span = Math.min(Date.parse(definition.closes), this.now().getTime()) - start;
    const rows: unknown[][] = list.map((answers, i) => {
      const checked = validateResponse(definition, answers, this.locate);
      if (!checked.ok) {
        throw new DefinitionError(source, checked.errors.map((e) => `[${i}] ${e.question ?? ''}: ${e.description}`));
      }
      const submitted = new Date(start + Math.round((span * (i + 0.5)) / list.length));
      const reference = `${this.ctx.config.council.reference_prefix}-C-${randomCode(4)}-${randomCode(4)}`;
      return [definition.id, reference, JSON.stringify(checked.answers), i % 9 === 0 ? 'cy' : 'en', submitted.toISOString()];
    });
    // One statement per hundred rows: seeding costs a few round trips, not one per response.
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const values = chunk.map((_, r) => `($${r * 5 + 1}, $${r * 5 + 2}, $${r * 5 + 3}, $${r * 5 + 4}, $${r * 5 + 5})`).join(', ');
      await this.ctx.db.query(
        `INSERT INTO consultation_responses (consultation_id, reference, answers, lang, submitted_at) VALUES ${values}`,
        chunk.flat(),
      );
    }
  }
}

/** The definitions folder: config `consultations.folder`, else `consultations/` beside the config file. */
export function definitionsFolder(ctx: Pick<ServerContext, 'config'>): string | null {
  const configured = (ctx.config.consultations as { folder?: unknown } | undefined)?.folder;
  const base = ctx.config.source ? dirname(ctx.config.source) : process.cwd();
  if (typeof configured === 'string') return isAbsolute(configured) ? configured : resolve(base, configured);
  return ctx.config.source ? join(base, 'consultations') : null;
}

