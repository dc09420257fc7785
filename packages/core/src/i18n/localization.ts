import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';

/** The languages every widget speaks. English is the source; Welsh is a legal duty in Wales. */
export const sourceLocale = 'en';
export const targetLocales = ['cy'] as const;
export type CivicLocale = typeof sourceLocale | (typeof targetLocales)[number];

type TemplateMap = LocaleModule['templates'];
type TranslationLoader = () => Promise<{ templates: TemplateMap }>;

/*
 * @lit/localize can be configured only once per page, but each widget package ships its own
 * translations. So core owns the one configuration and every package registers a loader for
 * its own strings; loading a locale merges them all. A widget whose script arrives after the
 * page already switched language (two CDN scripts, one slower) is merged in late and the
 * elements are told to re-render.
 */
const loaders = new Map<string, TranslationLoader[]>();
const merged = new Map<string, TemplateMap>();

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    const templates = merged.get(locale) ?? {};
    merged.set(locale, templates);
    const modules = await Promise.all((loaders.get(locale) ?? []).map((load) => load()));
    for (const module of modules) Object.assign(templates, module.templates);
    return { templates };
  },
});

/** Registers a package's translations for one locale. Call at module top level. */
export function registerTranslations(locale: Exclude<CivicLocale, 'en'>, loader: TranslationLoader): void {
  const list = loaders.get(locale) ?? [];
  if (list.includes(loader)) return;
  list.push(loader);
  loaders.set(locale, list);
  const templates = merged.get(locale);
  if (templates && getLocale() === locale) {
    void loader().then((module) => {
      Object.assign(templates, module.templates);
      // The same event @lit/localize fires after a load: localized elements re-render on it.
      window.dispatchEvent(
        new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: locale } }),
      );
    });
  }
}

/** Maps any BCP 47 tag to a locale we speak: `cy`, `cy-GB` → `cy`; anything else → `en`. */
export function toCivicLocale(tag: string | null | undefined): CivicLocale {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return (targetLocales as readonly string[]).includes(primary) ? (primary as CivicLocale) : sourceLocale;
}

/** The language the widgets are speaking now. */
export function currentLocale(): CivicLocale {
  return toCivicLocale(getLocale());
}

let pending: Promise<void> = Promise.resolve();

/** Switches every widget on the page to `locale`, loading its translations once. */
export function useLocale(locale: CivicLocale): Promise<void> {
  if (getLocale() === locale) return pending;
  pending = setLocale(locale).catch((error: unknown) => {
    console.error(`civic-widgets: could not load the "${locale}" translations; staying in English.`, error);
  });
  return pending;
}
