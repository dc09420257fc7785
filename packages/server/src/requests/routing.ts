import type { CouncilConfig, ServiceConfig } from '../config/schema.ts';
import { councilName } from '../config/council-name.ts';
import { inLanguage, type Language } from './open311/language.ts';
import type { Location, Parish } from '../geo/areas.ts';

export type Answers = Record<string, string | string[]>;

export interface Routing {
  /** Who deals with it, as Open311's agency_responsible. */
  agency_responsible: string;
  /** What the resident is told about who deals with it and what happens next. */
  service_notice: string;
  /** Where the notice of a new report is emailed. */
  email: string;
  team: string | null;
  parish: Pick<Parish, 'code' | 'name'> | null;
}

function matches(answers: Answers, cond: { code: string; values: string[] }): boolean {
  const answer = answers[cond.code];
  const given = Array.isArray(answer) ? answer : answer === undefined ? [] : [answer];
  return given.some((v) => cond.values.includes(v));
}

function fill(template: string, parish: Parish, language: Language): string {
  return template
    .replaceAll('{parish}', parishName(parish, language))
    .replaceAll('{clerk}', parish.clerk.name)
    .replaceAll('{email}', parish.clerk.email)
    .replaceAll('{phone}', parish.clerk.phone ?? '')
    .replace(/,\s*\./g, '.')
    .trim();
}

/** A parish council's name in `language` (its Welsh from the config, where it has one). */
/** A parish council's name in `language`: its Welsh name where the config gives one. */
export const parishName = (parish: Pick<Parish, 'name' | 'cy'>, language: Language) => (language === 'cy' && parish.cy?.name) || parish.name;

/** Why a parish-routed report stays with the district, in the server's own words. */
const STAYS_WITH_DISTRICT = {
  noPoint: {
    en: 'Without a point on the map we cannot tell which parish this is in, so the district council will deal with it.',
    cy: "Heb bwynt ar y map, ni allwn ddweud ym mha blwyf y mae hyn, felly bydd y cyngor dosbarth yn delio ag ef.",
  },
  noParish: {
    en: 'There is no parish council for this location, so the district council will deal with it.',
    cy: "Nid oes cyngor plwyf ar gyfer y lleoliad hwn, felly bydd y cyngor dosbarth yn delio ag ef.",
  },
} satisfies Record<string, Record<Language, string>>;

/**
 * The back-office routing: the category decides the team; for a service with parish routing,
 * the resident's answers plus the parish found by boundary lookup can send it to the parish
 * clerk instead. `location` is null for an address-only report, which is routed by category alone.
 * `language` is the language of `agency_responsible` and `service_notice` (the config's Welsh
 * where it has it; who deals with it and where the notice goes are the same in any language).
 */
export function routeReport(config: CouncilConfig, service: ServiceConfig, answers: Answers, location: Location | null, language: Language = 'en'): Routing {
  const team = config.teams[service.team]!;
  const cy = language === 'cy';
  const teamName = (cy && team.cy?.name) || team.name;
  const council = councilName(config, language);
  const teamNotice = cy ? `Bydd ${teamName} (${council}) yn delio â’ch adroddiad.` : `${teamName} at ${council} will deal with your report.`;
  const toTeam = (prefix?: string): Routing => ({
    agency_responsible: `${council}: ${teamName}`,
    service_notice: [prefix, inLanguage(service, 'notice', language) ?? teamNotice].filter(Boolean).join(' '),
    email: team.email,
    team: service.team,
    parish: null,
  });
  const rule = service.parish_routing;
  if (!rule || !rule.when.every((cond) => matches(answers, cond))) return toTeam();
  if (!location) {
    return toTeam(STAYS_WITH_DISTRICT.noPoint[language]);
  }
  if (!location.inside || !location.parish) {
    return toTeam(STAYS_WITH_DISTRICT.noParish[language]);
  }
  const parish = location.parish;
  return {
    agency_responsible: parishName(parish, language),
    service_notice: fill(inLanguage(rule, 'notice', language), parish, language),
    email: parish.clerk.email,
    team: null,
    parish: { code: parish.code, name: parish.name },
  };
}
