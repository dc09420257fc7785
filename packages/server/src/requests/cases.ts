import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { escapeHtml, sendPage } from '../http/html.ts';
import { councilName } from '../config/index.ts';
import { languageSwitch, pageLanguage } from '../http/page-language.ts';
import { asSent, htmlPage, pageLanguageQuery } from '../http/route-schemas.ts';
import { pageHeaders } from '../http/security-headers.ts';
import { STATUS_WORDS_CY, welshLongDate } from '../mail/words.ts';
import { ukLongDate } from './expected-dates.ts';
import { agencyIn, noticeIn, serviceNameIn } from './in-language.ts';
import type { Language } from './open311/language.ts';
import { pageWords } from './page-words.ts';
import { findRequest } from './requests.ts';
import { STATUS_WORDS, type ExtendedStatus } from './statuses.ts';
import { listUpdates } from './updates.ts';

const statusIn = (status: string, language: Language) => (language === 'cy' ? STATUS_WORDS_CY : STATUS_WORDS)[status as ExtendedStatus] ?? status;

/** "Friday 4 December 2026, 14:30" / "dydd Gwener 4 Rhagfyr 2026, 14:30", in UK time. */
function when(value: Date, language: Language): string {
  const date = new Date(value);
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${language === 'cy' ? welshLongDate(date) : ukLongDate(date)}, ${time}`;
}

/** Mounted at /cases (index.ts). */
export default async function casePages(app: FastifyInstance) {
  const ctx = app.civic;
  pageHeaders(app);
  const page = (reply: FastifyReply, status: number, language: Language, title: string, body: string) =>
    sendPage(reply, status, councilName(ctx.config, language), title, body, language);

  // A plain case page for the links in emails when the council has no case tracker page, in the
  // language of the email's link (?lang=cy) or the browser's, with a link to the other language.
  const schema = {
    tags: ['Open311 extensions (not in the spec)'],
    summary: 'A plain HTML case page for links in emails',
    params: asSent(z.object({ id: z.string().describe('The reference, like LDC-1001') })),
    querystring: pageLanguageQuery,
    response: { 200: htmlPage('The case and its updates'), 404: htmlPage('No such report') },
  };
  app.get<{ Params: { id: string } }>('/:id', { schema }, async (request, reply) => {
    const language = pageLanguage(request);
    const words = pageWords(language);
    const switchLink = languageSwitch(request, language);
    const row = await findRequest(ctx, request.params.id);
    if (!row) {
      return page(reply, 404, language, words.notFoundTitle, `${switchLink}<h1>${escapeHtml(words.notFound)}</h1><p>${escapeHtml(words.notFoundHint(`${ctx.config.council.reference_prefix}-1001`))}</p>`);
    }
    const updates = await listUpdates(ctx, { service_request_id: row.service_request_id });
    const items = updates
      .map((u) => {
        // The update in Welsh where staff wrote it (docs/open311-extensions.md#welsh).
        const text = (language === 'cy' && u.description_cy) || u.description;
        return `<li><strong>${escapeHtml(statusIn(u.extended_status, language))}</strong> – <time datetime="${new Date(u.updated_datetime).toISOString()}">${escapeHtml(when(u.updated_datetime, language))}</time><br>${escapeHtml(text)}</li>`;
      })
      .join('');
    const dt = (term: string, value: string) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`;
    return page(
      reply,
      200,
      language,
      words.report(row.service_request_id),
      `${switchLink}<h1>${escapeHtml(`${words.report(row.service_request_id)}: ${serviceNameIn(ctx, row, language)}`)}</h1>
<dl>${dt(words.status, statusIn(row.extended_status, language))}${dt(words.reported, when(row.requested_datetime, language))}${dt(words.where, row.address ?? `${row.lat}, ${row.long}`)}${dt(words.dealtWith, agencyIn(ctx, row, language))}</dl>
<p>${escapeHtml(noticeIn(ctx, row, language))}</p>
<h2>${escapeHtml(words.updates)}</h2>${items ? `<ol>${items}</ol>` : `<p>${escapeHtml(words.noUpdates)}</p>`}`,
    );
  });
}
