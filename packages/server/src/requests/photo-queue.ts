/**
 * At most `active` photos are decoded at once (each holds a decoded image in memory and keeps
 * libvips busy on every core); up to `waiting` more wait their turn, first come first served.
 * Past that the upload is refused at once (503 with Retry-After, requests/routes.ts) instead of
 * piling up until every client times out.
 */
export class PhotoQueueFull extends Error {
  constructor() {
    super('photo queue full');
  }
}

export interface PhotoLimits {
  /** Photos processed at once (default 2: this machine kind has 2 cores). */
  active: number;
  /** Photos waiting for a turn before new ones are refused (default 8). */
  waiting: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { active: 2, waiting: 8 };

export class PhotoQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limits: PhotoLimits = DEFAULT_PHOTO_LIMITS) {}

  /** Photos being processed and waiting now. */
  get load() {
    return { active: this.#running, waiting: this.#waiting.length };
  }

  /**
   * Takes a turn: resolves with a release function once a slot is free; throws PhotoQueueFull
   * when `waiting` photos already wait.
   */
  async acquire(): Promise<() => void> {
    if (this.#running >= this.limits.active) {
      if (this.#waiting.length >= this.limits.waiting) throw new PhotoQueueFull();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next photo; otherwise it is free again.
      if (next) next();
      else this.#running--;
    };
  }

  /** Runs `work` in a turn. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
