import type { ReactiveControllerHost } from 'lit';
import { translationsReady, type CivicLocale } from '@civic-widgets/core';

type Pages = typeof import('./pages/flow-pages.js');

/**
 * The pages after the first and the location picker (with its map code) are downloaded when
 * needed, to keep the first load small; both are fetched as soon as a category is chosen. A
 * download that failed (offline) is tried again the next time it is needed.
 */
export class FlowChunks {
  /** The pages module, once downloaded. */
  pages?: Pages;
  /** What a page waiting for its code shows: '' (nothing), "Loading…", or a way to try again. */
  state: '' | 'loading' | 'failed' = '';
  #downloads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly locale: CivicLocale },
    private readonly onPages: (module: Pages) => void,
    private readonly fail: (error: unknown) => void,
  ) {}

  #set(state: FlowChunks['state']): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /**
   * Starts downloading `what` ahead of need, saying nothing if it fails: the page that needs it
   * then loads it again (and says so).
   */
  prefetch(what: 'pages' | 'picker'): void {
    this.#start(what).catch(() => undefined);
  }

  /** Downloads `what` once; `show` puts "Loading…" (or a way to try again) in place of the page. */
  async load(what: 'pages' | 'picker', show = false): Promise<boolean> {
    const p = this.#start(what);
    if (show) this.#set('loading');
    try {
      await p;
      // A page the resident moved to while this loaded gets its heading focused once shown
      // (the element waits for it); a page shown on load or from a draft does not.
      if (show) this.#set('');
      return true;
    } catch (error) {
      this.fail(error);
      if (show) this.#set('failed');
      return false;
    }
  }

  #start(what: 'pages' | 'picker'): Promise<unknown> {
    let p = this.#downloads.get(what);
    if (!p) {
      p =
        what === 'pages'
          ? import('./pages/flow-pages.js').then((m) => {
              this.pages = m;
              this.onPages(m);
            })
          : // The picker's strings in the form's language come in a chunk of their own: wait for
            // them too, so the "where" page never draws the picker in English first.
            import('@civic-widgets/location-picker/define').then(() => translationsReady(this.host.locale));
      this.#downloads.set(what, p);
      p.catch(() => this.#downloads.delete(what));
    }
    return p;
  }

  /** "Try again": the page asks for its code again when it is next rendered. */
  retry(): void {
    this.#set('');
  }
}
