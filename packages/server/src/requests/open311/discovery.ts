import { createHash } from 'node:crypto';
import type { ServerContext } from '../../http/context.ts';
import { isoDate } from './dates.ts';
import { serviceDefinition, serviceDefinitionIn, serviceSummary, serviceSummaryIn } from './services.ts';

/*
 * Open311 Service Discovery (http://wiki.open311.org/Service_Discovery): the document at
 * /open311/discovery.{json,xml} that tells a client where the GeoReport v2 endpoint is, in which
 * formats, whom to contact, how to get a key, and (`changeset`) whether its cached services and
 * service definitions are stale.
 */

export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';
export const DISCOVERY_FORMATS = ['text/xml', 'application/json'];

export interface DiscoveryEndpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: DiscoveryEndpoint[];
  /** Our extension: the widget configuration document (docs/integrators.md#widget-configuration). */
  widget_config: string;
}

/** "Larkmead District Council: email …, phone …, website …" from the council config. */
export function discoveryContact(ctx: ServerContext): string {
  const { name, email, phone, website } = ctx.config.council;
  const ways = [email && `email ${email}`, phone && `phone ${phone}`, website && `website ${website}`].filter(Boolean);
  return ways.length ? `${name}: ${ways.join(', ')}.` : `${name}.`;
}

/** How to get an API key: reading needs none; posting from another site needs a public key. */
export function discoveryKeyService(ctx: ServerContext): string {
  const { name, email, phone, website } = ctx.config.council;
  const ask = email ? `email ${email}` : phone ? `call ${phone}` : website ? `see ${website}` : '';
  return [
    'No key is needed to read services or reports.',
    `To send reports from your own website or app, ask ${name} for an API key${ask ? `: ${ask}` : ''}.`,
    `API description: ${ctx.publicUrl}/openapi.json`,
  ].join(' ');
}

/** Everything a changeset stands for, minus the changeset itself. */
function discoveryContent(ctx: ServerContext) {
  return {
    contact: discoveryContact(ctx),
    key_service: discoveryKeyService(ctx),
    url: `${ctx.publicUrl}/open311/v2`,
    formats: DISCOVERY_FORMATS,
    services: ctx.config.services.map(serviceSummary),
    definitions: ctx.config.services.map(serviceDefinition),
    // A new or changed Welsh text is a change of the services too.
    welsh: ctx.config.services.map((s) => [serviceSummaryIn(s, 'cy'), serviceDefinitionIn(s, 'cy')]),
  };
}

const remembered = new WeakMap<ServerContext, { hash: string; changeset: string }>();

/**
 * The changeset: the time this database first served the current services, service definitions
 * and discovery document. A SHA-256 of what those routes answer is compared with the one stored
 * in `open311_changesets`; when it differs (the council edited a category, a question, its
 * contact details) the stored time moves to now. So it changes exactly when the content does,
 * survives restarts, and is the same for every process on one database, unlike a file's mtime
 * (which differs per machine and moves on every copy) or the start time.
 */
export async function discoveryChangeset(ctx: ServerContext): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(discoveryContent(ctx))).digest('hex');
  const known = remembered.get(ctx);
  if (known?.hash === hash) return known.changeset;
  const moved = await ctx.db.query<{ changed_at: Date }>(
    `INSERT INTO open311_changesets (name, content_hash, changed_at) VALUES ('georeport_v2', $1, date_trunc('second', now()))
     ON CONFLICT (name) DO UPDATE SET content_hash = EXCLUDED.content_hash,
       -- Always later than before, even for two edits within one second: clients compare it.
       changed_at = GREATEST(EXCLUDED.changed_at, open311_changesets.changed_at + interval '1 second')
       WHERE open311_changesets.content_hash <> EXCLUDED.content_hash
     RETURNING changed_at`,
    [hash],
  );
  // Unchanged (or another process recorded the same content a moment ago): read the stored time.
  const row = moved.rows[0] ?? (await ctx.db.query<{ changed_at: Date }>("SELECT changed_at FROM open311_changesets WHERE name = 'georeport_v2'")).rows[0];
  const changeset = isoDate(row!.changed_at)!;
  remembered.set(ctx, { hash, changeset });
  return changeset;
}

/** The discovery document: one production GeoReport v2 endpoint on this server. */
export async function discoveryDocument(ctx: ServerContext): Promise<Discovery> {
  const changeset = await discoveryChangeset(ctx);
  const content = discoveryContent(ctx);
  return {
    changeset,
    contact: content.contact,
    key_service: content.key_service,
    endpoints: [{ specification: GEOREPORT_V2_SPEC, url: content.url, changeset, type: 'production', formats: [...DISCOVERY_FORMATS] }],
    widget_config: `${content.url}/widget-config.json`,
  };
}

/** The spec's XML shape (the spec's elements only: our JSON extension stays out): <endpoints><endpoint>…<formats><format>…</format></formats></endpoint></endpoints>. */
export function discoveryXmlShape(doc: Discovery): Record<string, unknown> {
  return {
    changeset: doc.changeset,
    contact: doc.contact,
    key_service: doc.key_service,
    endpoints: {
      endpoint: doc.endpoints.map((e) => ({
        specification: e.specification,
        url: e.url,
        changeset: e.changeset,
        type: e.type,
        formats: { format: e.formats },
      })),
    },
  };
}
