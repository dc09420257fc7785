import type { ServerContext } from '../http/context.ts';
import { inLanguage, type Language } from './open311/language.ts';
import { findService } from './open311/services.ts';
import { publicRequest, type RequestRow } from './request-rules.ts';
import { routeReport } from './routing.ts';

/*
 * A stored report in a resident's language. The row keeps the English words (for staff and
 * other systems); the Welsh comes from the council's config at read time, by service code, so a
 * report made in English reads in Welsh on a Welsh page and the other way round.
 */

type Ctx = Pick<ServerContext, 'config' | 'areas'>;

/** The category's name in `language` (the stored name when the category has left the config). */
export function serviceNameIn(ctx: Ctx, row: Pick<RequestRow, 'service_code' | 'service_name'>, language: Language): string {
  const service = findService(ctx.config, row.service_code);
  return service ? inLanguage(service, 'service_name', language) : row.service_name;
}

/**
 * What the resident is told happens next, in `language`: the routing rule run again on what was
 * stored gives the same team or parish, with the config's words in that language.
 */
export function noticeIn(ctx: Ctx, row: RequestRow, language: Language): string {
  const stored = row.service_notice ?? '';
  if (language === 'en') return stored;
  return routedIn(ctx, row, language)?.service_notice ?? stored;
}

/** Who deals with it, in `language`: the team's or parish council's Welsh name from the config. */
export function agencyIn(ctx: Ctx, row: RequestRow, language: Language): string {
  if (language === 'en') return row.agency_responsible;
  return routedIn(ctx, row, language)?.agency_responsible ?? row.agency_responsible;
}

/** The routing rule run again in `language`; null when the category has left the config. */
function routedIn(ctx: Ctx, row: RequestRow, language: Language) {
  const service = findService(ctx.config, row.service_code);
  if (!service) return null;
  const location = row.lat !== null && row.long !== null ? ctx.areas.locate(row.lat, row.long) : null;
  return routeReport(ctx.config, service, row.attributes, location, language);
}

/**
 * GET requests' answer for one report in `language`: its category, notice and who deals with
 * it, and its status notes (the latest update's words) in Welsh where staff wrote them.
 */
export function publicRequestIn(ctx: Ctx, row: RequestRow, language: Language): Record<string, unknown> {
  const answer = publicRequest(row);
  if (language === 'en') return answer;
  const routed = routedIn(ctx, row, language);
  return {
    ...answer,
    service_name: serviceNameIn(ctx, row, language),
    service_notice: routed?.service_notice ?? answer.service_notice,
    agency_responsible: routed?.agency_responsible ?? answer.agency_responsible,
    status_notes: row.status_notes_cy || answer.status_notes,
  };
}
