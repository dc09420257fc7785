import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ServerContext } from '../http/context.ts';
import { validateResponse, type Answers, type LocateFn } from './answers.ts';
import { responseReference } from './codes.ts';
import { DefinitionError, parseDefinition, type Definition } from './definition.ts';
import { relativeDate } from './views.ts';

/** What seeding needs of the service: adding a definition and publishing results go through it. */
export interface SeedTarget {
  add(definition: Definition): Promise<boolean>;
  publishResults(id: string, body: unknown): Promise<unknown>;
}

interface SeedOptions {
  now(): Date;
  locate: LocateFn;
}

/**
 * Adds every `<id>.json` definition in `folder` that the database lacks. For a definition it
 * adds, `<id>.responses.json` (an array of answer objects) seeds responses and
 * `<id>.results.json` (a publish body) publishes results, so the demo has a consultation with
 * real figures. Demo files may give `opens`/`closes` as days from now ("-30d", "+60d").
 */
export async function seedFolder(ctx: ServerContext, service: SeedTarget, folder: string, o: SeedOptions): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const added: string[] = [];
  // On a restart every definition is stored already: one read of the ids, rather than an insert
  // per file that does nothing, keeps that off the start (each file is still checked).
  const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM consultations');
  const stored = new Set(rows.map((row) => row.id));
  for (const file of readdirSync(folder).filter((f) => /^[^.]+\.json$/.test(f)).sort()) {
    const path = join(folder, file);
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    for (const key of ['opens', 'closes'] as const) raw[key] = relativeDate(raw[key], key, o.now());
    const definition = parseDefinition(raw, path);
    if (stored.has(definition.id) || !(await service.add(definition))) continue;
    added.push(definition.id);
    const responsesFile = join(folder, `${definition.id}.responses.json`);
    if (existsSync(responsesFile)) await seedResponses(ctx, definition, JSON.parse(readFileSync(responsesFile, 'utf8')) as Answers[], responsesFile, o);
    const resultsFile = join(folder, `${definition.id}.results.json`);
    if (existsSync(resultsFile)) await service.publishResults(definition.id, JSON.parse(readFileSync(resultsFile, 'utf8')));
  }
  return added;
}

async function seedResponses(ctx: ServerContext, definition: Definition, list: Answers[], source: string, o: SeedOptions) {
  const start = Date.parse(definition.opens);
  const span = Math.min(Date.parse(definition.closes), o.now().getTime()) - start;
  const rows: unknown[][] = list.map((answers, i) => {
    const checked = validateResponse(definition, answers, o.locate);
    if (!checked.ok) {
      throw new DefinitionError(source, checked.errors.map((e) => `[${i}] ${e.question ?? ''}: ${e.description}`));
    }
    const submitted = new Date(start + Math.round((span * (i + 0.5)) / list.length));
    const reference = responseReference(ctx.config.council.reference_prefix);
    return [definition.id, reference, JSON.stringify(checked.answers), i % 9 === 0 ? 'cy' : 'en', submitted.toISOString()];
  });
  // One statement per hundred rows: seeding costs a few round trips, not one per response.
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const values = chunk.map((_, r) => `($${r * 5 + 1}, $${r * 5 + 2}, $${r * 5 + 3}, $${r * 5 + 4}, $${r * 5 + 5})`).join(', ');
    await ctx.db.query(`INSERT INTO consultation_responses (consultation_id, reference, answers, lang, submitted_at) VALUES ${values}`, chunk.flat());
  }
}

/** The definitions folder: config `consultations.folder`, else `consultations/` beside the config file. */
export function definitionsFolder(ctx: Pick<ServerContext, 'config'>): string | null {
  const configured = (ctx.config.consultations as { folder?: unknown } | undefined)?.folder;
  const base = ctx.config.source ? dirname(ctx.config.source) : process.cwd();
  if (typeof configured === 'string') return isAbsolute(configured) ? configured : resolve(base, configured);
  return ctx.config.source ? join(base, 'consultations') : null;
}
