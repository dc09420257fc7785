import { safeHref, type Service, type ServiceAttribute, type ServiceRequest } from '@civic-widgets/core';

/** The place the resident chose, as the location picker reports it. */
export interface ChosenPlace {
  /** Null when the resident described the place in words instead of choosing a point. */
  lat: number | null;
  lng: number | null;
  address: string;
  area?: string | null;
  /** The asset (street light, bin) chosen on the map, when the layer names one. */
  assetId?: string;
}

/** A photo already uploaded: the server's URL for it. */
export interface UploadedPhoto {
  url: string;
  name: string;
}

/** Everything the resident has answered: the draft that survives a reload. */
export interface Answers {
  serviceCode: string;
  /** The group the category was chosen under (a category may sit in several). */
  serviceGroup: string;
  /** Answers to the category's questions, by attribute code. */
  attributes: Record<string, string | string[]>;
  description: string;
  place: ChosenPlace | null;
  /** '' (not asked), 'new', or the id of the existing report the resident says it is. */
  duplicate: string;
  photos: UploadedPhoto[];
  name: string;
  email: string;
  phone: string;
  updates: boolean;
}

export const emptyAnswers = (): Answers => ({
  serviceCode: '',
  serviceGroup: '',
  attributes: {},
  description: '',
  place: null,
  duplicate: '',
  photos: [],
  name: '',
  email: '',
  phone: '',
  updates: false,
});

export type PageId =
  | 'category'
  | `question:${string}`
  | 'description'
  | 'where'
  | 'duplicates'
  | 'photos'
  | 'about'
  | 'check';

/** Whether a question has an answer (a list: anything chosen). */
export const answered = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : !!v?.trim());

/**
 * Whether a question is asked, given the answers so far. A question with the `show_when`
 * extension is asked when the question it depends on is itself asked and its answer is one of
 * the listed values (for a multivaluelist: any of them chosen).
 */
export function isAsked(attr: ServiceAttribute, all: readonly ServiceAttribute[], given: Answers['attributes'], seen = new Set<string>()): boolean {
  if (!attr.variable || attr.automated === 'server_set' || attr.automated === 'hidden_field') return false;
  const when = attr.showWhen;
  if (!when) return true;
  if (seen.has(attr.code)) return false; // A loop in the config: ask neither.
  seen.add(attr.code);
  const parent = all.find((a) => a.code === when.code);
  if (!parent || !isAsked(parent, all, given, seen)) return false;
  const value = given[when.code];
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return chosen.some((v) => when.values.includes(v));
}

/** The questions to ask now, in order. */
export const askedQuestions = (attrs: readonly ServiceAttribute[], given: Answers['attributes']) =>
  attrs.filter((a) => isAsked(a, attrs, given));

/**
 * `variable=false` attributes are information, not questions: each is shown on the page of the
 * next question asked (or the last one, or the description page when nothing is asked).
 */
/**
 * The first asked question whose answer stops the form (a value's `stop`, docs/open311-extensions.md):
 * its code and what the council says to do instead. Nothing is sent while one is given.
 */
export function stopFor(attrs: readonly ServiceAttribute[], given: Answers['attributes']): { code: string; text: string } | undefined {
  for (const a of askedQuestions(attrs, given)) {
    const chosen = given[a.code];
    const keys = Array.isArray(chosen) ? chosen : chosen ? [chosen] : [];
    const stop = a.values.find((v) => v.stop && keys.includes(v.key))?.stop;
    if (stop) return { code: a.code, text: stop };
  }
  return undefined;
}

export function informationFor(page: PageId, attrs: readonly ServiceAttribute[], given: Answers['attributes']): ServiceAttribute[] {
  const asked = askedQuestions(attrs, given).map((a) => `question:${a.code}`);
  const out: ServiceAttribute[] = [];
  attrs.forEach((a, i) => {
    // Automated attributes (mySociety) are for the council's system, never for the resident.
    if (a.variable || a.automated) return;
    const next = attrs.slice(i + 1).find((b) => asked.includes(`question:${b.code}`));
    const target = next ? `question:${next.code}` : (asked.at(-1) ?? 'description');
    if (target === page) out.push(a);
  });
  return out;
}

export interface FlowState {
  /** The category is fixed by the page (`service-code`): no category page. */
  preselected: boolean;
  attributes: readonly ServiceAttribute[];
  answers: Answers;
  /** Open reports of the same category near the place (for "Is it one of these?"). */
  nearby: readonly ServiceRequest[];
  /** false when the server has no media upload: the photos page is skipped. */
  photos: boolean;
  /**
   * How many photos the server takes with one report (its widget configuration's
   * `photosPerReport`); 1 when it does not say, as a plain Open311 server has one `media_url`.
   */
  photosPerReport?: number;
}

/** The pages of the flow, in order, as the answers stand now. */
export function pagesFor(s: FlowState): PageId[] {
  const pages: PageId[] = [];
  if (!s.preselected) pages.push('category');
  for (const a of askedQuestions(s.attributes, s.answers.attributes)) pages.push(`question:${a.code}`);
  pages.push('description', 'where');
  if (s.nearby.length) pages.push('duplicates');
  if (s.photos) pages.push('photos');
  pages.push('about', 'check');
  return pages;
}

/** What survives a reload (sessionStorage): the answers, the page, the report's Idempotency-Key. */
export interface Draft {
  answers: Answers;
  page: PageId | 'done' | 'queued' | 'existing' | 'stopped';
  key: string;
  returnToCheck: boolean;
}

/** Whether browser Back or Forward may show `page` again: the answers still lead to it. */
export function canReturnTo(page: string, s: FlowState): boolean {
  return (
    pagesFor(s).includes(page as PageId) ||
    (page === 'existing' && !!s.answers.duplicate) ||
    (page === 'stopped' && !!stopFor(s.attributes, s.answers.attributes))
  );
}

/** The page before `page`, for Back ("already reported" goes back to the list of nearby reports). */
export function pageBefore(pages: readonly PageId[], page: string): PageId | undefined {
  if (page === 'existing') return 'duplicates';
  const i = pages.indexOf(page as PageId);
  return i > 0 ? pages[i - 1] : undefined;
}

/** The page Continue leads to: the next one, or back from a Change link, the next unanswered one or the check page. */
export function pageAfter(s: FlowState, page: PageId, returnToCheck: boolean): PageId {
  const pages = pagesFor(s);
  return (returnToCheck ? nextUnanswered(s, page) : pages[pages.indexOf(page) + 1]) ?? 'check';
}

/** The first page after `from` that still needs an answer (used when coming back from a Change link). */
export function nextUnanswered(s: FlowState, from: PageId): PageId | undefined {
  const pages = pagesFor(s);
  for (const page of pages.slice(pages.indexOf(from) + 1)) {
    if (page.startsWith('question:')) {
      const code = page.slice(9);
      const attr = s.attributes.find((a) => a.code === code);
      if (attr?.required && !answered(s.answers.attributes[code])) return page;
    }
    if (page === 'where' && !s.answers.place) return page;
    if (page === 'duplicates' && !s.answers.duplicate) return page;
  }
  return undefined;
}

/** Whether the place is a point (not only words). */
export const hasPoint = (p: ChosenPlace): p is ChosenPlace & { lat: number; lng: number } => p.lat != null && p.lng != null;

/** Metres between two points (haversine; plenty for "within 100 m"). */
export function metresBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const CLOSED = new Set(['closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'internal_referral']);

/**
 * Open reports of this category within `radius` metres, nearest first. Servers with the
 * near-a-point extension have already filtered; on the others this does the filtering over
 * recent requests, so the same code serves both.
 */
export function nearbyOpen(requests: readonly ServiceRequest[], code: string, place: { lat: number; lng: number }, radius: number, max = 5): ServiceRequest[] {
  return requests
    .filter((r) => r.serviceCode === code && !CLOSED.has(r.status) && r.lat != null && r.long != null)
    .map((r) => ({ r, d: metresBetween(place.lat, place.lng, r.lat!, r.long!) }))
    .filter((x) => x.d <= radius)
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map((x) => x.r);
}

/**
 * Services under their groups, in the server's order; ungrouped ones last under ''. A service in
 * several groups is listed once, under its first group: two radios with the same label would be
 * two answers that look the same. (A group all of whose services sit in earlier groups is not
 * shown; the search still finds them by that group's name.)
 */
export function groupServices(services: readonly Service[]): [string, Service[]][] {
  const groups = new Map<string, Service[]>();
  for (const s of services) {
    const g = s.groups[0] ?? '';
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  const ungrouped = groups.get('');
  groups.delete('');
  return [...groups, ...(ungrouped ? ([['', ungrouped]] as [string, Service[]][]) : [])];
}

/** Whether a category matches what the resident typed in the search box (name, description, keywords, group). */
export function matches(s: Service, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [s.name, s.description, ...s.keywords, ...s.groups].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Fills `{id}` in a tracker URL template like `/track?ref={id}`. */
export const trackerLink = (template: string, id: string) => template.replaceAll('{id}', encodeURIComponent(id));

/** The tracker link as an href, or undefined when the template (from the server's widget config) is not http(s). */
export const trackerHref = (template: string | null | undefined, id: string | null | undefined): string | undefined =>
  template && id ? safeHref(trackerLink(template, id)) : undefined;
