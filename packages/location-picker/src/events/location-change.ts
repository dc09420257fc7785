import type { LocationValue } from '../location-value.js';

/** The resident chose a place: by search, on the map, with the keyboard or by their position. */
export class CivicLocationChangeEvent extends Event {
  constructor(readonly detail: LocationValue) {
    super('civic-location-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-location-change': CivicLocationChangeEvent;
  }
}
