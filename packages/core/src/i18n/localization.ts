import { LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';

/** The languages every widget speaks. English is the source; Welsh is a legal duty in Wales. */
export const sourceLocale = 'en';
export const targetLocales = ['cy'] as const;
export type CivicLocale = typeof sourceLocale | (typeof targetLocales)[number];

type TemplateMap = LocaleModule['templates'];
type TranslationLoader = () => Promise<{ templates: TemplateMap }>;

/*
 * Each widget speaks its own language, so a Welsh consultation and an English report form can
 * share a page. @lit/localize's runtime mode has one language per page; its reentrant mode asks
 * us, at every msg() call, which language is speaking:
 * - the element being updated (CivicElement wraps its update in `speakingIn`), for everything
 *   it renders;
 * - else the element an event is being dispatched to (window.event's composed path), for
 *   messages made in event handlers (a field's validation on input, a button's error);
 * - else the page's language, or the one language every widget on the page speaks.
 * Text made after an await outside an update (rare: most async results are rendered) takes the
 * page's language; docs/webmasters.md#two-languages-on-one-page.
 *
 * @lit/localize can be configured only once per page, but each widget package ships its own
 * translations. So core owns the one configuration and every package registers a loader for
 * its own strings; loading a locale merges them all. A widget whose script arrives after the
 * locale was loaded (two CDN scripts, a lazily loaded picker) is merged in late and the
 * elements are told to re-render; `translationsReady` waits for that.
 */
const loaders = new Map<string, TranslationLoader[]>();
/** Each language's strings, once asked for (filled in as its loaders finish). */
const merged = new Map<string, TemplateMap>();
/** Each language's loads still running. */
const pendingLoads = new Map<string, Set<Promise<void>>>();
/** Languages whose first load has finished: until then an element in one speaks English. */
const loaded = new Set<string>([sourceLocale]);
const firstLoads = new Map<string, Promise<void>>();

/** The language of the element updating now (set by CivicElement around its update). */
let speaking: CivicLocale | null = null;
/**
 * The page's language as the widgets speak it (for those without a `lang` of their own):
 * `<html lang>` when first asked, then useLocale()'s choice or `<html lang>` again once a
 * change of it has loaded (so nothing reads the new language before its strings are in).
 */
let page: CivicLocale | null = null;
/** Each element that speaks (CivicElement registers itself while connected) and how to ask it. */
const speakers = new Map<EventTarget, () => CivicLocale>();

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => currentLocale(),
  loadLocaleSync: (locale) => {
    const templates = merged.get(locale);
    if (!templates) void loadLocale(locale as CivicLocale);
    return templates ? { templates } : undefined;
  },
});

function ready(locale: string): void {
  // The event @lit/localize fires after a load: localized elements re-render on it.
  window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
}

function track(locale: string, load: Promise<void>): Promise<void> {
  const running = pendingLoads.get(locale) ?? new Set();
  pendingLoads.set(locale, running);
  running.add(load);
  void load.finally(() => running.delete(load));
  return load;
}

function runLoader(locale: string, templates: TemplateMap, loader: TranslationLoader): Promise<void> {
  return track(
    locale,
    loader().then(
      (module) => {
        Object.assign(templates, module.templates);
        ready(locale);
      },
      (error: unknown) => console.error(`civic-widgets: could not load the "${locale}" translations; staying in English.`, error),
    ),
  );
}

/** Loads a language's strings from every package registered so far, once. */
function loadLocale(locale: CivicLocale): Promise<void> {
  if (locale === sourceLocale) return Promise.resolve();
  if (!merged.has(locale)) {
    const templates: TemplateMap = {};
    merged.set(locale, templates);
    const first = (loaders.get(locale) ?? []).map((loader) => runLoader(locale, templates, loader));
    firstLoads.set(
      locale,
      Promise.all(first).then(() => {
        loaded.add(locale);
        ready(locale);
      }),
    );
  }
  return translationsReady(locale);
}

/** Registers a package's translations for one locale. Call at module top level. */
export function registerTranslations(locale: Exclude<CivicLocale, 'en'>, loader: TranslationLoader): void {
  const list = loaders.get(locale) ?? [];
  if (list.includes(loader)) return;
  list.push(loader);
  loaders.set(locale, list);
  // The language is already in use: this package's strings join it now.
  const templates = merged.get(locale);
  if (templates) void runLoader(locale, templates, loader);
}

/**
 * Resolves once every translation registered so far for `locale` has loaded, including a
 * package that registered after the language was first loaded (a lazily loaded chunk): await it
 * before showing that package's element so it never draws in English first.
 */
export async function translationsReady(locale: CivicLocale): Promise<void> {
  if (locale === sourceLocale) return;
  if (!merged.has(locale)) return loadLocale(locale);
  await firstLoads.get(locale);
  for (let running = pendingLoads.get(locale); running?.size; running = pendingLoads.get(locale)) {
    await Promise.all(running);
  }
}

/** Maps any BCP 47 tag to a locale we speak: `cy`, `cy-GB` → `cy`; anything else → `en`. */
export function toCivicLocale(tag: string | null | undefined): CivicLocale {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return (targetLocales as readonly string[]).includes(primary) ? (primary as CivicLocale) : sourceLocale;
}

/** The page's language: `<html lang>`, or useLocale()'s choice since. */
export function pageLocale(): CivicLocale {
  return (page ??= toCivicLocale(globalThis.document?.documentElement.lang));
}

/** The language of the element an event is being dispatched to, if one of ours is on its path. */
function eventLocale(): CivicLocale | null {
  // window.event is the event being dispatched now (undefined outside listeners).
  // globalThis, not window: messages are also made outside a browser (Node tests, a server render).
  const event = (globalThis as { event?: Event }).event;
  if (!event || !speakers.size) return null;
  for (const target of event.composedPath()) {
    const speaker = speakers.get(target);
    if (speaker) return speaker();
  }
  return null;
}

/**
 * The language speaking now: the element updating, the event's element, else the page's; English
 * until that language's strings have first loaded, so words and dates never mix languages.
 */
export function currentLocale(): CivicLocale {
  const locale = speakingNow();
  return loaded.has(locale) ? locale : sourceLocale;
}

function speakingNow(): CivicLocale {
  if (speaking) return speaking;
  const fromEvent = eventLocale();
  if (fromEvent) return fromEvent;
  // Every widget on the page in one language (a Welsh widget on a page without lang="cy"): it.
  const spoken = new Set([...speakers.values()].map((speaker) => speaker()));
  if (spoken.size === 1) return [...spoken][0]!;
  return pageLocale();
}

/** Runs `update` (an element's render) with `locale` speaking. */
export function speakingIn<T>(locale: CivicLocale, update: () => T): T {
  const before = speaking;
  speaking = locale;
  try {
    return update();
  } finally {
    speaking = before;
  }
}

/** An element that speaks `locale()` while connected; loads its language. */
export function addSpeaker(element: EventTarget, locale: () => CivicLocale): Promise<void> {
  speakers.set(element, locale);
  return loadLocale(locale());
}

export function removeSpeaker(element: EventTarget): void {
  speakers.delete(element);
}

/**
 * Sets the page's language for every widget without a `lang` of its own (or an ancestor's), as
 * a change of `<html lang>` would, and loads its strings once.
 */
export function useLocale(locale: CivicLocale): Promise<void> {
  return loadLocale(locale).then(() => {
    if (pageLocale() === locale) return;
    page = locale;
    ready(locale);
  });
}

/** `<html lang>` changed (a CMS language switcher): the page's language, once its strings are in. */
export function followPageLocale(): Promise<void> {
  return useLocale(toCivicLocale(document.documentElement.lang));
}
