import { ApiError, codedError as fail } from '../http/api-error.ts';
import type { ServerContext } from '../http/context.ts';
import type { Answers } from './answers.ts';
import { draftBodySchema } from './bodies.ts';
import { normaliseResumeCode, randomCode } from './codes.ts';
import { emailResumeCode } from './draft-email.ts';
import { describeZod, type Row } from './rows.ts';
import { DAY_MS } from './views.ts';

const DRAFT_MAX_BYTES = 64 * 1024;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface DraftsOptions {
  now(): Date;
  /** Draft lifetime in days. */
  days: number;
  /** The consultation's row; refuses (409) one that is not open. */
  openRow(id: string): Promise<Row>;
}

/** Save and return: answers so far kept behind a resume code, optionally emailed. */
export class ConsultationDrafts {
  constructor(
    private readonly ctx: ServerContext,
    private readonly o: DraftsOptions,
  ) {}

  async create(id: string, body: unknown) {
    const row = await this.o.openRow(id);
    const draft = this.parse(body);
    // Housekeeping on the way: expired drafts hold residents' answers nobody can reach any more.
    await this.ctx.db.query('DELETE FROM consultation_drafts WHERE expires_at <= $1', [this.o.now().toISOString()]);
    const expires = this.expiry();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = randomCode(8);
      const { rows } = await this.ctx.db.query(
        `INSERT INTO consultation_drafts (code, consultation_id, answers, page, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, id, JSON.stringify(draft.answers), draft.page ?? null, expires.toISOString()],
      );
      if (rows.length) {
        const emailed = await emailResumeCode(this.ctx, row.definition, code, expires, draft);
        return { resumeCode: code, expiresAt: expires.toISOString(), emailed };
      }
    }
    throw new Error('could not find a free resume code');
  }

  async get(id: string, code: string) {
    await this.o.openRow(id);
    const draft = await this.find(id, code);
    return {
      resumeCode: draft.code,
      answers: draft.answers,
      page: draft.page,
      updatedAt: new Date(draft.updated_at).toISOString(),
      expiresAt: new Date(draft.expires_at).toISOString(),
    };
  }

  async update(id: string, rawCode: string, body: unknown) {
    const row = await this.o.openRow(id);
    const existing = await this.find(id, rawCode);
    const draft = this.parse(body);
    const now = this.o.now();
    const expires = this.expiry(now);
    await this.ctx.db.query(
      'UPDATE consultation_drafts SET answers = $1, page = $2, updated_at = $3, expires_at = $4 WHERE code = $5',
      [JSON.stringify(draft.answers), draft.page ?? null, now.toISOString(), expires.toISOString(), existing.code],
    );
    const emailed = await emailResumeCode(this.ctx, row.definition, existing.code, expires, draft);
    return { resumeCode: existing.code, expiresAt: expires.toISOString(), emailed };
  }

  private expiry(now = this.o.now()): Date {
    return new Date(now.getTime() + this.o.days * DAY_MS);
  }

  private parse(body: unknown) {
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

  private async find(id: string, rawCode: string) {
    const code = normaliseResumeCode(rawCode);
    const notFound = fail(404, 'draft_not_found', `We could not find saved answers for that code. Check the code; saved answers are kept for ${this.o.days} days.`);
    if (!code) throw notFound;
    const { rows } = await this.ctx.db.query<{ code: string; answers: Answers; page: string | null; updated_at: Date; expires_at: Date }>(
      'SELECT code, answers, page, updated_at, expires_at FROM consultation_drafts WHERE code = $1 AND consultation_id = $2 AND expires_at > $3',
      [code, id, this.o.now().toISOString()],
    );
    if (!rows[0]) throw notFound;
    return rows[0];
  }
}
