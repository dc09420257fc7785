import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Never poll more often than this: a council's Open311 server is shared by every resident. */
export const MIN_POLL_SECONDS = 60;

export interface RefreshOptions {
  /** Fetches the latest data quietly (no loading state). */
  refresh: () => Promise<void>;
  /** Seconds between polls; 0 turns polling off (focus and visibility still refresh). */
  interval: () => number;
  /** Whether there is anything to refresh (e.g. a case is on screen and still open). */
  active: () => boolean;
}

/**
 * Keeps what the resident sees current without hammering the server: refreshes when the page
 * becomes visible again or the window regains focus, and polls no more than once a minute while
 * the page is visible. Hidden pages never poll.
 */
export class RefreshController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #lastTrigger = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: RefreshOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('focus', this.#onFocus);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('focus', this.#onFocus);
    this.stop();
  }

  /** (Re)starts the poll timer from now, e.g. after a fresh load. */
  schedule(): void {
    this.stop();
    const seconds = this.options.interval();
    if (!seconds || document.visibilityState === 'hidden' || !this.options.active()) return;
    this.#timer = setTimeout(() => void this.now(), Math.max(MIN_POLL_SECONDS, seconds) * 1000);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Refreshes now, unless a refresh is already under way. */
  now(): Promise<void> {
    if (!this.options.active()) return Promise.resolve();
    this.#running ??= this.options.refresh().finally(() => {
      this.#running = undefined;
      this.schedule();
    });
    return this.#running;
  }

  // Switching tabs fires both `focus` and `visibilitychange`: one refresh is enough.
  #soon(): void {
    if (Date.now() - this.#lastTrigger < 2000) return;
    this.#lastTrigger = Date.now();
    void this.now();
  }

  #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.stop();
    else this.#soon();
  };

  #onFocus = () => this.#soon();
}
