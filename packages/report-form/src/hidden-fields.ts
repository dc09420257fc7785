import type { ServiceAttribute } from '@civic-widgets/core';
import { toNationalGrid } from './osgb.js';

/** Attribute codes that carry the id of the asset (street light, bin, tree) the resident chose on the map. */
const ASSET_ID = /^(central_)?asset_?id$|^feature_?id$|^unit_?id$/i;

/**
 * Answers to mySociety's `hidden_field` attributes that the form can fill itself, as FixMyStreet
 * does (perllib/FixMyStreet/SendReport/Open311.pm; its asset layers): `easting`/`northing`
 * from the chosen point (OS National Grid, so UK councils' back offices can place it) and an
 * asset id from the asset chosen on the map. Never shown to the resident. `server_set`
 * attributes are the server's to fill, so nothing is sent for them.
 */
export function hiddenAnswers(
  attributes: readonly ServiceAttribute[],
  place: { lat: number | null; lng: number | null; assetId?: string } | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!place) return out;
  // A place given in words only (no point) has no easting or northing to send.
  const grid =
    place.lat != null && place.lng != null && attributes.some((a) => a.automated === 'hidden_field' && /^(easting|northing)$/i.test(a.code))
      ? toNationalGrid(place.lat, place.lng)
      : undefined;
  for (const a of attributes) {
    if (a.automated !== 'hidden_field') continue;
    const code = a.code.toLowerCase();
    if (grid && (code === 'easting' || code === 'northing')) out[a.code] = String(grid[code]);
    else if (place.assetId && ASSET_ID.test(a.code)) out[a.code] = place.assetId;
  }
  return out;
}
