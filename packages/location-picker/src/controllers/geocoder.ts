import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Geocoder, GeocoderConfig } from '../geocoders/index.js';

export interface GeocoderOptions {
  config(): Required<GeocoderConfig>;
  /** A read-only picker never searches, so it needs no geocoder. */
  readonly(): boolean;
  /** A misconfiguration to report loudly in the console. */
  onConfigError(message: string): void;
  onError(operation: string, message: string, cause: unknown): void;
}

/**
 * The address search service: its adapter module is a lazy chunk, loaded (and the adapter made)
 * through a Task whenever the geocoder attributes change. Also looks up the address at a point.
 */
export class GeocoderController implements ReactiveController {
  /** No address search is configured (known once the adapter module has loaded). */
  off = false;
  /** The search failed while the resident used it (fail()); cleared when the configuration changes. */
  failed = false;

  private reverseAbort?: AbortController;
  private readonly load: Task<readonly string[], Geocoder | null>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: GeocoderOptions,
  ) {
    host.addController(this);
    this.load = new Task(host, {
      args: () => Object.values(o.config()),
      task: async () => {
        const config = o.config();
        this.failed = false;
        const { createGeocoder } = await import('../geocoders/index.js');
        const made = createGeocoder(config);
        this.off = 'error' in made;
        if (!('error' in made)) return made;
        // No geocoder-url at all is a valid set-up (a plain Open311 server): residents describe
        // the place. A read-only picker never searches, so it needs no geocoder.
        if (!o.readonly() && (config.url || config.kind !== 'custom')) o.onConfigError(made.error);
        return null;
      },
    });
  }

  /** The search failed while the resident used it: from now on they describe the place. */
  fail(): void {
    this.failed = true;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.reverseAbort?.abort();
  }

  /** The adapter for the current attributes; null when there is none. */
  get ready(): Promise<Geocoder | null> {
    return this.load.taskComplete.then(
      (geocoder) => geocoder ?? null,
      () => null,
    );
  }

  /**
   * The address at a point, for a place chosen on the map or by location. A newer look-up
   * aborts this one (then: undefined); a failed one is told to the page and gives null.
   * Not a Task: it is one step of choosing a place, whose flow (the element's `takePoint`)
   * decides which choice is the latest.
   */
  async addressAt(geocoder: Geocoder, lat: number, lng: number, current: () => boolean, wait = 0): Promise<string | null | undefined> {
    this.reverseAbort?.abort();
    const abort = (this.reverseAbort = new AbortController());
    if (wait) await new Promise((r) => setTimeout(r, wait));
    if (!current()) return undefined;
    try {
      return (await geocoder.reverse(lat, lng, { signal: abort.signal }))?.label ?? null;
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return undefined;
      this.o.onError('reverse-geocode', (error as Error)?.message ?? 'reverse geocoding failed', error);
      return null;
    }
  }
}
