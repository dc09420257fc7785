import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { MapState } from '../controllers/map-controller.js';
import { hasPoint, type LocationValue } from '../location-value.js';

export interface MapAreaView {
  state: MapState;
  readonly: boolean;
  disabled: boolean;
  /** Existing reports are (or will be) on the map: the help explains their circles. */
  reports: boolean;
  /** Choosable assets are on the map: the help explains their circles. */
  assets: boolean;
  onKeydown(event: KeyboardEvent): void;
}

/**
 * The map's box (MapLibre draws into `.map-canvas` once it is on screen), the help under it, or
 * the message that it failed. Editable, it is one tab stop of role application whose keys move
 * the pin (controllers/map-keyboard.ts); read-only, it is an image of the place.
 */
export function renderMap(v: MapAreaView) {
  const { state } = v;
  if (state === 'off') return nothing;
  if (state === 'failed') {
    return html`<div part="notice" class="notice notice--info" data-map="failed">
      ${msg('The map could not be shown. You can still search for an address or postcode, or use your location.', { id: 'picker.mapFailed' })}
    </div>`;
  }
  if (v.readonly) {
    return html`<div part="map" class="map" data-map=${state} role="img" aria-label=${msg('Map of the location', { id: 'picker.readonlyMap' })}>
      <div class="map-canvas"></div>
    </div>`;
  }
  return html`<div
      part="map"
      class="map"
      data-map=${state}
      tabindex=${state === 'ready' && !v.disabled ? '0' : '-1'}
      role="application"
      aria-roledescription=${msg('map', { id: 'picker.map' })}
      aria-label=${msg('Map. Use the arrow keys to move the pin, hold Shift for smaller steps, plus and minus to zoom.', { id: 'picker.mapLabel' })}
      aria-busy=${state === 'ready' ? 'false' : 'true'}
      @keydown=${v.onKeydown}
    >
      <div class="map-canvas"></div>
    </div>
    <p class="map-help">
      ${msg('Click or tap the map to drop the pin, or drag it.', { id: 'picker.mapHelp' })}
      ${v.reports ? msg('Orange circles are problems already reported: choose one to see it.', { id: 'picker.reportsKey' }) : nothing}
      ${v.assets ? msg('Yellow circles can be chosen: click one, or move the pin near it and press Enter.', { id: 'picker.assetsKey' }) : nothing}
    </p>`;
}

/** The sentence naming the chosen point; nothing for a place described in words (it is in the text box). */
export function renderChosen(value: LocationValue | null, readonly: boolean) {
  if (!value || !hasPoint(value)) return nothing;
  const place = value.address ?? msg(str`the point at ${value.lat.toFixed(5)}, ${value.lng.toFixed(5)}`, { id: 'picker.point' });
  const label = readonly ? msg('Location:', { id: 'picker.locationLabel' }) : msg('Chosen location:', { id: 'picker.chosenLabel' });
  return html`<p part="chosen" class="chosen">${label} <strong>${place}</strong></p>`;
}
