import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../client/errors.js';

/**
 * One submission waiting to reach the server. Its `key` is the submission's Idempotency-Key:
 * every retry sends the same key, so the server stores it once however often we try.
 */
export interface OutboxEntry<T> {
  /** The Idempotency-Key, also the entry's id in the store. */
  key: string;
  /** Which queue it is in, e.g. `report:https://council.example/open311/v2`. */
  queue: string;
  /** What to send (plain data: it is stored with the structured clone algorithm). */
  payload: T;
  /** When the resident submitted it (ms since the epoch). */
  createdAt: number;
  /** How many times sending failed so far. */
  attempts: number;
  /** Not before this time (ms since the epoch): the backoff after a failure. */
  nextAttemptAt: number;
  /** Why the last attempt failed, for logs (never shown as is: it may be technical). */
  lastError?: string;
}

/** What became of one attempt. */
export type OutboxResult<R> =
  | { status: 'sent'; result: R }
  /** The server never answered, or answered "try later": kept, retried later. */
  | { status: 'queued'; error: unknown }
  /** The server said no, and it would say so again (a 4xx): removed; tell the resident. */
  | { status: 'rejected'; error: unknown };

const DB_NAME = 'civic-widgets';
const STORE = 'outbox';

function openDb(): Promise<IDBDatabase> | undefined {
  let request: IDBOpenDBRequest;
  try {
    request = indexedDB.open(DB_NAME, 1);
  } catch {
    return undefined; // No IndexedDB (blocked storage, old private modes).
  }
  return new Promise((resolve, reject) => {
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'key' });
      store.createIndex('queue', 'queue');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('outbox database is blocked by another tab'));
  });
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * The outbox's storage: IndexedDB, so a queued submission survives a reload, a crash and the
 * end of the session (unlike a draft, it is the resident's report, not a convenience). Where
 * IndexedDB is unavailable it keeps entries in memory: retried while the page stays open.
 */
export class OutboxStore<T> {
  private static db?: Promise<IDBDatabase> | undefined;
  private static memory = new Map<string, OutboxEntry<unknown>>();

  constructor(readonly queue: string) {}

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore | undefined> {
    try {
      OutboxStore.db ??= openDb();
      const db = await OutboxStore.db;
      return db?.transaction(STORE, mode).objectStore(STORE);
    } catch {
      OutboxStore.db = undefined;
      return undefined;
    }
  }

  async list(): Promise<OutboxEntry<T>[]> {
    const store = await this.store('readonly');
    const entries = store
      ? ((await done(store.index('queue').getAll(this.queue))) as OutboxEntry<T>[])
      : ([...OutboxStore.memory.values()].filter((e) => e.queue === this.queue) as OutboxEntry<T>[]);
    return entries.sort((a, b) => a.createdAt - b.createdAt);
  }

  async get(key: string): Promise<OutboxEntry<T> | undefined> {
    const store = await this.store('readonly');
    if (!store) return OutboxStore.memory.get(key) as OutboxEntry<T> | undefined;
    return (await done(store.get(key))) as OutboxEntry<T> | undefined;
  }

  async put(entry: OutboxEntry<T>): Promise<void> {
    const store = await this.store('readwrite');
    if (store) await done(store.put(entry));
    else OutboxStore.memory.set(entry.key, entry);
  }

  async delete(key: string): Promise<void> {
    const store = await this.store('readwrite');
    if (store) await done(store.delete(key));
    else OutboxStore.memory.delete(key);
  }
}

/**
 * Whether the server's answer is final. A 4xx says the submission itself is wrong and will never
 * succeed — except 408 (timeout), 425 (too early) and 429 (rate limited), which ask us to try
 * again. No answer at all (offline, timeout) and 5xx are worth retrying.
 */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![408, 425, 429].includes(error.status);
}

export interface OutboxOptions<T, R> {
  /** The queue's name; every element with the same queue shares its entries. '' switches it off. */
  queue: () => string;
  /** Sends one entry: resolves with the server's answer, rejects with the client's typed error. */
  send: (entry: OutboxEntry<T>) => Promise<R>;
  /** An entry reached the server (now, or later from the queue). */
  onSent?: (entry: OutboxEntry<T>, result: R) => void;
  /** The server refused an entry for good; it has been removed. */
  onRejected?: (entry: OutboxEntry<T>, error: unknown) => void;
  /** Overrides which failures are final (default: `isPermanentFailure`). */
  isPermanent?: (error: unknown) => boolean;
  /** First retry delay; it doubles per attempt, with jitter. Default 5 s. */
  retryBaseMs?: number;
  /** Longest wait between retries. Default 5 minutes. */
  retryMaxMs?: number;
  /**
   * What an earlier visit left is sent when the host connects, or once this settles: a widget
   * whose first screen is on a slow phone's critical path passes "my first screen is drawn", so
   * opening IndexedDB (creating its store on a first visit) and sending do not compete with it.
   */
  sendLeftAfter?: () => Promise<unknown>;
}

/**
 * Submissions that wait for the network. `submit()` stores the entry first, then tries to send
 * it; an entry leaves the outbox only when the server has answered — with success, or with a
 * refusal that would never change (surfaced through `onRejected`). Otherwise it is retried when
 * the browser says it is back `online`, on the next page load, and on a backoff timer, always
 * with the same Idempotency-Key, so it is stored exactly once.
 *
 * @example
 * outbox = new OutboxController(this, {
 *   queue: () => `report:${this.endpoint}`,
 *   send: (e) => client.createRequest(e.payload, { idempotencyKey: e.key }),
 *   onSent: (e, created) => this.showConfirmation(created),
 * });
 */
export class OutboxController<T, R = unknown> implements ReactiveController {
  /** Entries of this queue still waiting (for rendering "1 report waiting to be sent"). */
  pending: OutboxEntry<T>[] = [];

  private store?: OutboxStore<T>;
  private inFlight = new Set<string>();
  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: OutboxOptions<T, R>,
  ) {
    host.addController(this);
  }

  private get current(): OutboxStore<T> | undefined {
    const queue = this.options.queue();
    if (!queue) return undefined;
    if (this.store?.queue !== queue) this.store = new OutboxStore<T>(queue);
    return this.store;
  }

  /**
   * Stores the submission under its Idempotency-Key and tries to send it now. Submitting the same
   * key again (a double click, a resubmit after a reload) reuses the stored entry.
   */
  async submit(key: string, payload: T): Promise<OutboxResult<R>> {
    const store = this.current;
    if (!store) throw new Error('OutboxController: no queue');
    const entry: OutboxEntry<T> = (await store.get(key)) ?? {
      key,
      queue: store.queue,
      payload,
      createdAt: Date.now(),
      attempts: 0,
      nextAttemptAt: 0,
    };
    entry.payload = payload;
    await store.put(entry);
    return this.attempt(entry);
  }

  /** Tries every entry that is due (or all of them with `force`, e.g. when back online). */
  async flush(force = false): Promise<void> {
    const store = this.current;
    if (!store) return;
    const entries = await store.list();
    const now = Date.now();
    for (const entry of entries) {
      if (force || entry.nextAttemptAt <= now) await this.attempt(entry);
    }
    await this.refresh();
  }

  private async attempt(entry: OutboxEntry<T>): Promise<OutboxResult<R>> {
    const store = this.current;
    if (!store) return { status: 'queued', error: new Error('no queue') };
    if (this.inFlight.has(entry.key)) return { status: 'queued', error: new Error('already sending') };
    this.inFlight.add(entry.key);
    try {
      return await this.withLock(entry.key, async () => {
        // Another tab may have sent it while we waited for the lock.
        if (!(await store.get(entry.key))) return { status: 'queued', error: new Error('sent elsewhere') } as const;
        let outcome: OutboxResult<R>;
        try {
          const result = await this.options.send(entry);
          await store.delete(entry.key);
          outcome = { status: 'sent', result };
          this.options.onSent?.(entry, result);
        } catch (error) {
          if ((this.options.isPermanent ?? isPermanentFailure)(error)) {
            await store.delete(entry.key);
            outcome = { status: 'rejected', error };
            this.options.onRejected?.(entry, error);
          } else {
            entry.attempts += 1;
            entry.lastError = String((error as Error)?.message ?? error).slice(0, 200);
            entry.nextAttemptAt = Date.now() + this.delay(entry.attempts, error);
            await store.put(entry);
            outcome = { status: 'queued', error };
          }
        }
        return outcome;
      });
    } finally {
      this.inFlight.delete(entry.key);
      await this.refresh();
    }
  }

  /** Web Locks keep two tabs of the same site from sending one entry at the same moment. */
  private async withLock<X>(key: string, run: () => Promise<X>): Promise<X> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return run();
    return locks.request(`civic-widgets:outbox:${key}`, run) as Promise<X>;
  }

  private delay(attempts: number, error: unknown): number {
    const base = this.options.retryBaseMs ?? 5_000;
    const max = this.options.retryMaxMs ?? 300_000;
    const asked = error instanceof ApiError ? error.retryAfterMs : undefined;
    const backoff = Math.min(max, base * 2 ** (attempts - 1));
    // Jitter, so a council's residents coming back online together do not all retry at once.
    return Math.max(asked ?? 0, backoff * (0.75 + Math.random() * 0.5));
  }

  /** Reloads `pending` and sets the timer for the next due entry. */
  private async refresh(): Promise<void> {
    const store = this.current;
    this.pending = store ? await store.list() : [];
    this.host.requestUpdate();
    clearTimeout(this.timer);
    if (!this.connected || !this.pending.length) return;
    const next = Math.min(...this.pending.map((e) => e.nextAttemptAt));
    this.timer = setTimeout(() => void this.flush(), Math.max(0, next - Date.now()));
  }

  private onOnline = () => void this.flush(true);

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('online', this.onOnline);
    // Entries left by an earlier visit (closed tab, crash, offline reload) go now (or once the
    // host's first screen is drawn), whatever their backoff said: a new page load is a good
    // moment to try.
    const after = this.options.sendLeftAfter?.();
    if (!after) return void this.flush(true);
    void after.then(() => {
      if (this.connected) void this.flush(true);
    });
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }
}
