import type { Language } from '../requests/open311/language.ts';
import type { ServerContext } from '../http/context.ts';

/*
 * A link to one of this server's own pages carries the language of the email it is in
 * (`lang=cy`), so the page opens in that language whatever the browser's (http/page-language.ts).
 */
const inLanguage = (language: Language | null) => (language ? `lang=${language}` : '');

/** Where a resident follows their case: the council's page with the case tracker, or ours. */
export function trackingLink(ctx: ServerContext, id: string, language: Language | null = 'en'): string {
  // A Welsh email links to the Welsh tracking page when the council has one.
  const template = (language === 'cy' && ctx.config.cy?.tracking_url) || ctx.config.tracking_url;
  if (template) return template.replaceAll('{id}', encodeURIComponent(id));
  const query = inLanguage(language);
  return `${ctx.publicUrl}/cases/${encodeURIComponent(id)}${query && `?${query}`}`;
}

export function unsubscribeLink(ctx: ServerContext, token: string, language: Language | null = null): string {
  const query = inLanguage(language);
  return `${ctx.publicUrl}/open311/v2/subscriptions/unsubscribe?token=${encodeURIComponent(token)}${query && `&${query}`}`;
}

export function confirmLink(ctx: ServerContext, token: string, language: Language | null = null): string {
  const query = inLanguage(language);
  return `${ctx.publicUrl}/open311/v2/subscriptions/confirm?token=${encodeURIComponent(token)}${query && `&${query}`}`;
}

/**
 * RFC 8058 one-click unsubscribe headers for `url`. Mail providers (Gmail, Yahoo) show their own
 * "Unsubscribe" button and POST `List-Unsubscribe=One-Click` to the URL, with no cookies and no
 * Origin: the unsubscribe route takes the token from the query string for that reason.
 */
export function oneClickUnsubscribe(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
