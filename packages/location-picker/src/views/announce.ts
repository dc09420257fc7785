import { msg, str } from '@lit/localize';
import type { Direction } from '../geo/distance.js';

/** What the polite live region says once a place is chosen or the pin moved. */
export function choiceAnnouncement(
  value: { address: string | null; assetId?: string },
  /** An asset near the pin that Enter would choose. */
  nearby: { id: string; metres: number } | null,
  move?: { metres: number; direction: Direction },
): string {
  const where = value.address
    ? msg(str`Near ${value.address}.`, { id: 'picker.near' })
    : msg('No address found near this point.', { id: 'picker.noAddressNear' });
  const asset = value.assetId ? msg(str`${value.assetId} chosen.`, { id: 'picker.assetChosen' }) : nearbyAssetHint(nearby);
  if (!move) return [msg('Location chosen.', { id: 'picker.chosen' }), asset, where].filter(Boolean).join(' ');
  const words: Record<Direction, string> = {
    north: msg('north', { id: 'picker.north' }),
    south: msg('south', { id: 'picker.south' }),
    east: msg('east', { id: 'picker.east' }),
    west: msg('west', { id: 'picker.west' }),
  };
  return [msg(str`Pin moved ${move.metres} metres ${words[move.direction]}.`, { id: 'picker.moved' }), where, asset].filter(Boolean).join(' ');
}

/** "SL-0102 is 12 metres away. Press Enter to choose it." when the pin is near an asset. */
function nearbyAssetHint(asset: { id: string; metres: number } | null): string {
  if (!asset) return '';
  const metres = Math.round(asset.metres);
  return msg(str`${asset.id} is ${metres} metres away. Press Enter to choose it.`, { id: 'picker.assetNear' });
}
