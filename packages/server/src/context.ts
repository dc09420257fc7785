import type { CouncilConfig } from './config/index.ts';
import type { Db } from './db/index.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Areas } from './services/areas.ts';

/**
 * What every route plugin receives: `export default async function xRoutes(app, ctx)`.
 * Nothing here holds state another process would need; that lives in `db`.
 */
export interface ServerContext {
  db: Db;
  config: CouncilConfig;
  mailer: Mailer;
  /** Base URL residents reach this server at, without a trailing slash (links in emails, media_url). */
  publicUrl: string;
  /** Who owns a point: the council (which parish) or a neighbour. */
  areas: Areas;
  /** Whether an Origin may call the API (the config's CORS list). */
  isAllowedOrigin(origin: string): boolean;
  /** Names of the staff keys, by key: the config's plus CIVIC_STAFF_API_KEY. */
  staffKeys: Map<string, string>;
}
