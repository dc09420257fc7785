import { z } from 'zod';

/**
 * The council config: one validated JSON file describing the council, its services (Open311
 * categories) and their questions, teams, parishes, boundaries, keys, CORS and limits.
 * Documented in docs/server.md.
 */

const email = z.email();
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'use letters, digits, "-" or "_"');

/*
 * Welsh: anything a resident reads may have a `cy` object beside its English fields, holding the
 * same field names in Welsh (Welsh Language Standards). Keys and codes are never translated.
 * Open311 answers in Welsh when asked (see open311/language.ts), field by field falling back to
 * the English.
 */
const welsh = z.string().min(1);

export const attributeValueSchema = z
  .strictObject({
    key: z.string().min(1),
    name: z.string().min(1),
    /**
     * This answer stops the form (FixMyStreet's "disable form", GOV.UK's interruption page): what
     * to do instead, e.g. "Call us now on 01632 960000". Published as the value's `stop`.
     */
    stop: z.string().min(1).optional(),
    /** The answer's name (and stop text) in Welsh. */
    cy: z.strictObject({ name: welsh, stop: welsh.optional() }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.cy?.stop && !value.stop) ctx.addIssue({ code: 'custom', path: ['cy', 'stop'], message: 'give the English "stop" too' });
  });

/** Show this question only when another question's answer is one of `values` (our extension). */
export const showWhenSchema = z.strictObject({
  code,
  values: z.array(z.string().min(1)).min(1),
});

export const attributeSchema = z
  .strictObject({
    code,
    /** false for text that is shown but not answered (Open311 "variable"). */
    variable: z.boolean().default(true),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean().default(false),
    /** The question as asked. */
    description: z.string().min(1),
    /** Help on how to answer ("For example, LM-0423 on the lamp post"). */
    datatype_description: z.string().optional(),
    order: z.number().int().optional(),
    values: z.array(attributeValueSchema).optional(),
    show_when: showWhenSchema.optional(),
    /** The question and its help in Welsh. */
    cy: z.strictObject({ description: welsh.optional(), datatype_description: welsh.optional() }).optional(),
  })
  .superRefine((attribute, ctx) => {
    if (attribute.cy?.datatype_description && !attribute.datatype_description) {
      ctx.addIssue({ code: 'custom', path: ['cy', 'datatype_description'], message: 'give the English "datatype_description" too' });
    }
    const isList = attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist';
    if (isList && !attribute.values?.length) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${attribute.datatype} needs "values"` });
    }
    if (!isList && attribute.values) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `only list questions take "values", not a ${attribute.datatype}` });
    }
  });

/** Send a report to the parish (found by boundary lookup) when every answer matches. */
export const parishRoutingSchema = z.strictObject({
  when: z.array(showWhenSchema).min(1),
  /** Shown when it goes to the parish; {parish}, {clerk}, {email}, {phone} are filled in. */
  notice: z.string().min(1),
  /** The notice in Welsh, with the same placeholders. */
  cy: z.strictObject({ notice: welsh }).optional(),
});

/** A service's texts in Welsh; `groups` in the same order as the English ones. */
export const serviceWelshSchema = z.strictObject({
  service_name: welsh.optional(),
  description: welsh.optional(),
  groups: z.array(welsh).min(1).optional(),
  keywords: z.array(welsh).optional(),
  emergency_notice: welsh.optional(),
  notice: welsh.optional(),
});

export const serviceSchema = z
  .strictObject({
    service_code: code,
    service_name: z.string().min(1),
    description: z.string().min(1),
    /** Open311 group; the first of `groups` when omitted. */
    groups: z.array(z.string().min(1)).min(1),
    keywords: z.array(z.string().min(1)).default([]),
    type: z.enum(['realtime', 'batch', 'blackbox']).default('realtime'),
    /** Key into `teams`. */
    team: code,
    /** Shown before the form, e.g. "If someone is in danger, call 999". */
    emergency_notice: z.string().min(1).optional(),
    /** Told to the resident when the report goes to the council's team. */
    notice: z.string().min(1).optional(),
    attributes: z.array(attributeSchema).default([]),
    parish_routing: parishRoutingSchema.optional(),
    /** Welsh for the texts above; any left out are answered in English. */
    cy: serviceWelshSchema.optional(),
  })
  .superRefine((service, ctx) => {
    const cy = service.cy;
    if (!cy) return;
    if (cy.groups && cy.groups.length !== service.groups.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cy', 'groups'],
        message: `give one Welsh name per group, in the same order (${service.groups.length} English: ${service.groups.map((g) => `"${g}"`).join(', ')}; ${cy.groups.length} Welsh)`,
      });
    }
    for (const field of ['emergency_notice', 'notice'] as const) {
      if (cy[field] && !service[field]) ctx.addIssue({ code: 'custom', path: ['cy', field], message: `give the English "${field}" too` });
    }
  });

/**
 * A layer of council assets (street lights, gullies, bins, trees, bus stops) a resident can choose
 * on the map for some services: the chosen asset's id answers the service's `attribute`.
 * Published in the widget configuration document; docs/server.md#asset-layers.
 */
export const assetLayerSchema = z
  .strictObject({
    id: code,
    /** What the assets are, for people ("Street lights"). */
    name: z.string().min(1),
    cy: z.strictObject({ name: welsh }).optional(),
    /** The services whose reports may name one of these assets. */
    services: z.array(code).min(1),
    /** A GeoJSON FeatureCollection of Points, relative to this file: served at /api/assets/<id>.geojson. */
    file: z.string().min(1).optional(),
    /**
     * Or GeoJSON from another server, fetched by the browser: an OGC API - Features `items` URL
     * with `f=json`, or a WFS GetFeature URL with `outputFormat=application/json`. `{bbox}` in it
     * becomes the map's view (west,south,east,north) so only assets near the place are fetched.
     */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** The feature property holding the asset's id; default the feature's own `id`. */
    id_property: z.string().min(1).optional(),
    /** The question the chosen asset's id answers. */
    attribute: code.default('asset_id'),
  })
  .refine((layer) => Boolean(layer.file) !== Boolean(layer.url), { message: 'give either "file" or "url" (not both)' });

export const teamSchema = z.strictObject({
  name: z.string().min(1),
  email,
  phone: z.string().optional(),
  /** The team's name in Welsh, for Welsh pages and emails ("Tîm priffyrdd"). */
  cy: z.strictObject({ name: welsh }).optional(),
});

export const parishSchema = z.strictObject({
  /** Matches the `code` property of a feature in the parishes GeoJSON. */
  code,
  name: z.string().min(1),
  /** The parish council's name in Welsh ("Cyngor Plwyf Fenbury"). */
  cy: z.strictObject({ name: welsh }).optional(),
  clerk: z.strictObject({
    name: z.string().min(1),
    email,
    phone: z.string().optional(),
  }),
});

export const publicKeySchema = z.strictObject({
  key: z.string().min(8),
  /** The embedding site, for logs. */
  name: z.string().min(1),
  /** Origins this key may be used from; the global CORS list when omitted. */
  origins: z.array(z.string().min(1)).optional(),
});

export const staffKeySchema = z.strictObject({
  key: z.string().min(16, 'staff keys are secrets: use at least 16 characters'),
  name: z.string().min(1),
});

/**
 * Staff sign-in for /staff through the council's identity provider (OpenID Connect: Microsoft
 * Entra ID, Google Workspace, Okta…). The client secret is never in the file: it is read from
 * the environment variable named here. A person may use the back office when their verified
 * email's domain is listed and, if groups are listed too, they are in one of them.
 */
export const staffSignInSchema = z
  .strictObject({
    /** The provider's issuer URL; its /.well-known/openid-configuration is read at start-up. */
    issuer: z.url(),
    client_id: z.string().min(1),
    /** The environment variable holding the client secret. */
    client_secret_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'name an environment variable, like CIVIC_OIDC_CLIENT_SECRET').default('CIVIC_OIDC_CLIENT_SECRET'),
    /** Email domains whose verified addresses may sign in ("larkmead.gov.uk"). */
    allowed_email_domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain, like larkmead.gov.uk')).default([]),
    /** Groups (the ID token's `groups_claim`) whose members may sign in. */
    allowed_groups: z.array(z.string().min(1)).default([]),
    /** The ID token claim listing the person's groups. */
    groups_claim: z.string().min(1).default('groups'),
    /** Scopes asked for; add the one your provider needs for groups. */
    scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
    /** How long a sign-in lasts, in hours. */
    session_hours: z.number().int().positive().max(24 * 7).default(8),
  })
  .refine((s) => s.allowed_email_domains.length > 0 || s.allowed_groups.length > 0, {
    message: 'list "allowed_email_domains" or "allowed_groups" (or both): who may use the back office',
  });

const rateLimitSchema = z.strictObject({
  max: z.number().int().positive(),
  /** Milliseconds. */
  window_ms: z.number().int().positive(),
});

export const councilConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  council: z.strictObject({
    name: z.string().min(1),
    /** Prefix of case references, e.g. "LDC" → LDC-1001. */
    reference_prefix: z.string().regex(/^[A-Z]{2,6}$/, 'use 2–6 capital letters'),
    website: z.url().optional(),
    phone: z.string().optional(),
    email: email.optional(),
    /** Sender of the emails the server sends. */
    mail_from: z.string().min(3),
    /** The council's name in Welsh, for Welsh emails and pages. */
    cy: z.strictObject({ name: welsh }).optional(),
  }),
  /** Base URL residents reach the server at (links in emails, media_url); overridable by PUBLIC_URL. */
  public_url: z.url().optional(),
  /** Page where a resident tracks a case; {id} is replaced by the reference. */
  tracking_url: z.string().optional(),
  /** The Welsh of what residents read outside a category: the Welsh tracking page, for Welsh emails. */
  cy: z.strictObject({ tracking_url: z.string().optional() }).optional(),
  cors: z.strictObject({
    /** Exact origins or patterns with a `*` port or subdomain: "http://localhost:*". */
    origins: z.array(z.string().min(1)),
  }),
  rate_limits: z.strictObject({
    /** Every POST (reports, updates, media, subscriptions) per client address. */
    post: rateLimitSchema,
  }),
  keys: z.strictObject({
    /** Keyless POST requests are accepted from allowed origins (a key in a web page is no secret). */
    allow_keyless_posts: z.boolean().default(false),
    public: z.array(publicKeySchema).default([]),
    /** Secret keys for staff endpoints; CIVIC_STAFF_API_KEY adds one. */
    staff: z.array(staffKeySchema).default([]),
  }),
  media: z
    .strictObject({
      max_bytes: z.number().int().positive().default(10 * 1024 * 1024),
      /** Longest side of the stored image, in pixels. */
      max_dimension: z.number().int().positive().default(2048),
    })
    .default({ max_bytes: 10 * 1024 * 1024, max_dimension: 2048 }),
  geo: z
    .strictObject({
      /** GeoJSON: the council's polygon {role:"council"} and neighbours {role:"neighbour", name, url, message, cy?: {name?, message?}}. */
      boundary: z.string().min(1),
      /** GeoJSON: parish polygons {name, code, clerk}. */
      parishes: z.string().min(1).optional(),
    })
    .optional(),
  /** Staff sign-in for /staff; without it /staff does not exist outside --demo. */
  staff_sign_in: staffSignInSchema.optional(),
  teams: z.record(code, teamSchema),
  asset_layers: z.array(assetLayerSchema).default([]),
  parishes: z.array(parishSchema).default([]),
  services: z.array(serviceSchema).min(1),
  /**
   * What the widget configuration document tells widgets (docs/integrators.md#widget-configuration).
   * Everything has a default from the rest of the config; URLs may be relative to this server.
   */
  widgets: z
    .strictObject({
      /** The council's phone lines' hours, shown with the phone number. */
      opening_hours: z.string().optional(),
      /** The page with the case tracker; {id} is the reference. Default: tracking_url, else this server's /cases/{id}. */
      tracker_url: z.string().optional(),
      /** A MapLibre style URL. Default: this server's basemap when `geo` is set; "" for no map. */
      map_style: z.string().optional(),
      /** The address search. Default: this server's gazetteer when `geo` is set. */
      geocoder: z
        .strictObject({
          kind: z.enum(['custom', 'postcodes-io', 'nominatim', 'os-places']),
          url: z.string().optional(),
          reverse_url: z.string().optional(),
          /** A public key only (an OS Data Hub key restricted to the council's sites): it is sent to browsers. */
          key: z.string().optional(),
        })
        .optional(),
      /** The Welsh of what widgets show from here: the hours, for Welsh pages. */
      cy: z.strictObject({ opening_hours: welsh.optional() }).optional(),
    })
    .refine((widgets) => !widgets.cy?.opening_hours || widgets.opening_hours, {
      path: ['cy', 'opening_hours'],
      message: 'give the English "opening_hours" too',
    })
    .default({}),
  /** Consultation settings, read by the consultations routes. */
  consultations: z.looseObject({}).optional(),
});

export type CouncilConfigInput = z.input<typeof councilConfigSchema>;
export type CouncilConfigData = z.output<typeof councilConfigSchema>;
export type ServiceConfig = z.output<typeof serviceSchema>;
export type AttributeConfig = z.output<typeof attributeSchema>;
export type TeamConfig = z.output<typeof teamSchema>;
export type ParishConfig = z.output<typeof parishSchema>;
export type StaffSignInConfig = z.output<typeof staffSignInSchema>;

/** The validated config, with file paths (geo) made absolute against the config's folder. */
export type CouncilConfig = CouncilConfigData & {
  /** Absolute path of the file it came from, or null when given as an object. */
  source: string | null;
};
