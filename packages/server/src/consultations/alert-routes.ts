import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml, sendPage } from '../http/html.ts';
import { languageSwitch, pageLanguage } from '../http/page-language.ts';
import { pageHelmet } from '../http/security-headers.ts';
import { alertWords } from './alert-words.ts';
import type { AlertRow, ConsultationAlerts } from './alerts.ts';
import { alertSchemas } from './schemas.ts';

/**
 * /api/consultations/alerts: sign up (JSON, from the hub and the consultation's confirmation
 * page), and the two pages the emailed links open. A GET only shows a button, because mail
 * scanners follow links; the POST acts. The unsubscribe POST is also RFC 8058's one-click
 * target: mail clients send `List-Unsubscribe=One-Click` to the List-Unsubscribe address.
 */
export default async function alertRoutes(app: FastifyInstance, { alerts }: { alerts: ConsultationAlerts }) {
  const council = app.civic.config.council.name;

  // JSON only (the consultation routes' rule): no plain HTML form on another site can sign anyone up.
  // The body is checked by alerts.request with the same schema (attachValidation keeps its order).
  app.post('/', { schema: alertSchemas.signUp, attachValidation: true, config: { openapiPath: '/api/consultations/alerts' } }, async (request, reply) => reply.code(202).send(await alerts.request(request.body)));

  const tokenOf = (request: FastifyRequest) => {
    const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    return body.token ?? (request.query as Record<string, unknown>).token;
  };
  const unknown = (reply: FastifyReply) => {
    const words = alertWords('en').page;
    const welsh = alertWords('cy').page;
    return sendPage(reply, 404, council, words.unknownTitle, `<h1>${escapeHtml(words.unknownTitle)}</h1><p>${escapeHtml(words.unknown)}</p>
<div lang="cy"><h2>${escapeHtml(welsh.unknownTitle)}</h2><p>${escapeHtml(welsh.unknown)}</p></div>`);
  };
  const page = (reply: FastifyReply, alert: AlertRow, title: string, body: string, before = '') =>
    sendPage(reply, 200, alerts.councilName(alert.lang), title, `${before}<h1>${escapeHtml(title)}</h1>${body}`, alert.lang);
  // The alert in the page's language: the one it was asked in, unless the page's language switch
  // (?lang=) says otherwise (http/page-language.ts).
  const inPageLanguage = (request: FastifyRequest, alert: AlertRow): AlertRow => ({ ...alert, lang: pageLanguage(request, alert.lang) });

  for (const action of ['confirm', 'unsubscribe'] as const) {
    const pageSchema = action === 'confirm' ? alertSchemas.confirmPage : alertSchemas.unsubscribePage;
    app.get(`/${action}`, { schema: pageSchema, config: { helmet: pageHelmet() } }, async (request, reply) => {
      const found = await alerts.find(tokenOf(request));
      if (!found) return unknown(reply);
      const alert = inPageLanguage(request, found);
      const words = alertWords(alert.lang).page;
      const { title, about } = await alerts.describe(alert);
      const email = alert.email;
      const [heading, text, button] =
        action === 'confirm'
          ? [words.confirmTitle, title ? words.confirmOutcome(email, title) : words.confirmNew(email, about), words.confirmButton]
          : [words.stopTitle, title ? words.stopOutcome(email, title) : words.stopNew(email), words.stopButton];
      return page(
        reply,
        alert,
        heading,
        `<p>${escapeHtml(text)}</p>
<form method="post" action="/api/consultations/alerts/${action}?lang=${alert.lang}"><input type="hidden" name="token" value="${escapeHtml(alert.token)}"><button type="submit">${escapeHtml(button)}</button></form>`,
        languageSwitch(request, alert.lang),
      );
    });

    // The page's button (a form post, only from this server's own page), and for unsubscribe
    // also a mail client's RFC 8058 one-click POST, which sends no Origin.
    app.post(`/${action}`, { schema: alertSchemas[action], attachValidation: true, config: { crossSite: 'same-origin', jsonOnly: false, helmet: pageHelmet() } }, async (request, reply) => {
      const found = await alerts.find(tokenOf(request));
      if (!found) return unknown(reply);
      const alert = inPageLanguage(request, found);
      const words = alertWords(alert.lang).page;
      if (action === 'confirm') {
        await alerts.confirm(alert);
        const text = alert.consultation_id ? words.confirmedOutcome(alert.email) : words.confirmedNew(alert.email);
        return page(reply, alert, words.confirmedTitle, `<p>${escapeHtml(text)}</p>`);
      }
      await alerts.unsubscribe(alert);
      return page(reply, alert, words.stoppedTitle, `<p>${escapeHtml(words.stopped)}</p>`);
    });
  }
}
