import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
 */
export declare class AddressSearchController implements ReactiveController {
    private readonly host;
    private readonly options;
    query: string;
    results: GeocodeResult[];
    open: boolean;
    active: number;
    /** What the polite status region says: searching, how many found, none, failed. */
    status: string;
    private timer?;
    private abort?;
    constructor(host: ReactiveControllerHost, options: AddressSearchOptions);
    hostDisconnected(): void;
    private set;
    setQuery(query: string): void;
    /**
     * Closes the list and drops a search still waiting or on its way: its answer arriving after
     * Escape or Tab would open the list again under a resident who has moved on.
     */
    close(): void;
    readonly onInput: (event: Event) => void;
    readonly onKeydown: (event: KeyboardEvent) => void;
    choose(result: GeocodeResult): void;
    search(): Promise<void>;
}
