import type { ServerContext } from '../http/context.ts';

/**
 * Staff open a consultation now ("publish") or close it now: the definition's `opens`/`closes`
 * and the indexed columns change together. Unlike replacing the definition this is allowed
 * after responses arrive (closing early is exactly when it is needed). Returns false for an
 * unknown id.
 */
export async function setSchedule(ctx: Pick<ServerContext, 'db'>, id: string, change: { opens?: Date; closes?: Date }): Promise<boolean> {
  const opens = change.opens?.toISOString() ?? null;
  const closes = change.closes?.toISOString() ?? null;
  const { rows } = await ctx.db.query(
    `UPDATE consultations SET
       opens_at = COALESCE($2::timestamptz, opens_at),
       closes_at = COALESCE($3::timestamptz, closes_at),
       definition = definition
         || CASE WHEN $2::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('opens', $2::text) END
         || CASE WHEN $3::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('closes', $3::text) END
     WHERE id = $1 RETURNING id`,
    [id, opens, closes],
  );
  return rows.length > 0;
}
