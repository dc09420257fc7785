import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { CouncilConfig } from '../config/index.ts';
import type { GeoData } from '../geo/data.ts';
import type { Db } from '../db/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { MailQueue } from '../mail/queue.ts';
import type { PhotoQueue } from '../requests/photo-queue.ts';
import type { Areas } from '../geo/areas.ts';

/**
 * What every domain plugin reads as `app.civic` (the context plugin below decorates the root
 * instance, so every plugin registered after it sees it). Nothing here holds state another
 * process would need; that lives in `db`.
 */
export interface ServerContext {
  /** `--demo`: the demo council's dev mailbox and a back office without sign-in. Never for real residents' data. */
  demo: boolean;
  db: Db;
  config: CouncilConfig;
  /** Hands mail to SMTP: only the queue's worker calls it. */
  mailer: Mailer;
  /** The durable mail queue: every email goes through it (mail/queue.ts). */
  queue: MailQueue;
  /** Photos processed at once and waiting, in this process (requests/photo-queue.ts). */
  photos: PhotoQueue;
  /** Base URL residents reach this server at, without a trailing slash (links in emails, media_url). */
  publicUrl: string;
  /** Who owns a point: the council (which parish) or a neighbour. */
  areas: Areas;
  /** The basemap's layers and the address gazetteer, read once from the config's geo folder. */
  geo: GeoData;
  /** Whether an Origin may call the API (the config's CORS list). */
  isAllowedOrigin(origin: string): boolean;
  /** Names of the staff keys, by key: the config's plus CIVIC_STAFF_API_KEY. */
  staffKeys: Map<string, string>;
  /** Where the consultation preview loads the widget from ('/cdn', '/staff/widgets'): null when this server has no widget files (staff/widget-files.ts). */
  widgetScripts: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's context: database, config, mailer, areas, keys. */
    civic: ServerContext;
  }
}

/** Shares the context with every plugin: `app.register(contextPlugin, { ctx })` before the domains. */
export const contextPlugin = fp(
  async (app: FastifyInstance, { ctx }: { ctx: ServerContext }) => {
    app.decorate('civic', ctx);
  },
  { name: 'civic-context', fastify: '5.x' },
);
