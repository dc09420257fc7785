import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/index.ts';

/*
 * Staff sessions and sign-ins in progress, in the database so every process shares them. The
 * cookie holds a random secret; the table holds only its SHA-256, so a leaked copy of the table
 * (a backup, a read replica) signs nobody in.
 */

export interface StaffSession {
  email: string;
  name: string | null;
  csrfToken: string;
  idToken: string | null;
}

export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** Compares two secrets without leaking, through timing, how much of one matched. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export async function createSession(db: Db, who: { email: string; name: string | null; idToken: string | null }, hours: number): Promise<string> {
  // Housekeeping on the rare write, so expired rows never pile up and no timer is needed.
  await db.query('DELETE FROM staff_sessions WHERE expires_at < now()');
  const id = newSecret();
  await db.query(
    `INSERT INTO staff_sessions (id_hash, email, name, csrf_token, id_token, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))`,
    [hash(id), who.email, who.name, newSecret(), who.idToken, hours],
  );
  return id;
}

export async function findSession(db: Db, id: string): Promise<StaffSession | null> {
  const { rows } = await db.query<{ email: string; name: string | null; csrf_token: string; id_token: string | null }>(
    'SELECT email, name, csrf_token, id_token FROM staff_sessions WHERE id_hash = $1 AND expires_at > now()',
    [hash(id)],
  );
  const row = rows[0];
  return row ? { email: row.email, name: row.name, csrfToken: row.csrf_token, idToken: row.id_token } : null;
}

/** Ends the session; returns it as it was (for the provider's sign-out), or null. */
export async function endSession(db: Db, id: string): Promise<StaffSession | null> {
  const { rows } = await db.query<{ email: string; name: string | null; csrf_token: string; id_token: string | null }>(
    'DELETE FROM staff_sessions WHERE id_hash = $1 RETURNING email, name, csrf_token, id_token',
    [hash(id)],
  );
  const row = rows[0];
  return row ? { email: row.email, name: row.name, csrfToken: row.csrf_token, idToken: row.id_token } : null;
}

/** A sign-in on its way through the provider, valid for ten minutes. Returns its cookie secret. */
export async function startSignIn(db: Db, attempt: SignInAttempt): Promise<string> {
  await db.query('DELETE FROM staff_sign_ins WHERE expires_at < now()');
  const id = newSecret();
  await db.query(
    `INSERT INTO staff_sign_ins (id_hash, state, nonce, code_verifier, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + interval '10 minutes')`,
    [hash(id), attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo],
  );
  return id;
}

/** Takes the sign-in out of the table: a callback can be used once only. */
export async function takeSignIn(db: Db, id: string): Promise<SignInAttempt | null> {
  const { rows } = await db.query<{ state: string; nonce: string; code_verifier: string; return_to: string; live: boolean }>(
    'DELETE FROM staff_sign_ins WHERE id_hash = $1 RETURNING state, nonce, code_verifier, return_to, expires_at > now() AS live',
    [hash(id)],
  );
  const row = rows[0];
  return row?.live ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to } : null;
}
