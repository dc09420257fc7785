import type { Direction } from '../geo/distance.js';
import type { MapView } from './map-view.js';

/** How far an arrow key moves the pin; with Shift, the small step. */
const STEP_METRES = 50;
const SMALL_STEP_METRES = 10;

const directions: Record<string, Direction> = { ArrowUp: 'north', ArrowDown: 'south', ArrowLeft: 'west', ArrowRight: 'east' };

export interface MapKeyboardOptions {
  view(): MapView | undefined;
  /** The chosen point, if there is one. */
  pin(): { lat: number; lng: number; assetId?: string } | null;
  /** An arrow key moved the pin (or, with no pin yet, dropped it at the map's centre). */
  onMove(lat: number, lng: number, move: { metres: number; direction: Direction } | undefined): void;
  /** Enter with the pin near an asset chooses it. */
  onAsset(id: string, lat: number, lng: number): void;
}

/**
 * The map's keyboard (it is focusable, role application): arrow keys move the pin 50 metres
 * (Shift: 10) and the map follows it, Enter chooses an asset under the pin, plus and minus zoom.
 * MapLibre's own keyboard handling is off (map-view.ts), so these keys mean one thing. Loaded
 * with the map (MapController makes one once the map is up); it keeps no state and needs no
 * lifecycle, so it is not registered with the element as a controller.
 */
export class MapKeyboard {
  constructor(private readonly o: MapKeyboardOptions) {}

  readonly onKeydown = (event: KeyboardEvent): void => {
    const view = this.o.view();
    if (!view) return;
    const pin = this.o.pin();
    const direction = directions[event.key];
    if (direction) {
      event.preventDefault();
      const metres = event.shiftKey ? SMALL_STEP_METRES : STEP_METRES;
      const from = pin ?? view.center();
      const to = pin ? view.step(from, metres, direction) : from;
      this.o.onMove(to.lat, to.lng, pin ? { metres, direction } : undefined);
    } else if (event.key === 'Enter' && pin) {
      const asset = view.assetInReach(pin);
      if (asset && asset.id !== pin.assetId) {
        event.preventDefault();
        this.o.onAsset(asset.id, asset.lat, asset.lng);
      }
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      event.preventDefault();
      view.zoomBy(event.key === '-' ? -1 : 1);
    }
  };
}
