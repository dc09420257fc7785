/*
 * Browser Back and Forward move between the form's pages. Each page the resident moves to gets
 * a history entry at the same address (so the council's own router sees no navigation), tagged
 * with a key of ours beside whatever state the host page keeps there, which we copy unchanged.
 * A popstate carrying our tag for this form shows that page again; the answers stay as they are.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Our key in `history.state`: the host page's own keys are left alone. */
export const HISTORY_KEY = 'civicReportForm';

interface Entry {
  /** Which form on the page (several may share one page). */
  form: string;
  page: string;
}

export interface FormHistoryOptions {
  /** The form's identity, '' when history should be left alone (no endpoint yet). */
  id(): string;
  /** Browser Back or Forward reached an entry of this form's page. */
  onPop(page: string): void;
}

const ownState = (): Record<string, unknown> => {
  const state: unknown = history.state;
  return state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
};

export class FormHistoryController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: FormHistoryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** The resident moved from page `from` to page `to`: one history entry for `to`. */
  push(from: string, to: string): void {
    const form = this.options.id();
    if (!form || from === to) return;
    const state = ownState();
    // The entry the form started on gets our tag too, so Back can come back to its first page.
    if ((state[HISTORY_KEY] as Entry | undefined)?.form !== form) {
      history.replaceState({ ...state, [HISTORY_KEY]: { form, page: from } satisfies Entry }, '');
    }
    history.pushState({ ...ownState(), [HISTORY_KEY]: { form, page: to } satisfies Entry }, '');
  }

  private onPopState = (event: PopStateEvent) => {
    const entry = (event.state as Record<string, unknown> | null)?.[HISTORY_KEY] as Entry | undefined;
    if (entry && entry.form === this.options.id() && typeof entry.page === 'string') this.options.onPop(entry.page);
  };
}
