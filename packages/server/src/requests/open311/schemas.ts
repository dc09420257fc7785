import { z } from 'zod';
import type { CouncilConfig } from '../../config/schema.ts';
import { asSent, open311Errors, pageLang, ruleCheck, ruleErrors } from '../../http/route-schemas.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseSearchQuery } from '../query.ts';
import { MAX_REPORT_PHOTOS, parseReport, REPORT_FIELD_MAX, type RulesContext } from '../request-rules.ts';
import { EXTENDED_STATUSES } from '../statuses.ts';
import { parseUpdatesQuery } from '../updates.ts';

/*
 * The Open311 routes' schemas (requests/routes.ts): each validates its route's request by the
 * route's own rules (request-rules.ts, query.ts, updates.ts, the same rules the Storybook mock
 * backend runs), and is what /openapi.json says about the route. Every path also answers with a
 * `.json` or `.xml` suffix; the document shows it once, as `.{format}`.
 */

export const tags = ['Open311 GeoReport v2'];
export const extTags = ['Open311 extensions (not in the spec)'];
export const discoveryTags = ['Open311 Service Discovery'];

/** Open311 POSTs are form-encoded; the widgets may send JSON. */
export const consumes = ['application/x-www-form-urlencoded', 'application/json'];

/**
 * A documented field that the schema itself never refuses: the route's rule checks it and words
 * the answer (a repeated field, for example, gets "… must be sent once", not zod's words).
 */
const field = (meta: Record<string, unknown>) => z.unknown().meta(meta).optional();
const text = (description: string, max?: number, extra: Record<string, unknown> = {}) => field({ type: 'string', description, ...(max ? { maxLength: max } : {}), ...extra });
const extension = (description: string) => `${description} (extension, not in Open311)`;

/** Our Welsh extension (docs/open311-extensions.md#welsh-accept-language-and-locale). */
const locale = text('(extension) `cy` (or `cy-GB`) for Welsh, `en` for English; wins over Accept-Language. For clients that can only add query parameters.', undefined, { examples: ['cy'] });
export const languageHeaders = z.looseObject({
  'accept-language': text('(extension) Welsh when `cy` has the highest q-value. Texts without Welsh in the config stay English; the answer says its language in Content-Language.', undefined, {
    examples: ['cy-GB,cy;q=0.9,en;q=0.5'],
  }),
});
const idempotencyKey = text('A retry with the same key returns the first answer and stores nothing twice (extension). 1–255 visible characters; a UUID is ideal.', 255);
export const idempotencyHeaders = z.looseObject({ 'idempotency-key': idempotencyKey });
export const reportHeaders = z.looseObject({ 'idempotency-key': idempotencyKey, 'accept-language': languageHeaders.shape['accept-language'] });
export const staffHeaders = z.looseObject({
  'idempotency-key': idempotencyKey,
  authorization: text('Bearer <staff API key> (or api_key in the body, as Open311 clients send it)'),
});
export const languageQuery = asSent(z.looseObject({ locale }));
/** GET services' query: the language, and which services' definitions to put in the list (our extension). */
export const servicesQuery = asSent(
  z.looseObject({
    locale,
    definitions: text(
      extension('Service codes, comma-separated (`potholes`), whose definitions (GET services/{service_code}) ride in the list as each service\'s `service_definition`: a form for one category draws its first question from one answer'),
      undefined,
      { examples: ['potholes'] },
    ),
  }),
);

// ---------------------------------------------------------------------------------------------
// Answers (components)
// ---------------------------------------------------------------------------------------------

const dateTime = z.string().meta({ format: 'date-time' });

export const discoverySchema = z
  .object({
    changeset: dateTime.describe('When the services, service definitions or this document last changed (sortable). A client that caches services refreshes them when it moves.'),
    contact: z.string().describe("The council's name, email, phone and website"),
    key_service: z.string().describe('How to get an API key'),
    endpoints: z.array(
      z.object({
        specification: z.literal('http://wiki.open311.org/GeoReport_v2'),
        url: z.url().describe('The GeoReport v2 base URL: append /services.json and so on'),
        changeset: dateTime,
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()).meta({ examples: [['text/xml', 'application/json']] }),
      }),
    ),
    widget_config: z.url().optional().describe('Our extension: the widget configuration document (docs/integrators.md#widget-configuration), also found at <endpoint>/widget-config.json'),
  })
  .meta({
    id: 'Discovery',
    description:
      'Open311 Service Discovery (http://wiki.open311.org/Service_Discovery). In XML: <discovery><changeset/><contact/><key_service/><endpoints><endpoint>…<formats><format/></formats></endpoint></endpoints></discovery>.',
  });

export const serviceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string(),
        order: z.number().meta({ type: 'integer' }),
        description: z.string().describe('The question'),
        values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
        show_when: z
          .object({ code: z.string(), values: z.array(z.string()) })
          .optional()
          .describe('Ask this question only when the answer to `code` is one of `values` (extension)'),
      }),
    ),
  })
  .meta({ id: 'ServiceDefinition' });

export const serviceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean().describe('true when GET services/{service_code} has questions'),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string().describe('Comma-separated'),
    group: z.string(),
    groups: z.array(z.string()).optional().describe('Every group (FixMyStreet extension)'),
    emergency_notice: z.string().optional().describe('Show before the form, e.g. "If someone is in danger, call 999" (extension)'),
    service_definition: serviceDefinitionSchema
      .optional()
      .describe('The answer of GET services/{service_code}, for the services named in `definitions` that have questions (extension)'),
  })
  .meta({ id: 'Service' });

export const createdSchema = z
  .object({
    service_request_id: z.string().meta({ examples: ['LDC-1001'] }),
    service_notice: z.string().describe('Who deals with it and what happens next'),
    token: z.string().optional().describe('For GET tokens/{token}'),
  })
  .meta({ id: 'CreatedServiceRequest' });

export const serviceRequestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    extended_status: z.string().describe('mySociety extended status (extension)'),
    status_notes: z.string(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string(),
    service_notice: z.string(),
    requested_datetime: dateTime,
    updated_datetime: dateTime,
    expected_datetime: z
      .string()
      .describe('When the council expects to have dealt with it (W3C date-time), or "" when it has not said. Set by staff with POST servicerequestupdates; empty once the request is closed.'),
    address: z.string(),
    address_id: z.string(),
    zipcode: z.string(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().describe('The first photo ("" when none)'),
    media_urls: z
      .array(z.string())
      .describe('(extension) Every photo of the report, in order, the first being media_url. In XML: <media_urls><media_url/>…</media_urls>'),
    public_anonymity_required: z.boolean().describe('(extension)'),
  })
  .meta({ id: 'ServiceRequest', description: 'Never includes the reporter’s name, email or phone.' });

export const updateSchema = z
  .object({
    update_id: z.string(),
    service_request_id: z.string(),
    status: z.enum(EXTENDED_STATUSES),
    open311_status: z.enum(['open', 'closed']),
    updated_datetime: dateTime,
    description: z.string(),
    description_language: z.enum(['en', 'cy']).describe('The language `description` is in: cy where staff wrote it in Welsh and Welsh was asked for (extension, ours)'),
    media_url: z.string(),
  })
  .meta({ id: 'ServiceRequestUpdate' });

const xml = z.string().describe('The same fields as XML elements (Open311 GeoReport v2 XML)');
/** An Open311 answer: JSON, or the same fields as XML with the .xml suffix. */
export const open311Answer = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': { schema: xml } },
});
/** An Open311 error answer: `[{code, description}]`, or `<errors><error>…` in XML. */
export const open311Error = (description: string) => open311Answer(open311Errors, description);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** The error answer of a route whose schema runs a rule: the rule's own Open311 error array. */
export const open311RuleErrors = ruleErrors((issue) => ({ code: 400, description: issue.message ?? 'The request is not valid.' }));

/** POST requests: every field Open311 and our extensions take, checked by parseReport. */
export function reportBody(rules: RulesContext) {
  const max = REPORT_FIELD_MAX;
  const codes = rules.config.services.map((s) => s.service_code);
  return asSent(
    z
      .looseObject({
        api_key: text('A public key for the embedding site; the demo accepts keyless posts from allowed origins'),
        service_code: text('From GET services', max.service_code, { enum: codes }),
        lat: field({ type: 'number', minimum: -90, maximum: 90, description: 'With long; or address_string' }),
        long: field({ type: 'number', minimum: -180, maximum: 180 }),
        address_string: text('Where, in words, when there is no lat/long', max.address_string),
        address_id: text('An address id (UPRN) from the address search', max.address_id),
        zipcode: text('Postcode', max.zipcode),
        email: text('Given → an email receipt', max.email, { format: 'email' }),
        device_id: text('', max.device_id),
        account_id: text('', max.account_id),
        first_name: text('', max.first_name),
        last_name: text('', max.last_name),
        phone: text('Like 01632 960000 or +44 1632 960000', max.phone),
        description: text('What the problem is', max.description),
        media_url: field({
          anyOf: [
            { type: 'string', format: 'uri', maxLength: max.media_url },
            { type: 'array', items: { type: 'string', format: 'uri', maxLength: max.media_url }, maxItems: MAX_REPORT_PHOTOS },
          ],
          description: `A photo, from POST media. Repeated (media_url=…&media_url=…, as FixMyStreet sends photos to open311-adapter) for several; at most ${MAX_REPORT_PHOTOS} photos in all`,
        }),
        media_urls: field({
          type: 'array',
          items: { type: 'string', format: 'uri', maxLength: max.media_url },
          maxItems: MAX_REPORT_PHOTOS,
          description: extension('media_urls[]=…&media_urls[]=…: every photo of the report, in order, after any media_url (duplicates are stored once)'),
        }),
        email_updates: field({ type: 'boolean', description: extension('Also email the reporter when staff post an update, once they confirm by the emailed link') }),
        public_anonymity_required: field({ type: 'boolean', description: extension('Do not identify the reporter publicly') }),
        attribute: field({
          type: 'object',
          additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          description: 'attribute[code]=value answers a question of the service definition; attribute[code][]=a&attribute[code][]=b a multivaluelist',
        }),
      })
      .superRefine(ruleCheck((body) => parseReport(rules, body)))
      .meta({ description: 'lat and long, or address_string (or address_id), say where.' }),
  );
}

/** GET requests: Open311's filters and our near-a-point and paging extensions. */
export function searchQuery(config: Pick<CouncilConfig, 'services'>) {
  return asSent(
    z
      .looseObject({
        service_request_id: text('Comma-separated references (at most 200); other filters are then ignored'),
        service_code: text('Comma-separated'),
        status: text('open, closed (comma-separated); extended statuses also work'),
        start_date: text('Requested at or after; without dates, the last 90 days', undefined, { format: 'date-time' }),
        end_date: text('Requested at or before', undefined, { format: 'date-time' }),
        lat: field({ type: 'number', minimum: -90, maximum: 90, description: extension('Near this point, nearest first') }),
        long: field({ type: 'number', minimum: -180, maximum: 180, description: extension('Near this point') }),
        radius: field({ type: 'number', minimum: 1, maximum: 50000, default: 500, description: extension('Metres around lat/long') }),
        page: field({ type: 'integer', minimum: 1, default: 1, description: extension('Page number') }),
        page_size: field({
          type: 'integer',
          minimum: 1,
          maximum: MAX_PAGE_SIZE,
          default: DEFAULT_PAGE_SIZE,
          description: extension('Reports per page; X-Total-Count gives the total when there are at most 1,000 (100 near a point), and a Link header (rel="next") points to the next page'),
        }),
        locale,
      })
      .superRefine(ruleCheck((query) => parseSearchQuery(config, query))),
  );
}

export const updatesQuery = asSent(
  z
    .looseObject({
      service_request_id: text('Comma-separated'),
      start_date: text('Updated at or after', undefined, { format: 'date-time' }),
      end_date: text('Updated at or before', undefined, { format: 'date-time' }),
      locale,
    })
    .superRefine(ruleCheck((query) => parseUpdatesQuery(query))),
);

/** POST servicerequestupdates (staff). Checked by postUpdate, after the staff key, as before. */
export const updateBody = asSent(
  z.looseObject({
    api_key: text('A staff key; prefer the Authorization header (Bearer <key>), which stays out of access logs'),
    service_request_id: text('The reference of the report to update', 100),
    status: field({ type: 'string', enum: [...EXTENDED_STATUSES] }),
    description: text('What the resident should be told', 4000),
    description_cy: text(extension('The same words in Welsh'), 4000),
    media_url: text('', 2000, { format: 'uri' }),
    updated_datetime: text('', undefined, { format: 'date-time' }),
    expected_datetime: text(
      'When the work is now expected to be done (W3C date-time with a time zone, like 2026-12-01T17:00:00Z), stored on the request as its expected_datetime; "" removes it; left out, it stays as it was. Refused more than a day in the past or more than 5 years ahead. A closing status removes it whatever is sent. (extension, ours)',
    ),
  }),
);

export const subscribeBody = asSent(
  z.looseObject({
    service_request_id: text('The reference of the report to follow', 100),
    email: text('Where to send the updates', 254, { format: 'email' }),
  }),
);

export const tokenQuery = asSent(z.looseObject({ token: text('From the email'), lang: pageLang }));
export const tokenBody = asSent(z.looseObject({ token: text('From the page (or the query string)') }));
