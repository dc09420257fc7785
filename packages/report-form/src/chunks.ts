import type { ReactiveControllerHost } from 'lit';
import { translationsReady, type CivicLocale } from '@civic-widgets/core';

type Pages = typeof import('./pages/flow-pages.js');

/**
 * What is downloaded when needed, to keep the first load small:
 * - `fields`: core's fields (radios, checkboxes, select, textarea, date), which the category's
 *   questions draw (the question pages themselves ride with the element);
 * - `pages`: the pages after the questions (where, photos, about you, check, …), with the fields;
 * - `picker`: the location picker, with its map code.
 * A download that failed (offline) is tried again the next time it is needed.
 */
export type FlowChunk = 'fields' | 'pages' | 'picker';

export class FlowChunks {
  /** The pages module, once downloaded. */
  pages?: Pages;
  #loaded = new Set<FlowChunk>();
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
  prefetch(what: FlowChunk): void {
    this.#start(what).catch(() => undefined);
  }

  /** Downloads `what` once; `show` puts "Loading…" (or a way to try again) in place of the page. */
  async load(what: FlowChunk, show = false): Promise<boolean> {
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

  /** Whether `what` is downloaded (the pages bring the fields with them). */
  has(what: FlowChunk): boolean {
    return this.#loaded.has(what);
  }

  #start(what: FlowChunk): Promise<unknown> {
    let p = this.#downloads.get(what);
    if (!p) {
      p = (
        what === 'fields'
          ? // core.js itself, not a module of ours that imports it: a page with `service-code`
            // preloads that file, and a wrapper would be one more round trip before the question.
            import('@civic-widgets/core/define')
          : what === 'pages'
            ? import('./pages/flow-pages.js').then((m) => {
                this.pages = m;
                this.#loaded.add('fields');
                this.onPages(m);
              })
            : // The picker's strings in the form's language come in a chunk of their own: wait for
              // them too, so the "where" page never draws the picker in English first.
              import('@civic-widgets/location-picker/define').then(() => translationsReady(this.host.locale))
      ).then(() => void this.#loaded.add(what));
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
