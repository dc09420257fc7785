import { type PropertyValues } from 'lit';
import { CivicFormField, type Validator } from '@civic-widgets/core';
import './i18n.js';
import type { GeocoderKind } from './geocoders/index.js';
import type { Open311Request } from './geo/features.js';
import { type FormValueMode, type LocationValue } from './location-value.js';
import { type MapAssets } from './controllers/map-controller.js';
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
 * @cssprop --civic-location-picker-height - Height of the map (default 22rem).
 * @cssprop --civic-location-picker-search-width - Widest the search box grows (default 30rem).
 */
export declare class CivicLocationPicker extends CivicFormField<LocationValue | null> {
    static styles: any[];
    /** The chosen place, or null. Setting it moves the pin (e.g. restoring a draft). */
    value: LocationValue | null;
    /** Address search service: `custom` (a gazetteer answering docs/gazetteer.md), `postcodes-io`, `nominatim` or `os-places`. */
    geocoder: GeocoderKind;
    /** Shows the place without letting anyone change it (e.g. a case tracker's small map); not validated. */
    readonly: boolean;
    /** The geocoder's URL: a base or `{query}` template for `custom`; overrides the public URL of the others. */
    geocoderUrl: string;
    /** Reverse-geocoding URL for `custom` (a base or `{lat}`/`{lng}` template); defaults to `<geocoder-url>/reverse`. */
    reverseUrl: string;
    /** API key for `os-places` (an OS Data Hub key restricted to the council's site). */
    geocoderKey: string;
    /** MapLibre style URL (vector or raster). Without it there is no map: search is the whole route. */
    mapStyle: string;
    /** `off` hides the map even when a style is set. */
    map: 'on' | 'off';
    /** Initial centre as `lat,lng` when there is no boundary to frame. */
    center: string;
    /** Initial zoom with `center`. */
    zoom: number;
    /** The council's boundary GeoJSON (`role: council` / `neighbour` polygons): points outside are refused. */
    boundarySrc: string;
    /** Area polygons (e.g. parishes) whose `name` becomes the value's `area`. */
    areasSrc: string;
    /** Open311 `GET requests` URL (JSON) of existing reports to show as clustered points. */
    reportsSrc: string;
    /** Existing reports (Open311 request objects), set by a parent such as `<civic-report-form>`. */
    reports: readonly Open311Request[] | null;
    /** GeoJSON URL of assets (Points) a resident can choose, e.g. street lights. */
    assetsSrc: string;
    /** The asset property holding its id; default the feature's `id`. */
    assetIdProperty: string;
    /** How the value is submitted in a form: `fields` (default), `json` or `open311`. See docs/location-picker.md. */
    formValue: FormValueMode;
    /** Where MapLibre's worker script is served, when a build cannot bundle it (CDN, strict CSP). */
    workerUrl: string;
    /** MapLibre's worker URL and CSS for builds without `?url`/`?inline` imports (e.g. web-test-runner). */
    mapAssets: MapAssets | null;
    /** The Geolocation API to use; `navigator.geolocation` by default, null to hide "Use my location". */
    geolocation: Geolocation | null;
    private rejection;
    private notice;
    private locating;
    private announcement;
    /** No address search is configured (resolved once the geocoder module has loaded). */
    private searchOff;
    /** The address search failed while the resident used it. */
    private searchFailed;
    private input?;
    private mapCanvas?;
    private geocoderReady;
    private boundary;
    private areas;
    private readonly search;
    private reverseAbort?;
    private sequence;
    private readonly mapController;
    /**
     * Whether the resident types the address or describes the place in words: there is no
     * address search (none configured, or it failed). "Use my location" and the map still work.
     */
    get describing(): boolean;
    /** Resolves once the map has loaded and drawn (never, if there is no map). For tests and parents. */
    get mapReady(): Promise<void>;
    private get view();
    protected get validators(): readonly Validator<LocationValue | null>[];
    protected toFormValue(value: LocationValue | null): string | FormData | null;
    protected stateFor(value: LocationValue | null): string | null;
    protected get validationAnchor(): HTMLInputElement | undefined;
    protected restoreFormState(state: string | FormData | null): void;
    formResetCallback(): void;
    disconnectedCallback(): void;
    protected willUpdate(changed: PropertyValues<this>): void;
    protected updated(changed: PropertyValues<this>): void;
    private loadAreas;
    private onMapKeydown;
    /**
     * Sets the point if it is inside the council's area, then fills the address by reverse
     * geocoding (unless a search result gave it) and tells the page once the address is known.
     */
    private choosePoint;
    /** Describing the place in words: what was typed is the value (with a point, if one was chosen). */
    private describe;
    /** The one text box: the address search, or the describe box when there is no search. */
    private textInput;
    private focusTextInputAtEnd;
    private onDescribeInput;
    private describeChoice;
    /** "SL-0102 is 12 metres away. Press Enter to choose it." when the pin is near an asset. */
    private nearbyAssetHint;
    private announce;
    private get listboxId();
    private optionId;
    private chooseResult;
    private onFocusOut;
    private useMyLocation;
    render(): any;
    /** "Use my location", messages about the place, the chosen place and the map. */
    private renderLocateAndMap;
    /**
     * No address search: one text box for the address or a description of the place (sent as
     * Open311's address_string), plus "Use my location" and the map when there is one.
     */
    private renderDescribe;
    private renderChosen;
    private renderMap;
}
