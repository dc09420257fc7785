/*
 * The lazily loaded half of the boundary check (controllers/area-check.ts loads it with the
 * first boundary or areas file): reading the GeoJSON, and why a point is refused, in words.
 */
import { msg, str } from '@lit/localize';
import { safeHref } from '@civic-widgets/core';
import { areaText, type AreaSet } from './boundary.js';

export { toAreaSet } from './boundary.js';

/** Why a point was refused: outside the council's area, perhaps in a named neighbour's. */
export interface Rejection {
  message: string;
  /** The neighbour's page, from the boundary file: http(s) only (safeHref). */
  url?: string;
  name?: string;
}

/**
 * Why the council does not look after this point, or null when it does; the file's names and
 * messages in `locale` (their Welsh on a Welsh page, where the file gives it).
 */
export function refusal(boundary: AreaSet, lat: number, lng: number, locale = 'en'): Rejection | null {
  const verdict = boundary.judge(lat, lng);
  if (verdict.inside) return null;
  const { neighbour } = verdict;
  if (neighbour) {
    const name = areaText(neighbour, 'name', locale) ?? '';
    return { message: areaText(neighbour, 'message', locale) || msg(str`This location is in ${name}.`, { id: 'picker.inNeighbour' }), url: safeHref(neighbour.url), name };
  }
  const council = boundary.councilName(locale);
  return { message: council ? msg(str`This location is outside ${council}. Choose a place inside the area.`, { id: 'picker.outsideNamed' }) : msg('This location is outside the area we look after. Choose a place inside the area.', { id: 'picker.outside' }) };
}
