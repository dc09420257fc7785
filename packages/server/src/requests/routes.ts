import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../http/context.ts';
import { councilName } from '../config/index.ts';
import { ApiError, badRequest, notFound } from '../http/errors.ts';
import { escapeHtml, sendPage } from '../http/html.ts';
import { languageSwitch, pageLanguage } from '../http/page-language.ts';
import { pageWords } from './page-words.ts';
import { checkPublicPost, multipartKeyOf, requireStaff } from '../http/keys.ts';
import { pageHelmet } from '../http/security-headers.ts';
import { sendCachedAnswer, sendList, splitFormat, type Format } from './open311/format.ts';
import { discoveryDocument, discoveryXmlShape } from './open311/discovery.ts';
import { statedLanguage, type Language } from './open311/language.ts';
import { answerLanguage } from './open311/answer-language.ts';
import { noticeIn, publicRequestIn } from './in-language.ts';
import { definitionsAskedFor, findService, serviceDefinitionIn, serviceSummaryIn } from './open311/services.ts';
import { objectToXml } from '../http/xml.ts';
import { loadImage, storeImage } from './media.ts';
import { PhotoQueueFull } from './photo-queue.ts';
import { searchRequests } from './query.ts';
import { checkIdempotencyKey, createRequest, findByToken, findRequest, type CreatedRequest } from './requests.ts';
import { confirmSubscription, findSubscription, subscribe, unsubscribe } from './subscriptions.ts';
import { listUpdates, postUpdate, publicUpdate } from './updates.ts';
import { answer, htmlPage } from '../http/route-schemas.ts';
import {
  consumes,
  createdSchema,
  discoverySchema,
  discoveryTags,
  extTags,
  idempotencyHeaders,
  languageHeaders,
  languageQuery,
  open311Answer,
  open311Error,
  open311RuleErrors,
  reportBody,
  reportHeaders,
  staffHeaders,
  searchQuery,
  serviceDefinitionSchema,
  serviceRequestSchema,
  serviceSchema,
  servicesQuery,
  subscribeBody,
  tags,
  tokenBody,
  tokenQuery,
  updateBody,
  updateSchema,
  updatesQuery,
} from './open311/schemas.ts';
import { z } from 'zod';
import type { FastifySchema, RouteShorthandOptions } from 'fastify';

/** Seconds a client is told to wait when the photo queue is full (a photo takes about a second). */
const PHOTO_RETRY_AFTER = 5;

/** Where the plugin is mounted (index.ts) and, inside it, where GeoReport v2 lives. */
export const OPEN311_PREFIX = '/open311';
const V2 = '/v2';
const BASE = `${OPEN311_PREFIX}${V2}`;

type Handler = (request: FastifyRequest, reply: FastifyReply, format: Format) => unknown;

/**
 * Registers `name`, `name.json` and `name.xml`, each validated by `schema`; the OpenAPI document
 * shows them once, as `name.{format}`.
 */
function withFormats(app: FastifyInstance, method: 'GET' | 'POST', name: string, options: RouteOptions, handler: Handler) {
  const { schema, ...rest } = options;
  for (const [suffix, format] of [['', 'json'], ['.json', 'json'], ['.xml', 'xml']] as const) {
    const documented = suffix === '.json';
    app.route({
      ...rest,
      method,
      url: `${V2}/${name}${suffix}`,
      schema: documented ? schema : { ...schema, hide: true },
      config: { ...rest.config, ...(documented ? { openapiPath: `${BASE}/${name}.{format}` } : {}) },
      handler: (req, reply) => handler(req, reply, format),
    });
  }
}
type RouteOptions = Omit<RouteShorthandOptions, 'schema'> & { schema: FastifySchema & { tags: string[]; summary: string } };

function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Send the fields form-encoded (application/x-www-form-urlencoded), like service_code=potholes&lat=52.2.');
  }
  return body as Record<string, unknown>;
}

function ensureFormOrJson(request: FastifyRequest) {
  const type = request.headers['content-type'] ?? '';
  if (request.body !== undefined && !/application\/x-www-form-urlencoded|application\/json/i.test(type)) {
    throw new ApiError(415, 'Send the fields form-encoded (application/x-www-form-urlencoded).');
  }
}

/**
 * The POST answer's service_notice in `language`. The stored report keeps the English notice (for
 * staff and other systems); in-language.ts gives it in Welsh. A replay gets it the same way.
 */
async function createdIn(ctx: ServerContext, created: CreatedRequest, language: Language): Promise<CreatedRequest> {
  if (language === 'en') return created;
  const row = await findRequest(ctx, created.service_request_id);
  return row ? { ...created, service_notice: noticeIn(ctx, row, language) } : created;
}

/** The language a POST's client said it speaks (null: it did not say), recorded for its emails. */
const stated = (request: FastifyRequest) =>
  statedLanguage({ locale: (request.query as Record<string, unknown> | undefined)?.locale, acceptLanguage: request.headers['accept-language'] });

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) and the extensions in
 * docs/open311-extensions.md, mounted at /open311/v2/.
 */
export default async function open311Routes(app: FastifyInstance) {
  const ctx = app.civic;
  // A browser on a site not on the allowed list is told it cannot send "reports" (http/cross-site.ts).
  app.addHook('onRoute', (route) => {
    route.config = { crossSiteNoun: 'reports', ...route.config };
  });
  // Open311 Service Discovery (required by GeoReport v2): /open311/discovery.json and .xml.
  const discovery = {
    tags: discoveryTags,
    summary: 'Service Discovery: where the GeoReport v2 endpoint is, its formats, contact, keys and changeset (also /open311/discovery, as JSON)',
    response: { 200: open311Answer(discoverySchema, 'The discovery document') },
  };
  for (const [path, format] of [['discovery', 'json'], ['discovery.json', 'json'], ['discovery.xml', 'xml']] as const) {
    const documented = path === 'discovery.json';
    const options = { schema: documented ? discovery : { ...discovery, hide: true }, config: { openapiPath: documented ? `${OPEN311_PREFIX}/discovery.{format}` : undefined } };
    app.get(`/${path}`, options, async (_request, reply) => {
      const doc = await discoveryDocument(ctx);
      if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(objectToXml('discovery', discoveryXmlShape(doc)));
      return reply.type('application/json; charset=utf-8').send(doc);
    });
  }

  // An index, so a person opening /open311/v2/ sees where to go.
  const index = z.object({ discovery: z.url(), services: z.url(), requests: z.url(), service_request_updates: z.url(), documentation: z.url() });
  app.get(`${V2}/`, { schema: { tags, summary: 'Where to go: discovery, services, requests, updates and this document', response: { 200: answer(index, 'Links') } } }, async () => ({
    discovery: `${ctx.publicUrl}/open311/discovery.json`,
    services: `${ctx.publicUrl}${BASE}/services.json`,
    requests: `${ctx.publicUrl}${BASE}/requests.json`,
    service_request_updates: `${ctx.publicUrl}${BASE}/servicerequestupdates.json`,
    documentation: `${ctx.publicUrl}/openapi.json`,
  }));

  const services = {
    tags,
    summary: 'The categories a resident can report (with `definitions`, those services\' questions too)',
    querystring: servicesQuery,
    headers: languageHeaders,
    response: { 200: open311Answer(z.array(serviceSchema), 'Every service'), 304: answer(z.null(), 'Not modified (If-None-Match matched the ETag)') },
  };
  withFormats(app, 'GET', 'services', { schema: services }, (request, reply, format) => {
    const language = answerLanguage(request, reply, true);
    // `?definitions=potholes` (our extension): those services' definitions ride in the list, so a
    // form for one category draws its first question from this one answer (issue #18).
    const embed = definitionsAskedFor((request.query as Record<string, unknown>).definitions);
    const list = ctx.config.services.map((s) => serviceSummaryIn(s, language, embed.has(s.service_code)));
    return sendCachedAnswer(request, reply, format, 'services', 'service', list);
  });

  const definition = {
    tags,
    summary: "A service's questions (service definition)",
    querystring: languageQuery,
    headers: languageHeaders,
    response: { 200: open311Answer(serviceDefinitionSchema, 'The definition'), 404: open311Error('No such service') },
  };
  const definitionOptions = { schema: definition, config: { openapiPath: `${BASE}/services/{service_code}.{format}` } };
  app.get<{ Params: { file: string } }>(`${V2}/services/:file`, definitionOptions, async (request, reply) => {
    const [code, format] = splitFormat(request.params.file);
    const service = findService(ctx.config, code);
    if (!service) {
      throw notFound(`There is no service "${code}". GET services.json lists them: ${ctx.config.services.map((s) => s.service_code).join(', ')}.`);
    }
    return sendCachedAnswer(request, reply, format, 'service_definition', null, serviceDefinitionIn(service, answerLanguage(request, reply, true)));
  });

  const report = {
    tags,
    summary: 'Report a problem',
    consumes,
    querystring: languageQuery,
    headers: reportHeaders,
    body: reportBody(ctx),
    response: {
      201: open311Answer(z.array(createdSchema), 'Stored; emails queued'),
      200: open311Answer(z.array(createdSchema), 'A retry with the same Idempotency-Key: the first answer (header Idempotent-Replayed: true)'),
      400: open311Error('One entry per problem, or the point is outside the council (naming where to go)'),
      403: open311Error('api_key not recognised, or an origin not on the list'),
      415: open311Error('Not form-encoded'),
      422: open311Error('Idempotency-Key reused for a different report'),
      429: open311Error('Too many POSTs; see Retry-After'),
    },
  };
  // attachValidation: the body's rules answer after the content type, key and origin checks and
  // an Idempotency-Key replay, as they always have (createRequest runs the same parseReport).
  withFormats(app, 'POST', 'requests', { schema: report, attachValidation: true }, async (request, reply, format) => {
    ensureFormOrJson(request);
    const body = formBody(request);
    checkPublicPost(ctx, request);
    const key = checkIdempotencyKey(request.headers['idempotency-key']);
    const { created, replayed } = await createRequest(ctx, body, key, stated(request));
    // After createRequest: its refusals are in English, and say so.
    const language = answerLanguage(request, reply, false);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    reply.code(replayed ? 200 : 201);
    return sendList(reply, format, 'service_requests', 'request', [{ ...(await createdIn(ctx, created, language)) }]);
  });

  const search = {
    tags,
    summary: 'Find reports',
    querystring: searchQuery(ctx.config),
    headers: languageHeaders,
    response: { 200: open311Answer(z.array(serviceRequestSchema), 'Newest first (nearest first near a point)'), 400: open311Error('A filter that cannot be read') },
  };
  withFormats(app, 'GET', 'requests', { schema: search, schemaErrorFormatter: open311RuleErrors }, async (request, reply, format) => {
    const result = await searchRequests(ctx, request.query as Record<string, unknown>);
    const language = answerLanguage(request, reply, true);
    // The count when it is small enough to be cheap (requests/query.ts COUNT_CAP); a next page as a Link.
    if (result.total !== null) reply.header('X-Total-Count', String(result.total));
    if (result.hasNext) {
      const next = new URLSearchParams(request.query as Record<string, string>);
      next.set('page', String(result.page + 1));
      next.set('page_size', String(result.pageSize));
      reply.header('Link', `<${ctx.publicUrl}${request.url.split('?')[0]}?${next}>; rel="next"`);
    }
    reply.header('Access-Control-Expose-Headers', 'X-Total-Count, Link');
    return sendList(reply, format, 'service_requests', 'request', result.rows.map((row) => publicRequestIn(ctx, row, language)));
  });

  const one = {
    tags,
    summary: 'One report',
    querystring: languageQuery,
    headers: languageHeaders,
    response: { 200: open311Answer(z.array(serviceRequestSchema), 'A one-item list, as the spec says'), 404: open311Error('No such report') },
  };
  app.get<{ Params: { file: string } }>(`${V2}/requests/:file`, { schema: one, config: { openapiPath: `${BASE}/requests/{service_request_id}.{format}` } }, async (request, reply) => {
    const [id, format] = splitFormat(request.params.file);
    const row = await findRequest(ctx, id);
    if (!row) throw notFound(`There is no report with the reference "${id}". Check it against the one in your receipt.`);
    return sendList(reply, format, 'service_requests', 'request', [publicRequestIn(ctx, row, answerLanguage(request, reply, true))]);
  });

  const token = {
    tags,
    summary: 'The reference for a token',
    response: { 200: open311Answer(z.array(z.object({ service_request_id: z.string(), token: z.string() })), 'Found'), 404: open311Error('No such token') },
  };
  app.get<{ Params: { file: string } }>(`${V2}/tokens/:file`, { schema: token, config: { openapiPath: `${BASE}/tokens/{token}.{format}` } }, async (request, reply) => {
    const [token, format] = splitFormat(request.params.file);
    const row = await findByToken(ctx, token);
    if (!row) throw notFound(`There is no report for the token "${token}".`);
    return sendList(reply, format, 'service_requests', 'request', [{ service_request_id: row.service_request_id, token: row.token }]);
  });

  // Extension: service request updates (mySociety).
  const updates = {
    tags: extTags,
    summary: 'Updates from the council (mySociety service request updates)',
    querystring: updatesQuery,
    headers: languageHeaders,
    response: { 200: open311Answer(z.array(updateSchema), 'Oldest first, up to 1000'), 400: open311Error('A filter that cannot be read') },
  };
  withFormats(app, 'GET', 'servicerequestupdates', { schema: updates, schemaErrorFormatter: open311RuleErrors }, async (request, reply, format) => {
    const rows = await listUpdates(ctx, request.query as Record<string, unknown>);
    const language = answerLanguage(request, reply, true);
    return sendList(reply, format, 'service_request_updates', 'request_update', rows.map((row) => publicUpdate(row, language)));
  });

  const update = {
    tags: extTags,
    summary: 'Staff post an update; a closing status closes the request; subscribers are emailed',
    consumes,
    headers: staffHeaders,
    body: updateBody,
    response: {
      201: open311Answer(z.array(updateSchema), 'Stored'),
      200: open311Answer(z.array(updateSchema), 'A retry with the same Idempotency-Key: the first answer'),
      400: open311Error('Invalid update'),
      403: open311Error('Missing or wrong staff key'),
      404: open311Error('No such report'),
    },
  };
  // Checked by postUpdate after the staff key and a replay, as before (attachValidation).
  withFormats(app, 'POST', 'servicerequestupdates', { schema: update, attachValidation: true }, async (request, reply, format) => {
    ensureFormOrJson(request);
    const body = formBody(request);
    const staff = requireStaff(ctx, request);
    const key = checkIdempotencyKey(request.headers['idempotency-key']);
    const { row, replayed } = await postUpdate(ctx, body, staff, key);
    reply.code(replayed ? 200 : 201);
    return sendList(reply, format, 'service_request_updates', 'request_update', [publicUpdate(row)]);
  });

  // Extension: photo upload.
  const media = {
    tags: extTags,
    summary: 'Upload a photo as multipart/form-data in a field called "media"; EXIF and GPS are removed; use the answer as media_url',
    headers: idempotencyHeaders,
    response: {
      201: answer(z.object({ media_url: z.url() }), 'Stored'),
      400: open311Error('No file, or the wrong field'),
      413: open311Error('Too large'),
      415: open311Error('Not an image, or not multipart/form-data'),
      503: open311Error('Busy processing other photos; see Retry-After'),
    },
  };
  app.post(`${V2}/media`, { schema: media }, async (request, reply) => {
    // The key may come in the address or, as a form sends it, in a field before the file: those
    // fields have been read once the file starts. Nothing is stored before the key is checked.
    const file = request.isMultipart() ? await request.file() : undefined;
    checkPublicPost(ctx, request, multipartKeyOf(file));
    const key = checkIdempotencyKey(request.headers['idempotency-key']);
    if (!request.isMultipart()) throw new ApiError(415, 'Upload the photo as multipart/form-data in a field called "media".');
    if (!file) throw badRequest('No file was sent: upload the photo in a field called "media".');
    if (file.fieldname !== 'media') throw badRequest(`Send the photo in a field called "media", not "${file.fieldname}".`);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new ApiError(413, `The photo is too large. Upload one under ${Number((ctx.config.media.max_bytes / 1_000_000).toPrecision(2))} MB.`);
      }
      throw error;
    }
    if (!bytes.length) throw badRequest('The file is empty. Choose a photo and try again.');
    let stored: Awaited<ReturnType<typeof storeImage>>;
    try {
      stored = await storeImage(ctx, bytes, key);
    } catch (error) {
      if (!(error instanceof PhotoQueueFull)) throw error;
      reply.header('Retry-After', String(PHOTO_RETRY_AFTER));
      throw new ApiError(503, `We are busy processing other photos. Try again in ${PHOTO_RETRY_AFTER} seconds.`);
    }
    reply.code(201);
    return { media_url: stored.url };
  });

  const photo = {
    tags: extTags,
    summary: 'A stored photo (JPEG)',
    params: z.object({ file: z.string().describe('As in media_url') }),
    response: { 200: answer(z.string().meta({ format: 'binary' }), 'The photo', 'image/jpeg'), 404: open311Error('No such photo') },
  };
  app.get<{ Params: { file: string } }>(`${V2}/media/:file`, { schema: photo }, async (request, reply) => {
    const id = request.params.file.replace(/\.jpg$/, '');
    const image = await loadImage(ctx, id);
    if (!image) throw notFound('There is no photo at this address.');
    reply
      .type(image.content_type)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('X-Content-Type-Options', 'nosniff');
    return reply.send(image.bytes);
  });

  // Extension: email subscriptions for the case tracker.
  const follow = {
    tags: extTags,
    summary: 'Follow a report by email: sends a confirmation link',
    consumes,
    body: subscribeBody,
    response: {
      202: answer(z.object({ service_request_id: z.string(), message: z.string() }), 'Confirmation email sent'),
      400: open311Error('Missing or invalid fields'),
      404: open311Error('No such report'),
      501: open311Error('This council sends no email'),
    },
  };
  // Checked by subscribe, after the origin check, as before (attachValidation).
  app.post(`${V2}/subscriptions`, { schema: follow, attachValidation: true }, async (request, reply) => {
    ensureFormOrJson(request);
    const body = formBody(request);
    checkPublicPost(ctx, request);
    reply.code(202);
    return subscribe(ctx, body, stated(request));
  });

  const page = (reply: FastifyReply, status: number, language: Language, title: string, body: string) =>
    sendPage(reply, status, councilName(ctx.config, language), title, body, language);
  // The links come from an email in the subscriber's language (?lang=); without one, the language
  // they subscribed in, else the browser's (http/page-language.ts).
  const notRecognised = (reply: FastifyReply, language: Language, switchLink = '') => {
    const words = pageWords(language);
    return page(reply, 404, language, words.unknownTitle, `${switchLink}<h1>${escapeHtml(words.unknown)}</h1><p>${escapeHtml(words.unknownHint)}</p>`);
  };

  // A GET only shows a button: mail scanners that follow links must not confirm or unsubscribe.
  for (const action of ['confirm', 'unsubscribe'] as const) {
    const show = {
      tags: extTags,
      summary: action === 'confirm' ? 'Page with a Confirm button (the emailed link)' : 'Page with a Stop emails button (the link in every update email)',
      querystring: tokenQuery,
      response: { 200: htmlPage('The page'), 404: htmlPage('Unknown link') },
    };
    app.get<{ Querystring: { token?: string } }>(`${V2}/subscriptions/${action}`, { schema: show, config: { helmet: pageHelmet() } }, async (request, reply) => {
      const sub = await findSubscription(ctx, request.query.token);
      const language = pageLanguage(request, sub?.language ?? null);
      const switchLink = languageSwitch(request, language);
      if (!sub) return notRecognised(reply, language, switchLink);
      const words = pageWords(language);
      const [title, text, button] =
        action === 'confirm'
          ? [words.confirmTitle, words.confirm(sub.service_request_id, sub.email), words.confirmButton]
          : [words.stopTitle, words.stop(sub.service_request_id, sub.email), words.stopButton];
      return page(reply, 200, language, title, `${switchLink}<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>
<form method="post" action="${BASE}/subscriptions/${action}?lang=${language}"><input type="hidden" name="token" value="${escapeHtml(request.query.token)}"><button type="submit">${escapeHtml(button)}</button></form>`);
    });
    // The button on the page above: only this server's own page may press it. Its answer has no
    // language switch: the page to switch to would be the button again.
    const act = {
      tags: extTags,
      summary: action === 'confirm' ? 'Confirm the subscription (the page\'s button)' : 'Stop the emails (the page\'s button)',
      consumes: ['application/x-www-form-urlencoded'],
      querystring: tokenQuery,
      body: tokenBody,
      response: { 200: htmlPage('Done'), 404: htmlPage('Unknown link') },
    };
    app.post(`${V2}/subscriptions/${action}`, { schema: act, attachValidation: true, config: { crossSite: 'same-origin', helmet: pageHelmet() } }, async (request, reply) => {
      const body = formBody(request);
      const query = request.query as Record<string, unknown>;
      const token = body.token ?? query.token;
      const sub = await findSubscription(ctx, token);
      const language = pageLanguage(request, sub?.language ?? null);
      if (!sub) return notRecognised(reply, language);
      const words = pageWords(language);
      const id = sub.service_request_id;
      if (action === 'confirm') {
        await confirmSubscription(ctx, token as string);
        return page(reply, 200, language, words.confirmedTitle, `<h1>${escapeHtml(words.confirmedHeading)}</h1><p>${escapeHtml(words.confirmed(sub.email, id))}</p>`);
      }
      await unsubscribe(ctx, token as string);
      return page(reply, 200, language, words.stoppedTitle, `<h1>${escapeHtml(words.stoppedHeading(id))}</h1><p>${escapeHtml(words.stopped)}</p>`);
    });
  }

}

export { BASE as OPEN311_BASE };
