import { localizedText, type ConsultationSummary, type ConsultationTag } from '@civic-widgets/core';

/** The hub's three groups, in the order a resident meets them. */
export type Group = 'open' | 'awaiting' | 'outcome';

/** What the resident searched for and ticked. */
export interface Filters {
  words: string;
  topics: readonly string[];
  areas: readonly string[];
}

/** A topic or area to filter by, with the words for the page's language. */
export interface Facet {
  id: string;
  label: string;
}

const time = (iso: string) => new Date(iso).getTime() || 0;

/**
 * Lower case without accents, so "ŵyl" finds "wyl" and "Cafe" finds "Café": Welsh circumflexes
 * are easy to leave out when typing.
 */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Which group a consultation is shown in; upcoming ones are not shown yet. */
export function groupOf(c: ConsultationSummary): Group | undefined {
  return c.status === 'open' ? 'open' : c.status === 'closed' ? 'awaiting' : c.status === 'results_published' ? 'outcome' : undefined;
}

/**
 * Every word typed must begin a word of the title, summary, topics or areas ("park" finds
 * "parking", "car" does not find "scary"), in either language: a Welsh speaker may search an
 * English word. A topic or area filter keeps consultations with
 * any of the ticked ones; a consultation with no areas is about the whole council area, so it
 * stays under every area.
 */
export function matches(c: ConsultationSummary, f: Filters): boolean {
  const topics = (c.topics ?? []).map((t) => t.id);
  const areas = (c.areas ?? []).map((a) => a.id);
  if (f.topics.length && !f.topics.some((t) => topics.includes(t))) return false;
  if (f.areas.length && areas.length && !f.areas.some((a) => areas.includes(a))) return false;
  const words = fold(f.words).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return true;
  const both = (t: ConsultationSummary['title']) => (typeof t === 'string' ? t : `${t.en} ${t.cy ?? ''}`);
  const known = fold(
    [c.title, c.summary, ...(c.topics ?? []).map((t) => t.label), ...(c.areas ?? []).map((a) => a.label)].map(both).join(' '),
  ).split(/[^\p{L}\p{N}]+/u);
  return words.every((w) => known.some((k) => k.startsWith(w)));
}

/**
 * The groups to show: open ones closing soonest first; closed ones (awaiting an outcome, or
 * with one) most recently closed first.
 */
export function arrange(list: readonly ConsultationSummary[], f: Filters): Record<Group, ConsultationSummary[]> {
  const groups: Record<Group, ConsultationSummary[]> = { open: [], awaiting: [], outcome: [] };
  for (const c of list) {
    const group = groupOf(c);
    if (group && matches(c, f)) groups[group].push(c);
  }
  groups.open.sort((a, b) => time(a.closes) - time(b.closes));
  groups.awaiting.sort((a, b) => time(b.closes) - time(a.closes));
  groups.outcome.sort((a, b) => time(b.closes) - time(a.closes));
  return groups;
}

/** Every topic (or area) the listed consultations name, once, in alphabetical order. */
export function facets(list: readonly ConsultationSummary[], key: 'topics' | 'areas', lang: string): Facet[] {
  const seen = new Map<string, ConsultationTag>();
  for (const c of list) if (groupOf(c)) for (const tag of c[key] ?? []) if (!seen.has(tag.id)) seen.set(tag.id, tag);
  const welsh = lang.toLowerCase().startsWith('cy');
  return [...seen.values()]
    .map((tag) => ({ id: tag.id, label: localizedText(tag.label, lang) }))
    .map((facet) => ({ facet, key: sortKey(facet.label, welsh) }))
    .sort((a, b) => compare(a.key, b.key) || compare(a.facet.label, b.facet.label))
    .map(({ facet }) => facet);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What alphabetical order compares: the letters without accents or case, and in Welsh its
 * digraphs as the letters they are (ch after c, dd after d, ff, ng after g, ll, ph, rh, th), each
 * written as the letter it follows and U+007F, which sorts after every letter. That is the order
 * `Intl.Collator` gives in English and Welsh for labels of letters, digits and spaces
 * (catalogue.spec.ts compares them), without its cost: the first collator a page makes loads
 * the collation data, 55 ms of CPU in Chromium, over 200 ms on a slow phone, on the hub's first
 * screen (issue #18).
 */
function sortKey(label: string, welsh: boolean): string {
  const letters = fold(label);
  return welsh ? letters.replace(/ch|dd|ff|ng|ll|ph|rh|th/g, (pair) => `${pair === 'ng' ? 'g' : pair[0]}\u007f`) : letters;
}

/** The link to a consultation: the webmaster's pattern with `{id}` replaced. */
export const consultationLink = (pattern: string, id: string) => pattern.replaceAll('{id}', encodeURIComponent(id));
