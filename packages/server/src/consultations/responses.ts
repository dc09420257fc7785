import { createHash } from 'node:crypto';
import { ApiError, codedError as fail } from '../http/api-error.ts';
import type { ServerContext } from '../http/context.ts';
import { validateResponse, type LocateFn } from './answers.ts';
import { responseBodySchema } from './bodies.ts';
import { normaliseResumeCode, responseReference } from './codes.ts';
import type { Row } from './rows.ts';

interface SubmitOptions {
  locate: LocateFn;
  /** Refuses (409) a consultation that is not open. */
  requireOpen(row: Row): void;
}

export interface Submitted {
  created: boolean;
  reference: string;
  submittedAt: string;
}

/**
 * Stores a response once. With an Idempotency-Key a retry (same key, same body) gets the first
 * answer back, even after the consultation has closed; the unique (consultation, key) index
 * settles a race between two processes.
 */
export async function submitResponse(
  ctx: ServerContext,
  row: Row,
  body: unknown,
  idempotencyKey: string | undefined,
  o: SubmitOptions,
): Promise<Submitted> {
  const id = row.id;
  if (idempotencyKey !== undefined && (!idempotencyKey || idempotencyKey.length > 200 || !/^[\x21-\x7e]+$/.test(idempotencyKey))) {
    throw fail(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters, such as a UUID.');
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
  const earlier = async (): Promise<Submitted | null> => {
    if (!idempotencyKey) return null;
    const { rows } = await ctx.db.query<{ reference: string; submitted_at: Date; request_fingerprint: string }>(
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

  o.requireOpen(row);
  const parsed = responseBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(400, [{ code: 'invalid_body', description: 'Send a JSON object with "answers": an object of question id → answer.' }]);
  }
  const checked = validateResponse(row.definition, parsed.data.answers, o.locate);
  if (!checked.ok) throw new ApiError(400, checked.errors);

  for (let attempt = 0; ; attempt++) {
    const reference = responseReference(ctx.config.council.reference_prefix);
    try {
      const { rows } = await ctx.db.query<{ reference: string; submitted_at: Date }>(
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
        if (code) await ctx.db.query('DELETE FROM consultation_drafts WHERE code = $1 AND consultation_id = $2', [code, id]);
      }
      return { created: true, reference: stored.reference, submittedAt: new Date(stored.submitted_at).toISOString() };
    } catch (error) {
      // A reference collision (one in 30^8) is worth another try; anything else is not.
      if ((error as { code?: string }).code === '23505' && attempt < 3) continue;
      throw error;
    }
  }
}
