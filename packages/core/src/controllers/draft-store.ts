import type { ReactiveController, ReactiveControllerHost } from 'lit';

const prefix = 'civic-widgets:draft:';

/*
 * sessionStorage, not localStorage: a draft survives a reload or a crash of the tab, but not
 * the end of the browsing session — residents report from library and shared computers, and
 * the next person must not find their name and address filled in.
 */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // Blocked storage (privacy modes, sandboxed iframes): drafts are off.
  }
}

/** What a resident has typed so far, kept under one key until they submit. */
export class DraftStore<T> {
  constructor(
    readonly key: string,
    private readonly storage: Storage | undefined = sessionStore(),
  ) {}

  load(): T | undefined {
    try {
      const text = this.storage?.getItem(prefix + this.key);
      return text ? (JSON.parse(text) as { v: 1; data: T }).data : undefined;
    } catch {
      return undefined; // A corrupt draft is dropped rather than breaking the form.
    }
  }

  save(data: T): void {
    try {
      this.storage?.setItem(prefix + this.key, JSON.stringify({ v: 1, data }));
    } catch {
      // Quota exceeded: keep working; the draft is a convenience, not the record.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(prefix + this.key);
    } catch {
      /* storage unavailable */
    }
  }
}

/**
 * Saves a snapshot of the host's answers after each update (debounced), so typing survives a
 * reload; the host restores with `load()` on start and calls `clear()` after a successful submit.
 */
export class DraftController<T> implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private store?: DraftStore<T>;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The draft's key, e.g. `report:https://council.example/open311/v2`; '' switches drafts off. */
      key: () => string;
      /** The snapshot to keep; undefined means nothing worth keeping yet. */
      snapshot: () => T | undefined;
      delayMs?: number;
    },
  ) {
    host.addController(this);
  }

  private get current(): DraftStore<T> | undefined {
    const key = this.options.key();
    if (!key) return undefined;
    if (this.store?.key !== key) this.store = new DraftStore<T>(key);
    return this.store;
  }

  load(): T | undefined {
    return this.current?.load();
  }

  /** Saves now (e.g. on `pagehide`), skipping the debounce. */
  flush(): void {
    clearTimeout(this.timer);
    const snapshot = this.options.snapshot();
    if (snapshot !== undefined) this.current?.save(snapshot);
  }

  clear(): void {
    clearTimeout(this.timer);
    this.current?.clear();
  }

  private onPageHide = () => this.flush();

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('pagehide', this.onPageHide);
    this.flush();
  }

  hostUpdated(): void {
    // Saved once on removal; after that the element may still update (a load finishing) but its
    // answers are no longer the resident's: a form that replaced it under the same key (a
    // single-page app, the next test) would find this one's old answers in place of its own.
    if (!this.connected) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 300);
  }
}
