/*
 * Which language an Open311 answer is in, and the Welsh of a config text. Pure: no Node API, no
 * fastify, so the Storybook mock backend (stories/backend) can pick the language the same way.
 *
 * A client asks for Welsh with the `locale` query parameter (for clients that can only add query
 * parameters, like FixMyStreet) or the `Accept-Language` header; the parameter wins. Anything
 * else, or nothing, is English: the council's config is written in English with optional Welsh
 * (`cy`) beside it. Documented in docs/open311-extensions.md.
 */

/** The languages a council config can be answered in. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of a tag: `cy`, `cy-GB`, `CY` → cy; `en-GB` → en; anything else null. */
export function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/**
 * The best language for an `Accept-Language` header (RFC 9110 §12.5.4): the supported language
 * with the highest q-value, the first listed on a tie; `q=0` means "not this one". `*` and
 * languages we do not have count as English, which is always there.
 */
export function languageFromAcceptLanguage(header: string | undefined | null): Language {
  if (!header) return 'en';
  let best: Language = 'en';
  let bestQ = -1;
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';');
    if (!range?.trim()) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(.*?)\s*$/i.exec(param);
      // A q that is not a qvalue (0 to 1, three decimals at most) makes the range unusable.
      if (match) q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(match[1]!) ? Number(match[1]) : 0;
    }
    if (q <= 0) continue;
    const language = range.trim() === '*' ? 'en' : languageOfTag(range);
    if (language && q > bestQ) {
      best = language;
      bestQ = q;
    }
  }
  return best;
}

/**
 * The language of one Open311 call: the `locale` query parameter when it names a language we
 * have (`cy`, `cy-GB`, `en`), else the `Accept-Language` header, else English.
 */
export function pickLanguage(request: { locale?: unknown; acceptLanguage?: string | string[] | null }): Language {
  const locale = Array.isArray(request.locale) ? request.locale[0] : request.locale;
  if (typeof locale === 'string') {
    const language = languageOfTag(locale);
    if (language) return language;
  }
  const header = Array.isArray(request.acceptLanguage) ? request.acceptLanguage.join(',') : request.acceptLanguage;
  return languageFromAcceptLanguage(header);
}

/**
 * `field` of `item` in `language`: its Welsh from `item.cy` when asked for Welsh and given, else
 * the English. Field by field, so a half-translated service still answers.
 */
export function inLanguage<T extends object, K extends keyof T & string>(item: T, field: K, language: Language): T[K] {
  if (language === 'cy') {
    const welsh = (item as { cy?: Partial<Record<K, unknown>> }).cy?.[field];
    if (welsh !== undefined) return welsh as T[K];
  }
  return item[field];
}

/**
 * The language a client said it speaks, or null when it said nothing we have: the `locale`
 * parameter, else an `Accept-Language` naming Welsh, English or `*`. Recorded with a report or
 * a subscription; null (no header, or only languages we do not have) makes the emails bilingual.
 */
export function statedLanguage(request: { locale?: unknown; acceptLanguage?: string | string[] | null }): Language | null {
  const locale = Array.isArray(request.locale) ? request.locale[0] : request.locale;
  if (typeof locale === 'string' && languageOfTag(locale)) return languageOfTag(locale);
  const header = Array.isArray(request.acceptLanguage) ? request.acceptLanguage.join(',') : request.acceptLanguage;
  if (!header) return null;
  const named = header.split(',').some((part) => {
    const [range, ...params] = part.split(';');
    const zero = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p));
    // `*` (any language, as Node's fetch sends) takes English, as pickLanguage answers it.
    return !zero && (range?.trim() === '*' || languageOfTag(range ?? '') !== null);
  });
  return named ? languageFromAcceptLanguage(header) : null;
}
