import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { GeocodeResult, Geocoder } from '../geocoders/types.js';
import type { AreaSet } from '../geo/boundary.js';

export interface AddressSearchOptions {
  geocoder(): Promise<Geocoder | null>;
  boundary(): Promise<AreaSet | null>;
  /** False for services whose usage policy forbids searching on every keystroke (Nominatim). */
  searchAsYouType(): boolean;
  onChoose(result: GeocodeResult): void;
  onError(error: unknown): void;
}

/**
 * The state and keyboard behaviour of the address combobox (ARIA 1.2 combobox pattern with a
 * listbox popup and aria-activedescendant): Down/Up move and wrap, Enter chooses (or searches
 * at once), Escape closes, Tab moves on and never picks a suggestion. The element renders it.
 * A search is not a Task: it is the resident's action, not something the widget loads; its
 * debounce, its status words and Escape or Tab cancelling it are the combobox's behaviour, and
 * its AbortController already keeps only the latest answer.
 */
export class AddressSearchController implements ReactiveController {
  query = '';
  results: GeocodeResult[] = [];
  open = false;
  active = -1;
  /** What the polite status region says: searching, how many found, none, failed. */
  status = '';

  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;
  /** The status says "Searching…" (a flag, not a comparison with the text: the language may change meanwhile). */
  private searching = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AddressSearchOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  private set(patch: Partial<Pick<AddressSearchController, 'query' | 'results' | 'open' | 'active' | 'status'>>): void {
    if (patch.status !== undefined) this.searching = false;
    // Only a change redraws: closing an already closed list happens on every focusout, including
    // the one a render fires when it removes the focused element, and a request then would
    // schedule a second, needless render straight after the first.
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((key) => this[key] !== patch[key]);
    if (!changed) return;
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  setQuery(query: string): void {
    this.set({ query });
  }

  /**
   * Closes the list and drops a search still waiting or on its way: its answer arriving after
   * Escape or Tab would open the list again under a resident who has moved on.
   */
  close(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.set({ open: false, active: -1, ...(this.searching ? { status: '' } : {}) });
  }

  readonly onInput = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value;
    this.set({ query, active: -1 });
    clearTimeout(this.timer);
    if (this.options.searchAsYouType() && query.trim().length >= 3) {
      this.timer = setTimeout(() => void this.search(), 300);
    } else if (!query.trim()) {
      this.set({ open: false, status: '' });
    }
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        this.set({ open: true, active: (this.active + 1) % count });
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        this.set({ open: true, active: this.active <= 0 ? count - 1 : this.active - 1 });
        break;
      case 'Enter':
        // Enter inside our shadow root never submits the page's form; it chooses or searches.
        event.preventDefault();
        if (this.open && this.active >= 0) this.choose(this.results[this.active]);
        else void this.search();
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        }
        break;
      case 'Tab':
        // Tab moves on; it never picks a suggestion for the resident.
        this.close();
        break;
    }
  };

  choose(result: GeocodeResult): void {
    this.set({ query: result.label, open: false, active: -1, status: '' });
    this.options.onChoose(result);
  }

  async search(): Promise<void> {
    clearTimeout(this.timer);
    const text = this.query.trim();
    if (!text) {
      this.set({ status: msg('Enter an address or postcode to search for', { id: 'picker.enterQuery' }) });
      return;
    }
    const geocoder = await this.options.geocoder();
    if (!geocoder) {
      this.set({ status: msg('Address search is not available. Choose a point on the map.', { id: 'picker.noGeocoder' }) });
      return;
    }
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.set({ status: msg('Searching…', { id: 'picker.searching' }) });
    this.searching = true;
    try {
      const boundary = await this.options.boundary();
      const found = await geocoder.search(text, { signal: abort.signal, bounds: boundary?.bounds });
      if (abort.signal.aborted) return;
      // Results inside the council's area first, each group in the service's own order.
      const outside = (r: GeocodeResult) => Number(!boundary!.judge(r.lat, r.lng).inside);
      const results = boundary ? [...found].sort((a, b) => outside(a) - outside(b)) : found;
      this.set({
        results,
        open: results.length > 0,
        active: -1,
        status: results.length
          ? results.length === 1
            ? msg('1 address found. Use the down arrow key to choose it, then press Enter.', { id: 'picker.oneFound' })
            : msg(str`${results.length} addresses found. Use the up and down arrow keys to choose one, then press Enter.`, { id: 'picker.manyFound' })
          : msg(str`No addresses found for “${text}”. Check the spelling, search for a postcode, or describe where it is instead.`, { id: 'picker.noneFound' }),
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      this.set({
        results: [],
        open: false,
        active: -1,
        status: msg('Address search is not working at the moment. Try again, or choose a point on the map.', { id: 'picker.searchFailed' }),
      });
      this.options.onError(error);
    }
  }
}
