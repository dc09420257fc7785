/**
 * OpenAPI 3.1 description of the Open311 routes and their extensions. Every path also answers
 * with a `.json` or `.xml` suffix (`services.json`, `requests/{id}.xml`); the suffix-less form
 * is JSON. Served, merged with the consultation and geo fragments, at GET /openapi.json.
 */

const tags = ['Open311 GeoReport v2'];
const extTags = ['Open311 extensions (not in the spec)'];
const discoveryTags = ['Open311 Service Discovery'];

const errors = (description: string) => ({
  description,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/Open311Errors' } },
    'text/xml': { schema: { type: 'string', description: '<errors><error><code/><description/></error></errors>' } },
  },
});
const ok = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': { schema: { type: 'string', description: 'The same fields as XML elements' } } },
});
const list = (ref: string) => ({ type: 'array', items: { $ref: `#/components/schemas/${ref}` } });
const q = (name: string, schema: Record<string, unknown>, description: string, extension = false) => ({
  name,
  in: 'query',
  required: false,
  schema,
  description: extension ? `${description} (extension, not in Open311)` : description,
});
/** Our Welsh extension (docs/open311-extensions.md#welsh-accept-language-and-locale). */
const language = [
  {
    name: 'locale',
    in: 'query',
    required: false,
    schema: { type: 'string', example: 'cy' },
    description: '(extension) `cy` (or `cy-GB`) for Welsh, `en` for English; wins over Accept-Language. For clients that can only add query parameters.',
  },
  {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    schema: { type: 'string', example: 'cy-GB,cy;q=0.9,en;q=0.5' },
    description: '(extension) Welsh when `cy` has the highest q-value. Texts without Welsh in the config stay English; the answer says its language in Content-Language.',
  },
];

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
  description: 'A retry with the same key returns the first answer and stores nothing twice (extension).',
};
const form = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/x-www-form-urlencoded': { schema } } });

export const open311OpenApiSchemas = {
  Discovery: {
    type: 'object',
    description: 'Open311 Service Discovery (http://wiki.open311.org/Service_Discovery). In XML: <discovery><changeset/><contact/><key_service/><endpoints><endpoint>…<formats><format/></formats></endpoint></endpoints></discovery>.',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: {
        type: 'string',
        format: 'date-time',
        description: 'When the services, service definitions or this document last changed (sortable). A client that caches services refreshes them when it moves.',
        example: '2026-11-23T18:05:12Z',
      },
      contact: { type: 'string', description: "The council's name, email, phone and website" },
      key_service: { type: 'string', description: 'How to get an API key' },
      endpoints: {
        type: 'array',
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: { type: 'string', const: 'http://wiki.open311.org/GeoReport_v2' },
            url: { type: 'string', format: 'uri', description: 'The GeoReport v2 base URL: append /services.json and so on', example: 'https://reports.example.gov.uk/open311/v2' },
            changeset: { type: 'string', format: 'date-time' },
            type: { type: 'string', enum: ['production', 'test'] },
            formats: { type: 'array', items: { type: 'string' }, example: ['text/xml', 'application/json'] },
          },
        },
      },
      widget_config: {
        type: 'string',
        format: 'uri',
        description: 'Our extension: the widget configuration document (docs/integrators.md#widget-configuration), also found at <endpoint>/widget-config.json',
      },
    },
  },
  Open311Errors: {
    type: 'array',
    items: {
      type: 'object',
      required: ['code', 'description'],
      properties: { code: { type: 'integer', description: 'The HTTP status' }, description: { type: 'string', description: 'What went wrong and how to fix it' } },
    },
  },
  Service: {
    type: 'object',
    required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
    properties: {
      service_code: { type: 'string' },
      service_name: { type: 'string' },
      description: { type: 'string' },
      metadata: { type: 'boolean', description: 'true when GET services/{service_code} has questions' },
      type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
      keywords: { type: 'string', description: 'Comma-separated' },
      group: { type: 'string' },
      groups: { type: 'array', items: { type: 'string' }, description: 'Every group (FixMyStreet extension)' },
      emergency_notice: { type: 'string', description: 'Show before the form, e.g. "If someone is in danger, call 999" (extension)' },
    },
  },
  ServiceDefinition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    properties: {
      service_code: { type: 'string' },
      attributes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
          properties: {
            variable: { type: 'boolean' },
            code: { type: 'string' },
            datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
            required: { type: 'boolean' },
            datatype_description: { type: 'string' },
            order: { type: 'integer' },
            description: { type: 'string', description: 'The question' },
            values: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } } },
            show_when: {
              type: 'object',
              description: 'Ask this question only when the answer to `code` is one of `values` (extension)',
              required: ['code', 'values'],
              properties: { code: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
  NewServiceRequest: {
    type: 'object',
    required: ['service_code'],
    description: 'lat and long, or address_string (or address_id), say where. attribute[code]=value answers a question; attribute[code][]=a&attribute[code][]=b a multivaluelist.',
    properties: {
      api_key: { type: 'string', description: 'A public key for the embedding site; the demo accepts keyless posts from allowed origins' },
      service_code: { type: 'string' },
      lat: { type: 'number', minimum: -90, maximum: 90 },
      long: { type: 'number', minimum: -180, maximum: 180 },
      address_string: { type: 'string', maxLength: 500 },
      address_id: { type: 'string' },
      zipcode: { type: 'string' },
      email: { type: 'string', format: 'email', description: 'Given → an email receipt' },
      device_id: { type: 'string' },
      account_id: { type: 'string' },
      first_name: { type: 'string' },
      last_name: { type: 'string' },
      phone: { type: 'string' },
      description: { type: 'string', maxLength: 4000 },
      media_url: { type: 'string', format: 'uri' },
      email_updates: { type: 'boolean', description: 'Also email the reporter when staff post an update (extension)' },
      public_anonymity_required: { type: 'boolean', description: 'Do not identify the reporter publicly (extension)' },
    },
    additionalProperties: { type: 'string', description: 'attribute[code]' },
  },
  CreatedServiceRequest: {
    type: 'object',
    required: ['service_request_id', 'service_notice'],
    properties: {
      service_request_id: { type: 'string', example: 'LDC-1001' },
      service_notice: { type: 'string', description: 'Who deals with it and what happens next' },
      token: { type: 'string', description: 'For GET tokens/{token}' },
    },
  },
  ServiceRequest: {
    type: 'object',
    description: 'Never includes the reporter’s name, email or phone.',
    properties: {
      service_request_id: { type: 'string' },
      status: { type: 'string', enum: ['open', 'closed'] },
      extended_status: { type: 'string', description: 'mySociety extended status (extension)' },
      status_notes: { type: 'string' },
      service_name: { type: 'string' },
      service_code: { type: 'string' },
      description: { type: 'string' },
      agency_responsible: { type: 'string' },
      service_notice: { type: 'string' },
      requested_datetime: { type: 'string', format: 'date-time' },
      updated_datetime: { type: 'string', format: 'date-time' },
      expected_datetime: {
        type: 'string',
        description: 'When the council expects to have dealt with it (W3C date-time), or "" when it has not said. Set by staff with POST servicerequestupdates; empty once the request is closed.',
      },
      address: { type: 'string' },
      address_id: { type: 'string' },
      zipcode: { type: 'string' },
      lat: { type: ['number', 'null'] },
      long: { type: ['number', 'null'] },
      media_url: { type: 'string' },
      public_anonymity_required: { type: 'boolean', description: '(extension)' },
    },
  },
  ServiceRequestUpdate: {
    type: 'object',
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'],
    properties: {
      update_id: { type: 'string' },
      service_request_id: { type: 'string' },
      status: {
        type: 'string',
        enum: ['open', 'investigating', 'in_progress', 'action_scheduled', 'fixed', 'closed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'internal_referral'],
      },
      open311_status: { type: 'string', enum: ['open', 'closed'] },
      updated_datetime: { type: 'string', format: 'date-time' },
      description: { type: 'string' },
      media_url: { type: 'string' },
    },
  },
};

export const open311OpenApiPaths = {
  '/open311/discovery.{format}': {
    get: {
      tags: discoveryTags,
      summary: 'Service Discovery: where the GeoReport v2 endpoint is, its formats, contact, keys and changeset (also /open311/discovery, as JSON)',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } }],
      responses: { 200: ok({ $ref: '#/components/schemas/Discovery' }, 'The discovery document') },
    },
  },
  '/open311/v2/services.{format}': {
    get: {
      tags,
      summary: 'The categories a resident can report',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } }, ...language],
      responses: { 200: ok(list('Service'), 'Every service') },
    },
  },
  '/open311/v2/services/{service_code}.{format}': {
    get: {
      tags,
      summary: "A service's questions (service definition)",
      parameters: [
        { name: 'service_code', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
        ...language,
      ],
      responses: { 200: ok({ $ref: '#/components/schemas/ServiceDefinition' }, 'The definition'), 404: errors('No such service') },
    },
  },
  '/open311/v2/requests.{format}': {
    post: {
      tags,
      summary: 'Report a problem',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } }, idempotencyKey, ...language],
      requestBody: form({ $ref: '#/components/schemas/NewServiceRequest' }),
      responses: {
        201: ok(list('CreatedServiceRequest'), 'Stored; emails sent'),
        200: ok(list('CreatedServiceRequest'), 'A retry with the same Idempotency-Key: the first answer (header Idempotent-Replayed: true)'),
        400: errors('One entry per problem, or the point is outside the council (naming where to go)'),
        403: errors('api_key not recognised, or an origin not on the list'),
        415: errors('Not form-encoded'),
        422: errors('Idempotency-Key reused for a different report'),
        429: errors('Too many POSTs; see Retry-After'),
      },
    },
    get: {
      tags,
      summary: 'Find reports',
      parameters: [
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
        q('service_request_id', { type: 'string' }, 'Comma-separated references; other filters are then ignored'),
        q('service_code', { type: 'string' }, 'Comma-separated'),
        q('status', { type: 'string' }, 'open, closed (comma-separated); extended statuses also work'),
        q('start_date', { type: 'string', format: 'date-time' }, 'Requested at or after; without dates, the last 90 days'),
        q('end_date', { type: 'string', format: 'date-time' }, 'Requested at or before'),
        q('lat', { type: 'number' }, 'Near this point, nearest first', true),
        q('long', { type: 'number' }, 'Near this point', true),
        q('radius', { type: 'number', minimum: 1, maximum: 50000, default: 500 }, 'Metres around lat/long', true),
        q('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number', true),
        q('page_size', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, 'Reports per page; X-Total-Count gives the total when there are at most 1,000, and a Link header (rel="next") points to the next page', true),
      ],
      responses: { 200: ok(list('ServiceRequest'), 'Newest first'), 400: errors('A filter that cannot be read') },
    },
  },
  '/open311/v2/requests/{service_request_id}.{format}': {
    get: {
      tags,
      summary: 'One report',
      parameters: [
        { name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
      ],
      responses: { 200: ok(list('ServiceRequest'), 'A one-item list, as the spec says'), 404: errors('No such report') },
    },
  },
  '/open311/v2/tokens/{token}.{format}': {
    get: {
      tags,
      summary: 'The reference for a token',
      parameters: [
        { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
      ],
      responses: {
        200: ok({ type: 'array', items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' } } } }, 'Found'),
        404: errors('No such token'),
      },
    },
  },
  '/open311/v2/servicerequestupdates.{format}': {
    get: {
      tags: extTags,
      summary: 'Updates from the council (mySociety service request updates)',
      parameters: [
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } },
        q('service_request_id', { type: 'string' }, 'Comma-separated'),
        q('start_date', { type: 'string', format: 'date-time' }, 'Updated at or after'),
        q('end_date', { type: 'string', format: 'date-time' }, 'Updated at or before'),
      ],
      responses: { 200: ok(list('ServiceRequestUpdate'), 'Oldest first, up to 1000') },
    },
    post: {
      tags: extTags,
      summary: 'Staff post an update; a closing status closes the request; subscribers are emailed',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } }, idempotencyKey],
      requestBody: form({
        type: 'object',
        required: ['api_key', 'service_request_id', 'status', 'description'],
        properties: {
          api_key: { type: 'string', description: 'A staff key' },
          service_request_id: { type: 'string' },
          status: { type: 'string' },
          description: { type: 'string' },
          media_url: { type: 'string', format: 'uri' },
          updated_datetime: { type: 'string', format: 'date-time' },
          expected_datetime: {
            type: 'string',
            description:
              'When the work is now expected to be done (W3C date-time with a time zone, like 2026-12-01T17:00:00Z), stored on the request as its expected_datetime; "" removes it; left out, it stays as it was. Refused more than a day in the past or more than 5 years ahead. A closing status removes it whatever is sent. (extension, ours)',
          },
        },
      }),
      responses: { 201: ok(list('ServiceRequestUpdate'), 'Stored'), 400: errors('Invalid update'), 403: errors('Missing or wrong staff key'), 404: errors('No such report') },
    },
  },
  '/open311/v2/media': {
    post: {
      tags: extTags,
      summary: 'Upload a photo; EXIF and GPS are removed; use the answer as media_url',
      parameters: [idempotencyKey],
      requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['media'], properties: { media: { type: 'string', format: 'binary' } } } } } },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: { type: 'object', properties: { media_url: { type: 'string', format: 'uri' } } } } } },
        400: errors('No file, or the wrong field'),
        413: errors('Too large'),
        415: errors('Not an image'),
      },
    },
  },
  '/open311/v2/media/{file}': {
    get: { tags: extTags, summary: 'A stored photo (JPEG)', parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'image/jpeg' }, 404: errors('No such photo') } },
  },
  '/open311/v2/subscriptions': {
    post: {
      tags: extTags,
      summary: 'Follow a report by email: sends a confirmation link',
      requestBody: form({ type: 'object', required: ['service_request_id', 'email'], properties: { service_request_id: { type: 'string' }, email: { type: 'string', format: 'email' } } }),
      responses: {
        202: { description: 'Confirmation email sent', content: { 'application/json': { schema: { type: 'object', properties: { service_request_id: { type: 'string' }, message: { type: 'string' } } } } } },
        400: errors('Missing or invalid fields'),
        404: errors('No such report'),
      },
    },
  },
  '/open311/v2/subscriptions/confirm': {
    get: { tags: extTags, summary: 'Page with a Confirm button (the emailed link)', parameters: [q('token', { type: 'string' }, 'From the email')], responses: { 200: { description: 'HTML' }, 404: { description: 'HTML: unknown link' } } },
    post: { tags: extTags, summary: 'Confirm the subscription', requestBody: form({ type: 'object', properties: { token: { type: 'string' } } }), responses: { 200: { description: 'HTML' } } },
  },
  '/open311/v2/subscriptions/unsubscribe': {
    get: { tags: extTags, summary: 'Page with a Stop emails button (the link in every update email)', parameters: [q('token', { type: 'string' }, 'From the email')], responses: { 200: { description: 'HTML' }, 404: { description: 'HTML: unknown link' } } },
    post: { tags: extTags, summary: 'Stop the emails', requestBody: form({ type: 'object', properties: { token: { type: 'string' } } }), responses: { 200: { description: 'HTML' } } },
  },
  '/cases/{service_request_id}': {
    get: { tags: extTags, summary: 'A plain HTML case page for links in emails', parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'HTML' }, 404: { description: 'HTML' } } },
  },
  '/dev/mailbox.json': {
    get: { tags: ['Demo'], summary: 'Emails caught by the dev mailbox (--demo without SMTP_URL only)', responses: { 200: { description: 'Newest first' } } },
  },
  '/health': {
    get: { tags: ['Demo'], summary: 'Liveness and database check', responses: { 200: { description: '{status, database}' } } },
  },
};
