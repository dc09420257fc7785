import { msg, str } from '@lit/localize';

/**
 * What the polite live region says once a place is chosen: the keyboard's words when an arrow
 * key moved the pin (map/keyboard.ts, with the map), the place, and the asset chosen or near.
 */
export function choiceAnnouncement(
  value: { address: string | null; assetId?: string },
  /** The keyboard's hint about an asset near the pin, or ''. */
  hint: string,
  /** The keyboard's "Pin moved …" sentence, when an arrow key moved it. */
  moved?: string,
): string {
  const where = value.address
    ? msg(str`Near ${value.address}.`, { id: 'picker.near' })
    : msg('No address found near this point.', { id: 'picker.noAddressNear' });
  const asset = value.assetId ? msg(str`${value.assetId} chosen.`, { id: 'picker.assetChosen' }) : hint;
  return (moved ? [moved, where, asset] : [msg('Location chosen.', { id: 'picker.chosen' }), asset, where]).filter(Boolean).join(' ');
}
