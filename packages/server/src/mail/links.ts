import type { Language } from '../requests/open311/language.ts';
import type { ServerContext } from '../http/context.ts';

/** Where a resident follows their case: the council's page with the case tracker, or ours. */
export function trackingLink(ctx: ServerContext, id: string, language: Language | null = 'en'): string {
  // A Welsh email links to the Welsh tracking page when the council has one.
  const template = (language === 'cy' && ctx.config.cy?.tracking_url) || ctx.config.tracking_url;
  if (template) return template.replaceAll('{id}', encodeURIComponent(id));
  return `${ctx.publicUrl}/cases/${encodeURIComponent(id)}`;
}

export function unsubscribeLink(ctx: ServerContext, token: string): string {
  return `${ctx.publicUrl}/open311/v2/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
}

export function confirmLink(ctx: ServerContext, token: string): string {
  return `${ctx.publicUrl}/open311/v2/subscriptions/confirm?token=${encodeURIComponent(token)}`;
}

/**
 * RFC 8058 one-click unsubscribe headers for `url`. Mail providers (Gmail, Yahoo) show their own
 * "Unsubscribe" button and POST `List-Unsubscribe=One-Click` to the URL, with no cookies and no
 * Origin: the unsubscribe route takes the token from the query string for that reason.
 */
export function oneClickUnsubscribe(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
