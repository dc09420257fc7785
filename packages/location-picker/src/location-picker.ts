import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  baseStyles,
  buttonStyles,
  CivicErrorEvent,
  CivicFormField,
  fieldStyles,
  requiredValidator,
  safeHref,
  type Validator,
} from '@civic-widgets/core';
import './i18n.js';
import { styles } from './location-picker.styles.js';
import type { GeocodeResult, Geocoder, GeocoderKind } from './geocoders/index.js';
import type { AreaSet } from './geo/boundary.js';
import type { Direction } from './geo/distance.js';
import type { Open311Request } from './geo/features.js';
import { hasPoint, parseValue, toFormData, type FormValueMode, type LocationValue } from './location-value.js';
import { CivicLocationChangeEvent } from './events/location-change.js';
import { CivicReportSelectEvent } from './events/report-select.js';
import { AddressSearchController } from './controllers/address-search.js';
import { MapController, type MapAssets } from './controllers/map-controller.js';

interface Rejection {
  message: string;
  /** The neighbour's page, from the boundary file: http(s) only (safeHref). */
  url?: string;
  name?: string;
}

const STEP_METRES = 50;
/** How close the pin must be to an asset for Enter to choose it. */
const ASSET_REACH_METRES = 25;
const SMALL_STEP_METRES = 10;
/** The keyboard list of assets: this many, within this distance of the chosen place. */
const ASSET_LIST_COUNT = 5;
const ASSET_LIST_METRES = 150;

/**
 * @summary Lets a resident pinpoint a place: address or postcode search, a map with a pin they
 * can move by pointer or keyboard, and "Use my location". Form-associated.
 * @tag civic-location-picker
 * @event civic-location-change - The resident chose a place; detail `{ lat, lng, address, area, assetId? }`.
 * @event civic-report-select - The resident chose an existing report on the map; detail `{ serviceRequestId }`.
 * @event civic-error - A map, search or data request failed (the resident sees a message).
 * @event change - The value changed by the resident's action.
 * @csspart input - The address search input.
 * @csspart listbox - The list of suggestions.
 * @csspart map - The map (focusable; arrow keys move the pin).
 * @csspart notice - A message about the chosen place (outside the area, location denied, map failed).
 * @csspart chosen - The sentence naming the chosen place.
 * @csspart asset-list - The radios listing the nearest assets (street lights…), for keyboard and screen-reader users.
 * @cssprop --civic-location-picker-height - Height of the map (default 22rem).
 * @cssprop --civic-location-picker-search-width - Widest the search box grows (default 30rem).
 */
export class CivicLocationPicker extends CivicFormField<LocationValue | null> {
  static override styles = [baseStyles, fieldStyles, buttonStyles, styles];

  /** The chosen place, or null. Setting it moves the pin (e.g. restoring a draft). */
  @property({ attribute: false }) value: LocationValue | null = null;

  /** Address search service: `custom` (a gazetteer answering docs/gazetteer.md), `postcodes-io`, `nominatim` or `os-places`. */
  @property() geocoder: GeocoderKind = 'custom';
  /** Shows the place without letting anyone change it (e.g. a case tracker's small map); not validated. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The geocoder's URL: a base or `{query}` template for `custom`; overrides the public URL of the others. */
  @property({ attribute: 'geocoder-url' }) geocoderUrl = '';
  /** Reverse-geocoding URL for `custom` (a base or `{lat}`/`{lng}` template); defaults to `<geocoder-url>/reverse`. */
  @property({ attribute: 'reverse-url' }) reverseUrl = '';
  /** API key for `os-places` (an OS Data Hub key restricted to the council's site). */
  @property({ attribute: 'geocoder-key' }) geocoderKey = '';
  /** MapLibre style URL (vector or raster). Without it there is no map: search is the whole route. */
  @property({ attribute: 'map-style' }) mapStyle = '';
  /** `off` hides the map even when a style is set. */
  @property() map: 'on' | 'off' = 'on';
  /** Initial centre as `lat,lng` when there is no boundary to frame. */
  @property() center = '';
  /** Initial zoom with `center`. */
  @property({ type: Number }) zoom = 15;
  /** The council's boundary GeoJSON (`role: council` / `neighbour` polygons): points outside are refused. */
  @property({ attribute: 'boundary-src' }) boundarySrc = '';
  /** Area polygons (e.g. parishes) whose `name` becomes the value's `area`. */
  @property({ attribute: 'areas-src' }) areasSrc = '';
  /** Open311 `GET requests` URL (JSON) of existing reports to show as clustered points. */
  @property({ attribute: 'reports-src' }) reportsSrc = '';
  /** Existing reports (Open311 request objects), set by a parent such as `<civic-report-form>`. */
  @property({ attribute: false }) reports: readonly Open311Request[] | null = null;
  /** GeoJSON URL of assets (Points) a resident can choose, e.g. street lights. */
  @property({ attribute: 'assets-src' }) assetsSrc = '';
  /** The asset property holding its id; default the feature's `id`. */
  @property({ attribute: 'asset-id-property' }) assetIdProperty = '';
  /** What the assets are, for people ("Street lights"): names the list of the nearest ones. */
  @property({ attribute: 'assets-label' }) assetsLabel = '';
  /** How the value is submitted in a form: `fields` (default), `json` or `open311`. See docs/location-picker.md. */
  @property({ attribute: 'form-value' }) formValue: FormValueMode = 'fields';
  /** Where MapLibre's worker script is served, when a build cannot bundle it (CDN, strict CSP). */
  @property({ attribute: 'worker-url' }) workerUrl = '';
  /** MapLibre's worker URL and CSS for builds without `?url`/`?inline` imports (e.g. web-test-runner). */
  @property({ attribute: false }) mapAssets: MapAssets | null = null;
  /** The Geolocation API to use; `navigator.geolocation` by default, null to hide "Use my location". */
  @property({ attribute: false }) geolocation: Geolocation | null =
    typeof navigator !== 'undefined' && 'geolocation' in navigator ? navigator.geolocation : null;

  @state() private rejection: Rejection | null = null;
  @state() private notice = '';
  @state() private locating = false;
  @state() private announcement = '';
  /**
   * Where the list of nearby assets is measured from: the place chosen other than from the list,
   * so choosing from it keeps its order (else the value's point).
   */
  @state() private assetAnchor: { lat: number; lng: number } | null = null;
  /** The resident said "I can't find it on the map". */
  @state() private assetNotFound = false;
  /** No address search is configured (resolved once the geocoder module has loaded). */
  @state() private searchOff = false;
  /** The address search failed while the resident used it. */
  @state() private searchFailed = false;

  @query('input') private input?: HTMLInputElement;
  @query('.map-canvas') private mapCanvas?: HTMLElement;

  // Geocoders and boundary maths load after first paint (dynamic imports), like the map.
  private geocoderReady: Promise<Geocoder | null> = Promise.resolve(null);
  private boundary: Promise<AreaSet | null> = Promise.resolve(null);
  private areas: Promise<AreaSet | null> = Promise.resolve(null);
  private readonly search = new AddressSearchController(this, {
    geocoder: () => this.geocoderReady,
    boundary: () => this.boundary,
    // Nominatim's usage policy forbids search-as-you-type: it searches on Enter or the button.
    searchAsYouType: () => this.geocoder !== 'nominatim',
    onChoose: (result) => this.chooseResult(result),
    onError: (error) => {
      // From now on the resident types the address or describes the place (what they typed stays).
      // The describe box replaces the search box, so if the resident is still typing (a search
      // failing mid-word on a slow phone), focus moves to the new box with the caret at the end:
      // otherwise the next keystrokes would go to the page and be lost.
      const typing = this.shadowRoot?.activeElement === this.textInput();
      this.searchFailed = true;
      this.describe(this.search.query);
      if (typing) void this.updateComplete.then(() => this.focusTextInputAtEnd());
      this.emit(new CivicErrorEvent({ operation: 'lookup', message: (error as Error)?.message ?? 'search failed', cause: error }));
    },
  });
  private reverseAbort?: AbortController;
  private sequence = 0;
  private readonly mapController = new MapController(this, {
    container: () => this.mapCanvas,
    settings: () => ({
      style: this.mapStyle,
      workerUrl: this.workerUrl,
      assets: this.mapAssets,
      center: parseCenter(this.center),
      zoom: this.zoom,
      reports: this.reports,
      reportsSrc: this.reportsSrc,
      assetsSrc: this.assetsSrc,
      assetIdProperty: this.assetIdProperty,
      readonly: this.readonly,
    }),
    boundary: () => this.boundary,
    pin: () => (hasPoint(this.value) ? this.value : null),
    pinLabel: () => msg('Chosen location', { id: 'picker.pin' }),
    onPick: (lat, lng) => void this.choosePoint(lat, lng, { source: 'map' }),
    onReportSelect: (id) => this.emit(new CivicReportSelectEvent({ serviceRequestId: id })),
    onAssetSelect: (id, lat, lng) => void this.choosePoint(lat, lng, { source: 'map', assetId: id }),
    onError: (operation, message, cause) => this.emit(new CivicErrorEvent({ operation, message, cause })),
  });

  /**
   * Whether the resident types the address or describes the place in words: there is no
   * address search (none configured, or it failed). "Use my location" and the map still work.
   */
  get describing(): boolean {
    return !this.readonly && (this.searchOff || this.searchFailed);
  }

  /** Resolves once the map has loaded and drawn (never, if there is no map). For tests and parents. */
  get mapReady(): Promise<void> {
    return this.mapController.ready;
  }

  private get view() {
    return this.mapController.view;
  }

  protected get validators(): readonly Validator<LocationValue | null>[] {
    // A read-only field is barred from constraint validation, as a native readonly input is.
    return this.readonly ? [] : [requiredValidator(() => msg('Enter a location or choose a point on the map', { id: 'picker.required' }))];
  }

  protected toFormValue(value: LocationValue | null): string | FormData | null {
    return toFormData(value, this.name, this.formValue);
  }

  protected override stateFor(value: LocationValue | null): string | null {
    return value ? JSON.stringify(value) : null;
  }

  protected get validationAnchor() {
    return this.input;
  }

  protected restoreFormState(state: string | FormData | null): void {
    const value = parseValue(state);
    if (value) {
      this.value = value;
      this.search.setQuery(value.address ?? '');
    }
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.search.setQuery(this.value?.address ?? '');
    this.search.close();
    this.rejection = null;
    this.notice = '';
    this.assetAnchor = null;
    this.assetNotFound = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reverseAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('geocoder') || changed.has('geocoderUrl') || changed.has('reverseUrl') || changed.has('geocoderKey')) {
      const config = { kind: this.geocoder, url: this.geocoderUrl, reverseUrl: this.reverseUrl, key: this.geocoderKey };
      this.searchFailed = false;
      this.geocoderReady = import('./geocoders/index.js').then(({ createGeocoder }) => {
        const made = createGeocoder(config);
        this.searchOff = 'error' in made;
        if (!('error' in made)) return made;
        // No geocoder-url at all is a valid set-up (a plain Open311 server): residents describe
        // the place. A read-only picker never searches, so it needs no geocoder.
        if (!this.readonly && (config.url || config.kind !== 'custom')) this.configError(made.error);
        return null;
      });
    }
    if (changed.has('boundarySrc')) this.boundary = this.loadAreas(this.boundarySrc, 'boundary');
    if (changed.has('areasSrc')) this.areas = this.loadAreas(this.areasSrc, 'areas');
    if (changed.has('mapStyle') || changed.has('map')) this.mapController.setWanted(Boolean(this.mapStyle) && this.map !== 'off');
    if (changed.has('value') && this.value && !this.search.query) this.search.setQuery(this.value.address ?? '');
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value')) this.view?.setPin(hasPoint(this.value) ? this.value : null);
    if ((changed.has('reports') || changed.has('reportsSrc')) && this.view) void this.mapController.showReports();
    if ((changed.has('assetsSrc') || changed.has('assetIdProperty')) && this.view) void this.mapController.showAssets();
  }

  // ---------- data ----------

  private async loadAreas(url: string, what: string): Promise<AreaSet | null> {
    if (!url) return null;
    try {
      const [response, { toAreaSet }] = await Promise.all([fetch(url), import('./geo/boundary.js')]);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return toAreaSet(await response.json());
    } catch (error) {
      // Without the boundary we cannot check points; say so to the page, accept points.
      this.emit(new CivicErrorEvent({ operation: `load-${what}`, message: `could not load ${what} GeoJSON`, cause: error }));
      return null;
    }
  }

  // ---------- the map ----------

  private onMapKeydown(event: KeyboardEvent): void {
    const directions: Record<string, Direction> = { ArrowUp: 'north', ArrowDown: 'south', ArrowLeft: 'west', ArrowRight: 'east' };
    const direction = directions[event.key];
    if (direction && this.view) {
      event.preventDefault();
      const metres = event.shiftKey ? SMALL_STEP_METRES : STEP_METRES;
      const point = hasPoint(this.value) ? this.value : null;
      const from = point ?? this.view.center();
      const to = point ? this.view.step(from, metres, direction) : from;
      void this.choosePoint(to.lat, to.lng, { source: 'keyboard', move: point ? { metres, direction } : undefined });
    } else if (event.key === 'Enter' && this.view && hasPoint(this.value)) {
      const asset = this.view.nearestAsset(this.value, ASSET_REACH_METRES);
      if (asset && asset.id !== this.value.assetId) {
        event.preventDefault();
        void this.choosePoint(asset.lat, asset.lng, { source: 'map', assetId: asset.id });
      }
    } else if ((event.key === '+' || event.key === '=') && this.view) {
      event.preventDefault();
      this.view.zoomBy(1);
    } else if (event.key === '-' && this.view) {
      event.preventDefault();
      this.view.zoomBy(-1);
    }
  }

  // ---------- choosing a place ----------

  /**
   * Sets the point if it is inside the council's area, then fills the address by reverse
   * geocoding (unless a search result gave it) and tells the page once the address is known.
   */
  /**
   * Settles once the latest place chosen is taken in: checked against the boundary, its area
   * found and, for a point, its address looked up. A form's Continue waits for it, so a resident
   * who presses Continue straight after choosing (or on a slow connection) is not told to choose.
   */
  get settled(): Promise<void> {
    return this.choosing;
  }

  private choosing: Promise<void> = Promise.resolve();

  private choosePoint(...args: Parameters<CivicLocationPicker['takePoint']>): Promise<void> {
    const taken = this.takePoint(...args);
    this.choosing = taken.catch(() => undefined);
    return taken;
  }

  private async takePoint(
    lat: number,
    lng: number,
    options: {
      source: 'search' | 'map' | 'keyboard' | 'geolocation';
      address?: string;
      assetId?: string;
      move?: { metres: number; direction: Direction };
      /** Chosen from the list of nearby assets: the list keeps its place (and its order). */
      fromList?: boolean;
    },
  ): Promise<void> {
    if (this.readonly || this.disabled) return;
    const sequence = ++this.sequence;
    const boundary = await this.boundary;
    if (boundary) {
      const verdict = boundary.judge(lat, lng);
      if (!verdict.inside) {
        const council = boundary.councilName;
        this.rejection = verdict.neighbour
          ? { message: verdict.neighbour.message || msg(str`This location is in ${verdict.neighbour.name}.`, { id: 'picker.inNeighbour' }), url: safeHref(verdict.neighbour.url), name: verdict.neighbour.name }
          : { message: council ? msg(str`This location is outside ${council}. Choose a place inside the area.`, { id: 'picker.outsideNamed' }) : msg('This location is outside the area we look after. Choose a place inside the area.', { id: 'picker.outside' }) };
        this.announce(this.rejection.message);
        // The pin stays where it was (or goes back there after a drag).
        this.view?.setPin(hasPoint(this.value) ? this.value : null);
        return;
      }
    }
    this.rejection = null;
    this.notice = '';
    if (!options.fromList) {
      this.assetAnchor = { lat, lng };
      this.assetNotFound = false;
    }
    const areas = await this.areas;
    // The most specific area we know: a parish from areas-src, else the council.
    const area = areas?.nameAt(lat, lng) ?? boundary?.councilName ?? null;
    // Words the resident typed to describe the place stay with the point found for it.
    const words = this.describing ? this.search.query.trim() || null : null;
    this.value = { lat, lng, address: options.address ?? words, area, ...(options.assetId ? { assetId: options.assetId } : {}) };
    this.showError = false;
    if (options.source === 'geolocation') this.view?.flyTo({ lat, lng });

    const geocoder = await this.geocoderReady;
    if (options.address == null && geocoder && !words) {
      this.reverseAbort?.abort();
      const abort = (this.reverseAbort = new AbortController());
      // Keyboard moves come in bursts: look the address up once the pin rests.
      if (options.source === 'keyboard') await new Promise((r) => setTimeout(r, 250));
      if (sequence !== this.sequence) return;
      let found: GeocodeResult | null = null;
      try {
        found = await geocoder.reverse(lat, lng, { signal: abort.signal });
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return;
        this.emit(new CivicErrorEvent({ operation: 'reverse-geocode', message: (error as Error)?.message ?? 'reverse geocoding failed', cause: error }));
      }
      if (sequence !== this.sequence) return;
      this.value = { ...this.value, address: found?.label ?? null };
      this.search.setQuery(found?.label ?? '');
    }
    if (sequence !== this.sequence) return;
    this.announce(this.describeChoice(options.move));
    this.emit(new CivicLocationChangeEvent({ ...this.value! }));
    this.dispatchChange();
  }

  /** Describing the place in words: what was typed is the value (with a point, if one was chosen). */
  private describe(text: string): void {
    const words = text.trim() || null;
    const point = hasPoint(this.value) ? this.value : null;
    this.value = point ? { ...point, address: words } : words ? { lat: null, lng: null, address: words, area: null } : null;
    if (words) this.showError = false;
    if (this.value) this.emit(new CivicLocationChangeEvent({ ...this.value }));
    this.dispatchChange();
  }

  /** The one text box: the address search, or the describe box when there is no search. */
  private textInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(`${this.fieldId}-input`)}`);
  }

  private focusTextInputAtEnd(): void {
    const input = this.textInput();
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  private onDescribeInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.search.setQuery(text);
    this.describe(text);
  }

  private describeChoice(move?: { metres: number; direction: Direction }): string {
    const value = this.value as LocationValue & { lat: number; lng: number };
    const where = value.address
      ? msg(str`Near ${value.address}.`, { id: 'picker.near' })
      : msg('No address found near this point.', { id: 'picker.noAddressNear' });
    const asset = value.assetId
      ? msg(str`${value.assetId} chosen.`, { id: 'picker.assetChosen' })
      : this.nearbyAssetHint(value);
    if (!move) return [msg('Location chosen.', { id: 'picker.chosen' }), asset, where].filter(Boolean).join(' ');
    const words: Record<Direction, string> = {
      north: msg('north', { id: 'picker.north' }),
      south: msg('south', { id: 'picker.south' }),
      east: msg('east', { id: 'picker.east' }),
      west: msg('west', { id: 'picker.west' }),
    };
    return [msg(str`Pin moved ${move.metres} metres ${words[move.direction]}.`, { id: 'picker.moved' }), where, asset].filter(Boolean).join(' ');
  }

  /** "SL-0102 is 12 metres away. Press Enter to choose it." when the pin is near an asset. */
  private nearbyAssetHint(point: { lat: number; lng: number }): string {
    const asset = this.view?.nearestAsset(point, ASSET_REACH_METRES);
    if (!asset) return '';
    const metres = Math.round(asset.metres);
    return msg(str`${asset.id} is ${metres} metres away. Press Enter to choose it.`, { id: 'picker.assetNear' });
  }

  private announce(text: string): void {
    // Re-set even when the text repeats, so screen readers read it again.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---------- address search (ARIA 1.2 combobox) ----------

  private get listboxId() {
    return `${this.fieldId}-listbox`;
  }
  private optionId(index: number) {
    return `${this.fieldId}-option-${index}`;
  }

  private chooseResult(result: GeocodeResult): void {
    void this.choosePoint(result.lat, result.lng, { source: 'search', address: result.label }).then(() => {
      if (this.value?.lat === result.lat && this.value.lng === result.lng) this.view?.flyTo(result);
    });
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.querySelector('.combobox')?.contains(next)) this.search.close();
  }

  // ---------- use my location ----------

  private useMyLocation(): void {
    const geolocation = this.geolocation;
    if (!geolocation) return;
    this.locating = true;
    this.notice = '';
    this.announce(msg('Finding your location…', { id: 'picker.locating' }));
    geolocation.getCurrentPosition(
      (position) => {
        this.locating = false;
        void this.choosePoint(position.coords.latitude, position.coords.longitude, { source: 'geolocation' });
      },
      (error) => {
        this.locating = false;
        this.notice =
          error.code === 1
            ? msg('You have not allowed this page to use your location. Search for an address or postcode instead, or allow location in your browser settings.', { id: 'picker.geoDenied' })
            : error.code === 3
              ? msg('Finding your location took too long. Try again, or search for an address or postcode.', { id: 'picker.geoTimeout' })
              : msg('Your location could not be found. Search for an address or postcode instead.', { id: 'picker.geoUnavailable' });
        this.announce(this.notice);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  // ---------- render ----------

  override render() {
    if (this.readonly) {
      return html`<div part="form-group" class="form-group">
        ${this.label ? html`<p part="label" class="label">${this.label}</p>` : nothing}
        ${this.value ? this.renderChosen() : nothing} ${this.renderMap()}
      </div>`;
    }
    const inputId = `${this.fieldId}-input`;
    const statusId = `${this.fieldId}-status`;
    // One fieldset whichever text box it holds: switching to the describe box (the search failed)
    // must not re-create the map's container, or MapLibre would keep drawing into a detached one.
    return this.renderGroup(html`
      <fieldset aria-describedby=${ifDefined(this.describedBy)}>
        ${this.label ? this.renderLegend() : nothing} ${this.renderHint()} ${this.renderError()}
        ${this.describing ? this.renderDescribe(inputId, statusId) : this.renderSearch(inputId, statusId)}
        ${this.renderLocateAndMap()}
      </fieldset>
    `);
  }

  /** The address search: an ARIA 1.2 combobox and its Search button. */
  private renderSearch(inputId: string, statusId: string) {
    const { open, active, results, query, status } = this.search;
    const activeId = open && active >= 0 ? this.optionId(active) : undefined;
    return html`
        <label class="label" for=${inputId}>${msg('Address or postcode', { id: 'picker.searchLabel' })}</label>
        <div class="search">
          <div class="combobox" @focusout=${this.onFocusOut}>
            <input
              part="input"
              class="input ${this.visibleError ? 'input--error' : ''}"
              id=${inputId}
              type="text"
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              aria-autocomplete="list"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${this.listboxId}
              aria-activedescendant=${ifDefined(activeId)}
              aria-describedby=${statusId}
              aria-invalid=${this.visibleError ? 'true' : 'false'}
              .value=${live(query)}
              ?disabled=${this.disabled}
              @input=${this.search.onInput}
              @keydown=${this.search.onKeydown}
            />
            <ul part="listbox" class="listbox" id=${this.listboxId} role="listbox" aria-label=${msg('Addresses', { id: 'picker.listLabel' })} ?hidden=${!open}>
              ${open
                ? results.map(
                    (result, i) => html`<li
                      class="option"
                      id=${this.optionId(i)}
                      role="option"
                      aria-selected=${i === active ? 'true' : 'false'}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => this.search.choose(result)}
                    >
                      ${result.label}
                    </li>`,
                  )
                : nothing}
            </ul>
          </div>
          <button type="button" class="button button--secondary" ?disabled=${this.disabled} @click=${() => { void this.search.search(); this.input?.focus(); }}>
            ${msg('Search', { id: 'picker.search' })}
          </button>
        </div>
        <p class="message" id=${statusId} role="status">${status}</p>
    `;
  }

  /** "Use my location", messages about the place, the chosen place and the map. */
  private renderLocateAndMap() {
    return html`
        ${this.geolocation
          ? html`<div class="actions">
              <button type="button" class="link-button" ?disabled=${this.disabled || this.locating} @click=${this.useMyLocation}>
                ${this.locating ? msg('Finding your location…', { id: 'picker.locating' }) : msg('Use my location', { id: 'picker.useLocation' })}
              </button>
            </div>`
          : nothing}
        ${this.rejection
          ? html`<div part="notice" class="notice">
              <p>${this.rejection.message}</p>
              ${this.rejection.url ? html`<p><a href=${this.rejection.url}>${msg(str`Go to ${this.rejection.name ?? this.rejection.url}`, { id: 'picker.goToNeighbour' })}</a></p>` : nothing}
            </div>`
          : nothing}
        ${this.notice ? html`<div part="notice" class="notice">${this.notice}</div>` : nothing}
        ${this.value ? this.renderChosen() : nothing} ${this.renderMap()} ${this.renderAssetList()}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /**
   * No address search: one text box for the address or a description of the place (sent as
   * Open311's address_string), plus "Use my location" and the map when there is one.
   */
  private renderDescribe(inputId: string, statusId: string) {
    const hintId = `${this.fieldId}-words-hint`;
    return html`
        <label class="label" for=${inputId}>${msg('Address, or a description of the place', { id: 'picker.describeLabel' })}</label>
        <p class="hint" id=${hintId}>${msg('For example, 12 High Street, or the footpath behind the library.', { id: 'picker.describeHint' })}</p>
        <input
          part="input"
          class="input ${this.visibleError ? 'input--error' : ''}"
          id=${inputId}
          type="text"
          autocomplete="street-address"
          maxlength="300"
          aria-describedby="${hintId} ${statusId}"
          aria-invalid=${this.visibleError ? 'true' : 'false'}
          .value=${live(this.search.query)}
          ?disabled=${this.disabled}
          @input=${this.onDescribeInput}
        />
        <p class="message" id=${statusId} role="status">${this.searchFailed
          ? msg('Address search is not working at the moment. Type the address or describe the place instead.', { id: 'picker.searchFailedWords' })
          : ''}</p>
    `;
  }

  /** The nearest assets as radios, once they are on the map (map/asset-list.ts, loaded with it). */
  private renderAssetList() {
    const list = this.mapController.assetList;
    const view = this.view;
    if (!list || !view || !hasPoint(this.value)) return nothing;
    const assets = view.nearestAssets(this.assetAnchor ?? this.value, ASSET_LIST_COUNT, ASSET_LIST_METRES);
    if (!assets.length) return nothing;
    return list.renderAssetList({
      assets,
      name: this.assetsLabel,
      chosen: this.value.assetId ?? '',
      notFound: this.assetNotFound,
      disabled: this.disabled,
      onChoose: (asset) => {
        if (asset) void this.choosePoint(asset.lat, asset.lng, { source: 'map', assetId: asset.id, fromList: true });
        else this.cannotFindAsset();
      },
    });
  }

  /** "I can't find it on the map": the place stays, only the asset goes (the report still goes). */
  private cannotFindAsset(): void {
    if (!this.value) return;
    this.assetNotFound = true;
    const { assetId: _gone, ...place } = this.value;
    this.value = place;
    this.announce(msg('You said you cannot find it on the map. The place you chose is kept.', { id: 'picker.assetNone' }));
    this.emit(new CivicLocationChangeEvent({ ...place }));
    this.dispatchChange();
  }

  private renderChosen() {
    const value = this.value!;
    // A place described in words is already in the text box.
    if (!hasPoint(value)) return nothing;
    const place = value.address ?? msg(str`the point at ${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}`, { id: 'picker.point' });
    const label = this.readonly ? msg('Location:', { id: 'picker.locationLabel' }) : msg('Chosen location:', { id: 'picker.chosenLabel' });
    return html`<p part="chosen" class="chosen">${label} <strong>${place}</strong></p>`;
  }

  private renderMap() {
    const state = this.mapController.state;
    if (state === 'off') return nothing;
    if (state === 'failed') {
      return html`<div part="notice" class="notice notice--info" data-map="failed">
        ${msg('The map could not be shown. You can still search for an address or postcode, or use your location.', { id: 'picker.mapFailed' })}
      </div>`;
    }
    if (this.readonly) {
      return html`<div part="map" class="map" data-map=${state} role="img" aria-label=${msg('Map of the location', { id: 'picker.readonlyMap' })}>
        <div class="map-canvas"></div>
      </div>`;
    }
    return html`<div
        part="map"
        class="map"
        data-map=${state}
        tabindex=${state === 'ready' && !this.disabled ? '0' : '-1'}
        role="application"
        aria-roledescription=${msg('map', { id: 'picker.map' })}
        aria-label=${msg('Map. Use the arrow keys to move the pin, hold Shift for smaller steps, plus and minus to zoom.', { id: 'picker.mapLabel' })}
        aria-busy=${state === 'ready' ? 'false' : 'true'}
        @keydown=${this.onMapKeydown}
      >
        <div class="map-canvas"></div>
      </div>
      <p class="map-help">
        ${msg('Click or tap the map to drop the pin, or drag it.', { id: 'picker.mapHelp' })}
        ${this.reports?.length || this.reportsSrc ? msg('Orange circles are problems already reported: choose one to see it.', { id: 'picker.reportsKey' }) : nothing}
        ${this.assetsSrc ? msg('Yellow circles can be chosen: click one, or move the pin near it and press Enter.', { id: 'picker.assetsKey' }) : nothing}
      </p>`;
  }
}

function parseCenter(text: string): { lat: number; lng: number } | null {
  const [lat, lng] = text.split(',').map((part) => Number.parseFloat(part));
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}
