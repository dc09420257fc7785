import type { Db } from '../db/index.ts';
import type { Logger, MailMessage } from './mailer.ts';

/**
 * The durable mail queue: every email is a row in `mail_queue` before it is sent, so a message
 * queued by a request is sent even if this process dies a moment later — by this process after
 * a restart, or by any other process on the same database. Works the same on PGlite and
 * PostgreSQL, and keeps SMTP off the request path (a report's answer never waits for email).
 *
 * A worker claims due jobs with one statement (`SELECT … FOR UPDATE SKIP LOCKED` inside an
 * `UPDATE`), which also leases them for a few minutes: two processes never take the same job,
 * and a job whose worker died is taken again when its lease runs out. A failed job is retried
 * with exponential backoff, then given up on (kept, with its last error, for staff to see).
 * Sending is therefore at least once; a job with a `key` is queued at most once.
 */

export interface Job<P = Record<string, unknown>> {
  id: number;
  kind: string;
  payload: P;
  attempts: number;
}

/** Runs one job; throws to have it retried later. */
export type JobHandler = (job: Job<any>) => Promise<void>;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** A job with this key already queued (or done) makes this one a no-op. */
  key?: string;
  /** Not before this time. */
  notBefore?: Date;
}

export interface QueueOptions {
  /** How long a claimed job is leased before another worker may take it (default 120 s). */
  leaseSeconds?: number;
  /** Attempts before giving up (default 8: the last about 1 h after the first). */
  maxAttempts?: number;
  /** First retry delay, doubled each time, at most 6 hours (default 30 s). */
  backoffSeconds?: number;
  /** How often to look for due jobs when nothing kicked the worker (default 2 s). */
  pollMs?: number;
  /** false: a queue that drops what it is given (the demo's sample reports are history, not news). */
  sends?: boolean;
  /** Jobs claimed in one statement (default 50). */
  batch?: number;
  /** Jobs run at once (default 8; the SMTP pool keeps up to 5 connections open). */
  concurrency?: number;
}

/**
 * Jobs that must not overtake each other: a rendered message's recipient, a report's emails
 * (its receipt and its team's notice), a consultation's fan-out; anything else runs on its own.
 */
function laneOf(job: Job): string {
  const p = job.payload as { to?: unknown; id?: unknown; consultation?: unknown; alert?: unknown };
  if (typeof p.to === 'string') return `to:${p.to.toLowerCase()}`;
  if (typeof p.id === 'string') return `report:${p.id}`;
  if (p.alert !== undefined) return `alert:${String(p.alert)}`;
  if (typeof p.consultation === 'string') return `consultation:${p.consultation}`;
  return `job:${job.id}`;
}

/** The job kind of a message rendered before it was queued: sent as it is. */
export const MAIL_JOB = 'mail';

/** Seconds to wait after the n-th failed attempt (1-based). */
export const backoff = (attempt: number, first = 30) => Math.min(first * 2 ** (attempt - 1), 6 * 3600);

/** SQL and parameters inserting `jobs`, numbering parameters from `$first`. */
export function jobValues(jobs: NewJob[], first = 1): { values: string; params: unknown[] } {
  const values = jobs.map((_, i) => {
    const p = first + i * 4;
    return `($${p}, $${p + 1}::jsonb, $${p + 2}, COALESCE($${p + 3}::timestamptz, now()))`;
  });
  const params = jobs.flatMap((j) => [j.kind, JSON.stringify(j.payload), j.key ?? null, j.notBefore?.toISOString() ?? null]);
  return { values: values.join(', '), params };
}

/** Queues jobs in one statement on `db` (the server's, or a transaction's); returns how many were new. */
export async function addJobs(db: Db, jobs: NewJob[]): Promise<number> {
  if (!jobs.length) return 0;
  const { values, params } = jobValues(jobs);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO mail_queue (kind, payload, key, next_attempt_at) VALUES ${values} ON CONFLICT (key) DO NOTHING RETURNING id`,
    params,
  );
  return rows.length;
}

/** Queues one rendered message for sending. A running worker sends it within its poll interval (or at once, via MailQueue.send). */
export async function enqueue(db: Db, message: MailMessage, key?: string): Promise<number> {
  return addJobs(db, [{ kind: MAIL_JOB, payload: { ...message }, key }]);
}

export class MailQueue {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #prepare: ((jobs: Job<any>[]) => Promise<void>)[] = [];
  readonly #o: Required<QueueOptions>;
  #timer?: ReturnType<typeof setTimeout>;
  #running?: Promise<number>;
  #again = false;
  #stopped = true;
  /** Whether what is added is kept and sent (false for the muted copy `muted()` returns). */
  readonly sends: boolean;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    options: QueueOptions = {},
  ) {
    this.#o = { leaseSeconds: 120, maxAttempts: 8, backoffSeconds: 30, pollMs: 2000, sends: true, batch: 50, concurrency: 8, ...options };
    this.sends = this.#o.sends;
  }

  /** A queue on the same database that drops what it is given and never runs a worker. */
  muted(): MailQueue {
    return new MailQueue(this.db, this.log, { ...this.#o, sends: false });
  }

  /** Registers what to do with jobs of one kind. */
  handle(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
  }

  /**
   * Runs `fn` once per claimed batch, before its jobs: handlers can read what the whole batch
   * needs in one query. A failing `fn` is logged and the jobs run anyway.
   */
  prepare(fn: (jobs: Job<any>[]) => Promise<void>): void {
    this.#prepare.push(fn);
  }

  /** Queues jobs in one statement; returns how many were new. Kicks the worker. */
  async add(jobs: NewJob[]): Promise<number> {
    if (!this.sends) return 0;
    const added = await addJobs(this.db, jobs);
    if (added) this.kick();
    return added;
  }

  /** Queues rendered messages; the worker sends them. */
  async send(...messages: MailMessage[]): Promise<number> {
    return this.add(messages.map((m) => ({ kind: MAIL_JOB, payload: { ...m } })));
  }

  /**
   * Claims and runs the jobs due now, up to `limit`; resolves with how many ran. Up to
   * `concurrency` jobs run at once (over a pooled SMTP connection each), except that jobs of one
   * lane — one recipient's messages, one report's emails — run one after another, oldest first.
   * The jobs that succeeded are marked done together in one statement; a failure is recorded
   * for its own job as it happens.
   */
  async runDue(limit = this.#o.batch): Promise<number> {
    const { rows } = await this.db.query<Job & { id: number | string }>(
      `UPDATE mail_queue SET attempts = attempts + 1, locked_until = now() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM mail_queue
         WHERE done_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
           AND (locked_until IS NULL OR locked_until < now())
         ORDER BY next_attempt_at, id
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, attempts`,
      [limit, this.#o.leaseSeconds],
      { name: 'mail-queue-claim' },
    );
    const jobs = rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
    if (jobs.length) {
      for (const fn of this.#prepare) await fn(jobs).catch((error: unknown) => this.log.error({ err: error }, 'mail queue: could not prepare a batch'));
    }
    const done: number[] = [];
    const lanes = new Map<string, Promise<void>>();
    const running = new Set<Promise<void>>();
    let failure: unknown;
    for (const job of jobs) {
      while (running.size >= this.#o.concurrency) await Promise.race(running);
      const lane = laneOf(job);
      const before = lanes.get(lane);
      const run: Promise<void> = (async () => {
        await before;
        if (await this.#run(job)) done.push(job.id);
      })().catch((error: unknown) => {
        // Recording a failure failed (the database went away): the lease runs out and it is retried.
        failure ??= error;
      });
      lanes.set(lane, run);
      running.add(run);
      void run.finally(() => running.delete(run));
    }
    await Promise.all(running);
    if (done.length) {
      // The payload (addresses, what a resident wrote) is kept only until the email is sent.
      await this.db.query(
        `UPDATE mail_queue SET done_at = now(), locked_until = NULL, last_error = NULL, payload = '{}'::jsonb WHERE id = ANY($1::bigint[])`,
        [done],
        { name: 'mail-queue-done' },
      );
    }
    if (failure) throw failure;
    return rows.length;
  }

  /** Runs one job: true when it succeeded; a failure is recorded (retry later, or given up on). */
  async #run(job: Job): Promise<boolean> {
    const handler = this.#handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for mail job kind "${job.kind}"`);
      await handler(job);
      return true;
    } catch (error) {
      const giveUp = job.attempts >= this.#o.maxAttempts;
      this.log.error({ err: error, job: job.id, kind: job.kind, attempts: job.attempts }, giveUp ? 'mail job failed for good' : 'mail job failed; will retry');
      await this.db.query(
        `UPDATE mail_queue SET locked_until = NULL, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3), failed_at = CASE WHEN $4 THEN now() END
         WHERE id = $1`,
        [job.id, String((error as Error)?.message ?? error).slice(0, 1000), backoff(job.attempts, this.#o.backoffSeconds), giveUp],
      );
      return false;
    }
  }

  /** Runs due jobs until none is left (what a test waits for; the worker does it on its own). */
  async drain(): Promise<void> {
    for (;;) {
      while (this.#running) await this.#running;
      // A worker run that started meanwhile may hold (lease) the last jobs: wait for it too.
      if (!(await this.runDue()) && !this.#running) return;
    }
  }

  /** Whether this process's worker is running (start() called, stop() not). */
  get working(): boolean {
    return !this.#stopped;
  }

  /**
   * Starts the worker: it looks for due jobs every `pollMs`, and at once after add(). The first
   * look, for mail left by an earlier process, can wait `delayMs` so that it does not hold up
   * the first answers of a server that has just started (PGlite runs one statement at a time).
   */
  start(delayMs = 0): void {
    if (!this.sends) return;
    this.#stopped = false;
    if (!delayMs) return this.kick();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.kick(), delayMs);
    this.#timer.unref?.();
  }

  /** Runs the worker now (or right after the current run). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.kick();
      } else {
        this.#timer = setTimeout(() => this.kick(), this.#o.pollMs);
        this.#timer.unref?.();
      }
    });
  }

  async #loop(): Promise<number> {
    let total = 0;
    try {
      for (let ran = await this.runDue(); ran; ran = await this.runDue()) total += ran;
    } catch (error) {
      // The database was unreachable or closing: try again at the next poll.
      if (!this.#stopped) this.log.error({ err: error }, 'mail queue: could not read due jobs');
    }
    return total;
  }

  /** Stops the worker and waits for the run in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
