/*
 * The modules a view needs beyond the overview, fetched when it is shown: the question pages and
 * check answers (flow.ts), the results (results.ts), and the location picker for "pin a place"
 * questions. Each is a chunk of its own in the CDN build, so someone who only reads the overview
 * downloads none of them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicErrorEvent, translationsReady, type CivicLocale } from '@civic-widgets/core';

export type PickerState = 'idle' | 'loading' | 'ready' | 'failed';

export class LazyViewsController implements ReactiveController {
  /** The question pages and check answers, once loaded. */
  flow?: typeof import('./flow.js');
  /** The results view, once loaded. */
  results?: typeof import('./results.js');
  /** A view's module failed to load: the element shows the load error with "Try again". */
  failed = false;
  picker: PickerState = 'idle';
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly locale: CivicLocale },
    private readonly emit: (event: Event) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts fetching what the view needs, unless it is here or on its way. */
  need(view: 'flow' | 'results' | 'none', picker: boolean): void {
    if (!this.loading && !this.failed) {
      if (view === 'results' && !this.results) void this.load(() => import('./results.js'), (m) => (this.results = m));
      else if (view === 'flow' && !this.flow) void this.load(() => import('./flow.js'), (m) => (this.flow = m));
    }
    if (picker && this.picker === 'idle') void this.loadPicker();
  }

  retry(): void {
    this.failed = false;
    this.host.requestUpdate();
  }

  private async load<M>(load: () => Promise<M>, done: (module: M) => void): Promise<void> {
    this.loading = true;
    try {
      done(await load());
    } catch (error) {
      this.failed = true;
      this.emit(new CivicErrorEvent({ operation: 'load-view', message: String(error), cause: error }));
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  private async loadPicker(): Promise<void> {
    this.picker = 'loading';
    try {
      // Only pages with a "pin a place" question pay for the picker (and its map, which it loads lazily itself).
      await import('@civic-widgets/location-picker/define');
      // Its strings in the page's language come in a chunk of their own: wait for them, so the
      // picker never draws in English first.
      await translationsReady(this.host.locale);
      this.picker = customElements.get('civic-location-picker') ? 'ready' : 'failed';
    } catch (error) {
      this.picker = 'failed';
      this.emit(new CivicErrorEvent({ operation: 'load-location-picker', message: String(error), cause: error }));
    }
    this.host.requestUpdate();
  }
}
