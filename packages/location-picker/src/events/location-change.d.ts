import type { LocationValue } from '../location-value.js';
/** The resident chose a place: by search, on the map, with the keyboard or by their position. */
export declare class CivicLocationChangeEvent extends Event {
    readonly detail: LocationValue;
    constructor(detail: LocationValue);
}
declare global {
    interface GlobalEventHandlersEventMap {
        'civic-location-change': CivicLocationChangeEvent;
    }
}
