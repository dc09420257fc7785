import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { renderQuestionPage } from '@civic-widgets/core';
import { renderEmergency } from './emergency.js';
import type { ReportView } from './view.js';

/** What the location picker reports (its `civic-location-change` detail). */
interface PickedPlace {
  /** Null when the resident described the place in words (no search, no map). */
  lat: number | null;
  lng: number | null;
  address: string | null;
  area?: string | null;
  assetId?: string;
}

function onPlace(v: ReportView, e: Event) {
  const p = (e as CustomEvent<PickedPlace>).detail;
  const place = { lat: p.lat, lng: p.lng, address: p.address ?? '', area: p.area ?? null };
  v.set({ place: p.assetId ? { ...place, assetId: p.assetId } : place, duplicate: '' });
  // An asset chosen on the map (a street light) answers the category's asset question; the
  // latest choice wins ("I can't find it" clears what the map had filled in).
  const code = v.settings.assets?.attribute ?? 'asset_id';
  const asset = v.questions.find((a) => a.code === code && a.variable);
  if (!asset) return;
  if (p.assetId) v.answer(code, p.assetId);
  else if (v.answers.place && v.mapFilledAsset) v.answer(code, '');
  v.mapFilledAsset = Boolean(p.assetId);
}

/**
 * "Where is the problem?": the location picker (a form field), inside the council's boundary.
 * With no map and no address search (a plain Open311 server), the resident types the address or
 * describes the place, which is sent as `address_string`; the picker also falls back to that when
 * the search fails, and offers it under the search ("Describe where it is instead") for a place
 * with no address.
 */
export function renderWhere(v: ReportView) {
  const place = v.answers.place;
  const s = v.settings;
  const searchOrMap = Boolean(s.geocoderUrl || (s.geocoder && s.geocoder !== 'custom') || s.mapStyle);
  const body = html`
    ${renderEmergency(v)}
    <civic-location-picker
      data-field
      page-heading
      name="location"
      label=${msg('Where is the problem?', { id: 'report.where.title' })}
      hint=${searchOrMap
        ? msg('Search for a street, place or postcode, or choose a point on the map.', { id: 'report.where.hint' })
        : msg('Type the address, or describe where the problem is.', { id: 'report.where.hintWords' })}
      required
      required-message=${s.mapStyle
        ? msg('Enter where the problem is, or choose a point on the map', { id: 'report.where.required' })
        : msg('Enter where the problem is', { id: 'report.where.requiredWords' })}
      map-style=${ifDefined(s.mapStyle || undefined)}
      boundary-src=${ifDefined(s.boundarySrc || undefined)}
      areas-src=${ifDefined(s.areasSrc || undefined)}
      geocoder=${ifDefined(s.geocoder || undefined)}
      geocoder-url=${ifDefined(s.geocoderUrl || undefined)}
      reverse-url=${ifDefined(s.reverseUrl || undefined)}
      geocoder-key=${ifDefined(s.geocoderKey || undefined)}
      assets-src=${ifDefined(s.assets?.src || undefined)}
      asset-id-property=${ifDefined(s.assets?.idProperty || undefined)}
      assets-label=${ifDefined(s.assets?.name || undefined)}
      .value=${place ? { lat: place.lat, lng: place.lng, address: place.address || null, area: place.area ?? null, ...(place.assetId ? { assetId: place.assetId } : {}) } : null}
      @civic-location-change=${(e: Event) => onPlace(v, e)}
      @change=${(e: Event) => {
        // The resident cleared the words that described the place.
        if (!(e.target as HTMLElement & { value: unknown }).value) v.set({ place: null });
      }}
    ></civic-location-picker>
  `;
  return renderQuestionPage({ ...v.frame, body, onContinue: () => void v.next() });
}
