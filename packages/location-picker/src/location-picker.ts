import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { baseStyles, buttonStyles, CivicErrorEvent, CivicFormField, fieldStyles, requiredValidator, type Validator } from '@civic-widgets/core';
import './i18n.js';
import { styles } from './location-picker.styles.js';
import type { GeocodeResult, GeocoderKind } from './geocoders/index.js';
import type { Open311Request } from './geo/features.js';
import { hasPoint, parseValue, toFormData, type FormValueMode, type LocationValue } from './location-value.js';
import { CivicLocationChangeEvent } from './events/location-change.js';
import { CivicReportSelectEvent } from './events/report-select.js';
import { AddressSearchController } from './controllers/address-search.js';
import { AreaCheckController, type Rejection } from './controllers/area-check.js';
import { GeocoderController } from './controllers/geocoder.js';
import { GeolocationController } from './controllers/geolocation.js';
import { MapController, type MapAssets } from './controllers/map-controller.js';
import { renderDescribe, renderSearch, type DescribeView, type SearchView } from './views/search.js';
import { renderChosen, renderMap } from './views/map.js';
import { choiceAnnouncement } from './views/announce.js';

interface Choice {
  source: 'search' | 'map' | 'keyboard' | 'geolocation';
  address?: string;
  assetId?: string;
  /** The keyboard's words for an arrow key's move. */
  moved?: string;
  /** Chosen from the list of nearby assets: the list keeps its place (and its order). */
  fromList?: boolean;
}

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
  @state() private announcement = '';
  /**
   * Where the list of nearby assets is measured from: the place chosen other than from the list,
   * so choosing from it keeps its order (else the value's point).
   */
  @state() private assetAnchor: { lat: number; lng: number } | null = null;
  /** The resident said "I can't find it on the map". */
  @state() private assetNotFound = false;
  /** The resident chose to describe the place in words (it has no address), or a draft held words only. */
  @state() private wordsChosen = false;

  @query('input') private input?: HTMLInputElement;
  @query('.map-canvas') private mapCanvas?: HTMLElement;

  // What the picker loads after first paint (each a lazy chunk, through a Task): the boundary
  // and areas, the geocoder, and the map once its box is on screen.
  private readonly areaCheck = new AreaCheckController(this, {
    boundarySrc: () => this.boundarySrc,
    areasSrc: () => this.areasSrc,
    onError: (operation, message, cause) => this.fail(operation, message, cause),
  });
  private readonly geocoding = new GeocoderController(this, {
    config: () => ({ kind: this.geocoder, url: this.geocoderUrl, reverseUrl: this.reverseUrl, key: this.geocoderKey }),
    readonly: () => this.readonly,
    onConfigError: (message) => this.configError(message),
    onError: (operation, message, cause) => this.fail(operation, message, cause),
  });
  private readonly search = new AddressSearchController(this, {
    geocoder: () => this.geocoding.ready,
    boundary: () => this.areaCheck.boundary,
    // Nominatim's usage policy forbids search-as-you-type: it searches on Enter or the button.
    searchAsYouType: () => this.geocoder !== 'nominatim',
    onChoose: (result) => this.chooseResult(result),
    onError: (error) => this.searchFailed(error),
  });
  private readonly locator = new GeolocationController(this, {
    geolocation: () => this.geolocation,
    onPosition: (lat, lng) => void this.choosePoint(lat, lng, { source: 'geolocation' }),
    announce: (text) => this.announce(text),
  });
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
    boundary: () => this.areaCheck.boundary,
    pin: () => this.point,
    pinLabel: () => msg('Chosen location', { id: 'picker.pin' }),
    onPick: (lat, lng) => void this.choosePoint(lat, lng, { source: 'map' }),
    onReportSelect: (id) => this.emit(new CivicReportSelectEvent({ serviceRequestId: id })),
    onAssetSelect: (id, lat, lng) => void this.choosePoint(lat, lng, { source: 'map', assetId: id }),
    onError: (operation, message, cause) => this.fail(operation, message, cause),
    keys: {
      pin: () => this.point,
      onMove: (lat, lng, moved) => void this.choosePoint(lat, lng, { source: 'keyboard', moved }),
      onAsset: (id, lat, lng) => void this.choosePoint(lat, lng, { source: 'map', assetId: id }),
    },
  });

  /**
   * Whether the resident types the address or describes the place in words: there is no
   * address search (none configured, or it failed), or they chose "Describe where it is
   * instead". "Use my location" and the map still work.
   */
  get describing(): boolean {
    return !this.readonly && (this.searchDown || this.wordsChosen);
  }

  private get searchDown(): boolean {
    return this.geocoding.off || this.geocoding.failed;
  }

  /** Resolves once the map has loaded and drawn (never, if there is no map). For tests and parents. */
  get mapReady(): Promise<void> {
    return this.mapController.ready;
  }

  /**
   * Settles once the latest place chosen is taken in: checked against the boundary, its area
   * found and, for a point, its address looked up. A form's Continue waits for it, so a resident
   * who presses Continue straight after choosing (or on a slow connection) is not told to choose.
   */
  get settled(): Promise<void> {
    return this.choosing;
  }

  private choosing: Promise<void> = Promise.resolve();
  /** Counts choices: a slower, older one never overwrites the latest. */
  private sequence = 0;

  private get view() {
    return this.mapController.view;
  }

  /** The chosen point, or null (none chosen, or a place described in words). */
  private get point() {
    return hasPoint(this.value) ? this.value : null;
  }

  // ---------- the form field ----------

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
    this.locator.clear();
    this.assetAnchor = null;
    this.assetNotFound = false;
    this.wordsChosen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapStyle') || changed.has('map')) this.mapController.setWanted(Boolean(this.mapStyle) && this.map !== 'off');
    if (changed.has('value') && this.value) {
      if (!this.search.query) this.search.setQuery(this.value.address ?? '');
      // A place in words only (a draft restored, a parent's value) comes back in the words box.
      if (!hasPoint(this.value)) this.wordsChosen = true;
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('value')) this.view?.setPin(this.point);
  }

  // ---------- choosing a place ----------

  private choosePoint(lat: number, lng: number, choice: Choice): Promise<void> {
    const taken = this.takePoint(lat, lng, choice);
    this.choosing = taken.catch(() => undefined);
    return taken;
  }

  /**
   * Sets the point if it is inside the council's area, then fills the address by reverse
   * geocoding (unless a search result gave it) and tells the page once the address is known.
   */
  private async takePoint(lat: number, lng: number, choice: Choice): Promise<void> {
    if (this.readonly || this.disabled) return;
    const sequence = ++this.sequence;
    const verdict = await this.areaCheck.check(lat, lng, this.locale);
    if (verdict.rejection) {
      this.rejection = verdict.rejection;
      this.announce(verdict.rejection.message);
      // The pin stays where it was (or goes back there after a drag).
      this.view?.setPin(this.point);
      return;
    }
    this.rejection = null;
    this.locator.clear();
    if (!choice.fromList) {
      this.assetAnchor = { lat, lng };
      this.assetNotFound = false;
    }
    // Words the resident typed to describe the place stay with the point found for it.
    const words = this.describing ? this.search.query.trim() || null : null;
    this.value = { lat, lng, address: choice.address ?? words, area: verdict.area, ...(choice.assetId ? { assetId: choice.assetId } : {}) };
    this.showError = false;
    if (choice.source === 'geolocation') this.view?.flyTo({ lat, lng });

    const geocoder = await this.geocoding.ready;
    if (choice.address == null && geocoder && !words) {
      const current = () => sequence === this.sequence;
      // Keyboard moves come in bursts: look the address up once the pin rests.
      const address = await this.geocoding.addressAt(geocoder, lat, lng, current, choice.source === 'keyboard' ? 250 : 0);
      if (address === undefined || !current()) return;
      this.value = { ...this.value, address };
      this.search.setQuery(address ?? '');
    }
    if (sequence !== this.sequence) return;
    this.announce(choiceAnnouncement(this.value, this.mapController.keyboard?.hint({ lat, lng }) ?? '', choice.moved));
    this.emit(new CivicLocationChangeEvent({ ...this.value }));
    this.dispatchChange();
  }

  private chooseResult(result: GeocodeResult): void {
    void this.choosePoint(result.lat, result.lng, { source: 'search', address: result.label }).then(() => {
      if (this.value?.lat === result.lat && this.value.lng === result.lng) this.view?.flyTo(result);
    });
  }

  /** Describing the place in words: what was typed is the value (with a point, if one was chosen). */
  private describe(text: string): void {
    const words = text.trim() || null;
    const point = this.point;
    this.value = point ? { ...point, address: words } : words ? { lat: null, lng: null, address: words, area: null } : null;
    if (words) this.showError = false;
    if (this.value) this.emit(new CivicLocationChangeEvent({ ...this.value }));
    this.dispatchChange();
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

  /**
   * From now on the resident types the address or describes the place (what they typed stays).
   * The describe box replaces the search box, so if the resident is still typing (a search
   * failing mid-word on a slow phone), focus moves to the new box with the caret at the end:
   * otherwise the next keystrokes would go to the page and be lost.
   */
  private searchFailed(error: unknown): void {
    const typing = this.shadowRoot?.activeElement === this.textInput();
    this.geocoding.fail();
    this.describe(this.search.query);
    if (typing) void this.updateComplete.then(() => this.focusTextInputAtEnd());
    this.fail('lookup', (error as Error)?.message ?? 'search failed', error);
  }

  /**
   * "Describe where it is instead" (what was searched for becomes the words), or "Search for an
   * address instead" (words without a point are dropped: the search box does not hold a place).
   * Focus follows to the new box, whose label and hint a screen reader then reads.
   */
  private readonly onSwitch = (): void => {
    this.wordsChosen = !this.wordsChosen;
    this.search.close();
    if (this.wordsChosen) this.describe(this.search.query);
    else if (this.value && !hasPoint(this.value)) {
      this.value = null;
      this.dispatchChange();
    }
    void this.updateComplete.then(() => this.focusTextInputAtEnd());
  };

  /** Tells the page something failed (the resident sees a message of their own). */
  private fail(operation: string, message: string, cause: unknown): void {
    this.emit(new CivicErrorEvent({ operation, message, cause }));
  }

  private announce(text: string): void {
    // Re-set even when the text repeats, so screen readers read it again.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  // ---------- the text box ----------

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

  private readonly onDescribeInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    this.search.setQuery(text);
    this.describe(text);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.querySelector('.combobox')?.contains(next)) this.search.close();
  };

  private readonly onMapKeydown = (event: KeyboardEvent): void => this.mapController.keyboard?.onKeydown(event);

  private readonly onSearch = (): void => {
    void this.search.search();
    this.input?.focus();
  };

  // ---------- render ----------

  override render() {
    if (this.readonly) {
      return html`<div part="form-group" class="form-group">
        ${this.label ? html`<p part="label" class="label">${this.label}</p>` : nothing}
        ${renderChosen(this.value, true)} ${this.renderMap()}
      </div>`;
    }
    const box: SearchView & DescribeView = {
      id: this.fieldId,
      invalid: Boolean(this.visibleError),
      disabled: this.disabled,
      search: this.search,
      searchFailed: this.geocoding.failed,
      onSwitch: this.searchDown ? undefined : this.onSwitch,
      onInput: this.onDescribeInput,
      onFocusOut: this.onFocusOut,
      onSearch: this.onSearch,
    };
    // One fieldset whichever text box it holds: switching to the describe box (the search failed)
    // must not re-create the map's container, or MapLibre would keep drawing into a detached one.
    return this.renderGroup(html`
      <fieldset aria-describedby=${ifDefined(this.describedBy)}>
        ${this.label ? this.renderLegend() : nothing} ${this.renderHint()} ${this.renderError()}
        ${this.describing ? renderDescribe(box) : renderSearch(box)}
        ${this.renderLocate()} ${this.renderNotices()} ${renderChosen(this.value, false)} ${this.renderMap()} ${this.renderAssetList()}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </fieldset>
    `);
  }

  /** "Use my location", when the browser offers it. */
  private renderLocate() {
    if (!this.geolocation) return nothing;
    const { locating } = this.locator;
    return html`<div class="actions">
      <button type="button" class="link-button" ?disabled=${this.disabled || locating} @click=${this.locator.locate}>
        ${locating ? msg('Finding your location…', { id: 'picker.locating' }) : msg('Use my location', { id: 'picker.useLocation' })}
      </button>
    </div>`;
  }

  /** Why the place was refused (with the neighbour's link), or why the resident's location could not be used. */
  private renderNotices() {
    const { rejection } = this;
    const { notice } = this.locator;
    return html`${rejection
      ? html`<div part="notice" class="notice">
          <p>${rejection.message}</p>
          ${rejection.url ? html`<p><a href=${rejection.url}>${msg(str`Go to ${rejection.name ?? rejection.url}`, { id: 'picker.goToNeighbour' })}</a></p>` : nothing}
        </div>`
      : nothing}
    ${notice ? html`<div part="notice" class="notice">${notice}</div>` : nothing}`;
  }

  private renderMap() {
    return renderMap({
      state: this.mapController.state,
      readonly: this.readonly,
      disabled: this.disabled,
      reports: Boolean(this.reports?.length || this.reportsSrc),
      assets: Boolean(this.assetsSrc),
      onKeydown: this.onMapKeydown,
    });
  }

  /** The nearest assets as radios, once they are on the map (map/asset-list.ts, loaded with it). */
  private renderAssetList() {
    const list = this.mapController.assetList;
    const view = this.view;
    if (!list || !view || !hasPoint(this.value)) return nothing;
    return list.renderAssetList({
      view,
      near: this.assetAnchor ?? this.value,
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
}

function parseCenter(text: string): { lat: number; lng: number } | null {
  const [lat, lng] = text.split(',').map((part) => Number.parseFloat(part));
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}
