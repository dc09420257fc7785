import { http, HttpResponse, type HttpHandler } from 'msw';
import type { CouncilConfig } from '../../packages/server/src/config/schema.ts';
import type { Areas } from '../../packages/server/src/geo/areas.ts';
import { validateResponse, type Answers, type LocateFn } from '../../packages/server/src/consultations/answers.ts';
import { parseDefinition, type Definition } from '../../packages/server/src/consultations/definition.ts';
import { parseAlertBody } from '../../packages/server/src/consultations/alert-rules.ts';
import {
  consultationDetail,
  consultationList,
  notOpenError,
  publishBodySchema,
  publishedResults,
  relativeDate,
  resultsView,
  type StoredConsultation,
} from '../../packages/server/src/consultations/views.ts';
import type { DemoConsultation } from './demo-data.ts';
import { codedError, DAY, open311Error, randomCode, type MockContext } from './mock-http.ts';

/*
 * The consultation API on the demo consultations, kept in memory: responses checked by the
 * server's own rules, drafts behind resume codes, the closed consultation's results counted from
 * its demo responses as the server publishes them.
 */

interface StoredDraft {
  code: string;
  consultation: string;
  answers: Answers;
  page: string | null;
  updatedAt: Date;
  expiresAt: Date;
}

export function consultationHandlers({ base, now }: MockContext, config: CouncilConfig, areas: Areas, demo: DemoConsultation[]): HttpHandler[] {
  const daysFromNow = (days: number) => new Date(now().getTime() + days * DAY);
  const locate: LocateFn = (lat, lng) => {
    const where = areas.locate(lat, lng);
    return where.inside ? { inside: true } : { inside: false, neighbour: where.neighbour };
  };
  const consultations = new Map<string, StoredConsultation & { answers: Answers[] }>();
  for (const { definition: raw, responses, results } of demo) {
    const input = { ...(raw as Record<string, unknown>) };
    for (const key of ['opens', 'closes'] as const) input[key] = relativeDate(input[key], key, now());
    const definition: Definition = parseDefinition(input, 'demo consultation');
    const answers = responses.map((a) => {
      const checked = validateResponse(definition, a, locate);
      if (!checked.ok) throw new Error(`${definition.id}: a demo response does not validate: ${checked.errors[0]?.description}`);
      return checked.answers;
    });
    consultations.set(definition.id, {
      definition,
      opensAt: new Date(definition.opens),
      closesAt: new Date(definition.closes),
      answers,
      results: results ? publishedResults(definition, publishBodySchema.parse(results), answers) : null,
      // The server publishes the demo's results when it first starts: that is now, here.
      resultsPublishedAt: results ? now() : null,
    });
  }
  const drafts = new Map<string, StoredDraft>();
  const submitted = new Map<string, { reference: string; submittedAt: string }>();

  const consultation = (id: string) => consultations.get(id);
  const notOpen = (c: StoredConsultation) => {
    const refused = notOpenError(c, now());
    return refused ? codedError(409, refused.code, refused.description) : null;
  };
  const draftAnswer = (d: StoredDraft) => ({
    resumeCode: d.code,
    answers: d.answers,
    page: d.page,
    updatedAt: d.updatedAt.toISOString(),
    expiresAt: d.expiresAt.toISOString(),
  });

  return [
    http.get(`${base}/api/consultations`, () => HttpResponse.json(consultationList([...consultations.values()], now()))),
    // Alerts: checked by the server's own rules and accepted; Storybook sends no email.
    http.post(`${base}/api/consultations/alerts`, async ({ request }) => {
      let body;
      try {
        body = parseAlertBody(await request.json().catch(() => null));
      } catch (error) {
        return open311Error(error);
      }
      if (body.consultation && !consultation(body.consultation)) return codedError(404, 'not_found', `There is no consultation "${body.consultation}".`);
      return HttpResponse.json({ status: 'confirmation_sent' }, { status: 202 });
    }),
    http.get(`${base}/api/consultations/:id`, ({ params }) => {
      const c = consultation(String(params.id));
      return c ? HttpResponse.json(consultationDetail(c, now())) : codedError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
    }),
    http.post(`${base}/api/consultations/:id/responses`, async ({ params, request }) => {
      const c = consultation(String(params.id));
      if (!c) return codedError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      const key = request.headers.get('idempotency-key');
      const earlier = key ? submitted.get(`${c.definition.id} ${key}`) : undefined;
      if (earlier) return HttpResponse.json(earlier);
      const refused = notOpen(c);
      if (refused) return refused;
      const body = (await request.json()) as { answers?: Answers; resumeCode?: string };
      if (!body || typeof body.answers !== 'object') {
        return codedError(400, 'invalid_body', 'Send a JSON object with "answers": an object of question id → answer.');
      }
      const checked = validateResponse(c.definition, body.answers, locate);
      if (!checked.ok) return HttpResponse.json(checked.errors, { status: 400 });
      c.answers.push(checked.answers);
      const answer = { reference: `${config.council.reference_prefix}-C-${randomCode(4)}-${randomCode(4)}`, submittedAt: now().toISOString() };
      if (key) submitted.set(`${c.definition.id} ${key}`, answer);
      if (body.resumeCode) drafts.delete(body.resumeCode.replace(/[\s-]/g, '').toUpperCase());
      return HttpResponse.json(answer, { status: 201 });
    }),
    http.post(`${base}/api/consultations/:id/drafts`, async ({ params, request }) => {
      const c = consultation(String(params.id));
      if (!c) return codedError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      const refused = notOpen(c);
      if (refused) return refused;
      const body = (await request.json()) as { answers: Answers; page?: string; email?: string };
      const draft: StoredDraft = { code: randomCode(8), consultation: c.definition.id, answers: body.answers, page: body.page ?? null, updatedAt: now(), expiresAt: daysFromNow(30) };
      drafts.set(draft.code, draft);
      return HttpResponse.json({ resumeCode: draft.code, expiresAt: draft.expiresAt.toISOString(), emailed: Boolean(body.email?.trim()) }, { status: 201 });
    }),
    http.get(`${base}/api/consultations/:id/drafts/:code`, ({ params }) => {
      const draft = drafts.get(String(params.code).replace(/[\s-]/g, '').toUpperCase());
      if (!draft || draft.consultation !== params.id) {
        return codedError(404, 'draft_not_found', 'We could not find saved answers for that code. Check the code; saved answers are kept for 30 days.');
      }
      return HttpResponse.json(draftAnswer(draft));
    }),
    http.put(`${base}/api/consultations/:id/drafts/:code`, async ({ params, request }) => {
      const draft = drafts.get(String(params.code).replace(/[\s-]/g, '').toUpperCase());
      if (!draft || draft.consultation !== params.id) {
        return codedError(404, 'draft_not_found', 'We could not find saved answers for that code. Check the code; saved answers are kept for 30 days.');
      }
      const body = (await request.json()) as { answers: Answers; page?: string; email?: string };
      Object.assign(draft, { answers: body.answers, page: body.page ?? null, updatedAt: now(), expiresAt: daysFromNow(30) });
      return HttpResponse.json({ resumeCode: draft.code, expiresAt: draft.expiresAt.toISOString(), emailed: Boolean(body.email?.trim()) });
    }),
    http.get(`${base}/api/consultations/:id/results`, ({ params }) => {
      const c = consultation(String(params.id));
      if (!c) return codedError(404, 'not_found', `There is no consultation "${String(params.id)}".`);
      if (!c.results || !c.resultsPublishedAt) return codedError(404, 'results_not_published', 'The results of this consultation have not been published yet.');
      return HttpResponse.json(resultsView({ ...c, results: c.results, resultsPublishedAt: c.resultsPublishedAt }, now()));
    }),
  ];
}
