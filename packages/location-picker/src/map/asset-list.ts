/*
 * The keyboard and screen-reader route to an asset (a street light): the nearest ones to the
 * chosen place as GOV.UK radios with their ids and distances, and "I can't find it on the map".
 * Loaded with the map (the element imports it only once assets are on the map), never before.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { defineElement, CivicRadios, type FieldOption } from '@civic-widgets/core';

defineElement('civic-radios', CivicRadios);

/** The value of the "I can't find it on the map" choice. */
export const NOT_FOUND = '__not_found__';

export interface NearAsset {
  id: string;
  lat: number;
  lng: number;
  metres: number;
}

/** The list: this many assets, within this distance of the chosen place. */
const COUNT = 5;
const METRES = 150;

export interface AssetListView {
  /** The map, which knows where the assets are. */
  view: { nearestAssets(point: { lat: number; lng: number }, count: number, maxMetres: number): NearAsset[] };
  /** Where the list is measured from. */
  near: { lat: number; lng: number };
  /** What the assets are, for people ("Street lights"), from the council's configuration. */
  name: string;
  /** The chosen asset's id, or '' (none chosen, or "I can't find it"). */
  chosen: string;
  /** The resident has said they cannot find it on the map. */
  notFound: boolean;
  disabled: boolean;
  /** An asset, or null for "I can't find it on the map". */
  onChoose(asset: NearAsset | null): void;
}

/** The nearest assets, nearest first, as radios; nothing when none is near. */
export function renderAssetList(v: AssetListView) {
  const assets = v.view.nearestAssets(v.near, COUNT, METRES);
  if (!assets.length) return nothing;
  const options: FieldOption[] = [
    ...assets.map((a) => {
      const metres = Math.round(a.metres);
      return {
        value: a.id,
        label: metres === 1
          ? msg(str`${a.id}, 1 metre away`, { id: 'picker.assetOptionOne' })
          : msg(str`${a.id}, ${metres} metres away`, { id: 'picker.assetOption' }),
      };
    }),
    { value: NOT_FOUND, label: msg('I can’t find it on the map', { id: 'picker.assetNotFound' }), dividerBefore: true },
  ];
  return html`<civic-radios
    class="asset-list"
    part="asset-list"
    label=${v.name ? msg(str`${v.name} near the place you chose`, { id: 'picker.assetListNamed' }) : msg('Which one is it?', { id: 'picker.assetListLabel' })}
    hint=${msg('Nearest first. Choosing one moves the pin to it.', { id: 'picker.assetListHint' })}
    .options=${options}
    .value=${v.chosen || (v.notFound ? NOT_FOUND : '')}
    ?disabled=${v.disabled}
    @change=${(e: Event) => {
      // The radios' own change is not the picker's: the picker tells the page once the place is set.
      e.stopPropagation();
      const id = (e.target as HTMLElement & { value: string }).value;
      v.onChoose(assets.find((a) => a.id === id) ?? null);
    }}
  ></civic-radios>`;
}
