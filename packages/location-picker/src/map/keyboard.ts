import { msg, str } from '@lit/localize';
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
  /**
   * An arrow key moved the pin, saying so for the live region ("Pin moved 50 metres north."),
   * or, with no pin yet, dropped it at the map's centre (no words: the place is announced).
   */
  onMove(lat: number, lng: number, moved: string | undefined): void;
  /** Enter with the pin near an asset chooses it. */
  onAsset(id: string, lat: number, lng: number): void;
}

/**
 * The map's keyboard (it is focusable, role application): arrow keys move the pin 50 metres
 * (Shift: 10) and the map follows it, Enter chooses an asset under the pin, plus and minus zoom.
 * MapLibre's own keyboard handling is off (map-view.ts), so these keys mean one thing; their
 * words for the live region are here too. Loaded with the map (MapController makes one once
 * the map is up); it keeps no state and needs no lifecycle, so it is not registered with the
 * element as a controller.
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
      this.o.onMove(to.lat, to.lng, pin ? movedWords({ metres, direction }) : undefined);
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

  /** "SL-0102 is 12 metres away. Press Enter to choose it." when the pin is near an asset. */
  hint(point: { lat: number; lng: number }): string {
    const asset = this.o.view()?.assetInReach(point);
    if (!asset) return '';
    const metres = Math.round(asset.metres);
    return msg(str`${asset.id} is ${metres} metres away. Press Enter to choose it.`, { id: 'picker.assetNear' });
  }
}

function movedWords(move: { metres: number; direction: Direction }): string {
  const words: Record<Direction, string> = {
    north: msg('north', { id: 'picker.north' }),
    south: msg('south', { id: 'picker.south' }),
    east: msg('east', { id: 'picker.east' }),
    west: msg('west', { id: 'picker.west' }),
  };
  return msg(str`Pin moved ${move.metres} metres ${words[move.direction]}.`, { id: 'picker.moved' });
}
