import type { z } from 'zod';
import { codedError } from '../http/api-error.ts';
import type { ServerContext } from '../http/context.ts';
import { bodyIssue } from './alert-rules.ts';
import type { ConsultationError } from './answers.ts';
import type { Definition } from './definition.ts';
import type { PublishedResults, StoredConsultation } from './views.ts';

/** A row of the consultations table. */
export interface Row {
  id: string;
  definition: Definition;
  opens_at: Date;
  closes_at: Date;
  results: PublishedResults | null;
  results_published_at: Date | null;
}

/** One consultation's row; 404 `not_found` when there is none. */
export async function findRow(db: ServerContext['db'], id: string): Promise<Row> {
  const { rows } = await db.query<Row>(
    'SELECT id, definition, opens_at, closes_at, results, results_published_at FROM consultations WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) throw codedError(404, 'not_found', `There is no consultation "${id}".`);
  return { ...row, opens_at: new Date(row.opens_at), closes_at: new Date(row.closes_at), results_published_at: row.results_published_at && new Date(row.results_published_at) };
}

/** A row as the views (views.ts) take it. */
export function toStored(row: Pick<Row, 'definition' | 'opens_at' | 'closes_at'> & Partial<Pick<Row, 'results' | 'results_published_at'>>): StoredConsultation {
  return {
    definition: row.definition,
    opensAt: new Date(row.opens_at),
    closesAt: new Date(row.closes_at),
    results: row.results ?? null,
    resultsPublishedAt: row.results_published_at ? new Date(row.results_published_at) : null,
  };
}

/** A body that failed its zod schema: `invalid_body` entries naming each field (an over-long email is `invalid_email`). */
export function describeZod(error: z.ZodError, prefix = ''): ConsultationError[] {
  return error.issues.map((issue) => bodyIssue(issue, prefix));
}
