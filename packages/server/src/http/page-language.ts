import type { FastifyRequest } from 'fastify';
import { languageFromAcceptLanguage, languageOfTag, type Language } from '../requests/open311/language.ts';
import { escapeHtml } from './html.ts';

/*
 * The language of a page the server shows a resident (the case page, the email links' pages).
 * `?lang=cy` wins: every link in an email carries the language of the email it is in, and the
 * language switch on each page sets it. Then what we recorded for this resident (a subscription's
 * language), then the browser's Accept-Language, else English.
 */

/** The page's language: `?lang`, else `recorded`, else Accept-Language. */
export function pageLanguage(request: FastifyRequest, recorded: Language | null = null): Language {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof asked === 'string' ? languageOfTag(asked) : null;
  return fromQuery ?? recorded ?? languageFromAcceptLanguage(request.headers['accept-language']);
}

/** This page's address with `lang` set, for a link that switches language. */
export function withLanguage(request: FastifyRequest, language: Language): string {
  const url = new URL(request.url, 'http://server.invalid');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}

/**
 * The link to this page in the other language, as the demo site's pages have it: named in that
 * language, with `lang` and `hreflang` so a screen reader says it in the right voice.
 */
export function languageSwitch(request: FastifyRequest, language: Language): string {
  const other: Language = language === 'cy' ? 'en' : 'cy';
  const name = other === 'cy' ? 'Cymraeg' : 'English';
  return `<p class="language"><a href="${escapeHtml(withLanguage(request, other))}" lang="${other}" hreflang="${other}">${name}</a></p>\n`;
}
