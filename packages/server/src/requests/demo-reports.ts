import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeIssues } from '../config/load.ts';
import type { ServerContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { createRequest, parseReport } from './requests.ts';
import { baseStatus, EXTENDED_STATUSES } from './statuses.ts';
import type { RulesContext } from './request-rules.ts';
import { postUpdate } from './updates.ts';

/*
 * Sample reports for the demo (`pnpm start`), so the case tracker and /staff have something to
 * show before anyone reports anything. Each report goes through the same services as a real
 * POST, so its reference, routing (team or parish clerk) and statuses are exactly what the
 * server would give; only the dates are moved back afterwards. The file format is documented in
 * demo/reports.json's "$comment"; stories/backend reads the same file.
 */

export const demoReportsPath = fileURLToPath(new URL('../../demo/reports.json', import.meta.url));

const DAY_MS = 86_400_000;

const wholeDays = (min: number) =>
  z.number({ error: `must be a whole number of days, ${min} or more` }).int(`must be a whole number of days, ${min} or more`).min(min, `must be ${min} or more`);

const updateSchema = z.strictObject({
  days_ago: wholeDays(0),
  status: z.enum(EXTENDED_STATUSES, { error: `must be one of ${EXTENDED_STATUSES.join(', ')}` }),
  description: z.string().trim().min(1, 'must say what the resident is told'),
});

/** Named like the Open311 POST requests body, plus the seeding fields; no personal data. */
const reportSchema = z.strictObject({
  service_code: z.string().min(1),
  lat: z.number(),
  long: z.number(),
  address_string: z.string().min(1),
  description: z.string().min(1),
  attribute: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  reported_days_ago: wholeDays(1),
  expected_in_days: wholeDays(1).optional(),
  updates: z.array(updateSchema).default([]),
});

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  reports: z.array(z.unknown()),
});

export type DemoReport = z.infer<typeof reportSchema>;
export type DemoReportUpdate = z.infer<typeof updateSchema>;
export interface DemoReportsFile {
  $comment?: string;
  reports: DemoReport[];
}

/** Thrown at start-up with every problem in the file, each naming the report and field ("reports[3].updates[1].days_ago: …"). */
export class DemoReportsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid demo reports (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DemoReportsError';
  }
}

/** The Open311 POST body a report stands for. */
function requestBody(report: DemoReport): Record<string, unknown> {
  const { service_code, lat, long, address_string, description, attribute } = report;
  return { service_code, lat, long, address_string, description, attribute };
}

/** Rules zod cannot see: the order of the days, and what the server itself would refuse. */
function crossCheck(ctx: RulesContext, report: DemoReport, at: string): string[] {
  const problems: string[] = [];
  let previous = report.reported_days_ago;
  report.updates.forEach((update, j) => {
    if (update.days_ago >= previous) {
      problems.push(
        j === 0
          ? `${at}.updates[${j}].days_ago: must be smaller than the report's reported_days_ago (${previous}): an update comes after the report`
          : `${at}.updates[${j}].days_ago: must be smaller than updates[${j - 1}].days_ago (${previous}): updates are listed oldest first`,
      );
    }
    previous = update.days_ago;
  });
  const last = report.updates.at(-1)?.status ?? 'open';
  if (report.expected_in_days !== undefined && baseStatus(last) === 'closed') {
    problems.push(`${at}.expected_in_days: only an open report has an expected date, and this one ends "${last}"`);
  }
  try {
    parseReport(ctx, requestBody(report));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    for (const { description } of error.errors) problems.push(`${at} (${report.service_code}): ${description}`);
  }
  return problems;
}

/** Reads and checks a sample reports file against this server's services and area; throws DemoReportsError listing every problem. */
export function loadDemoReports(ctx: RulesContext, file: string): DemoReport[] {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DemoReportsError(file, [(error as Error).message]);
  }
  const result = fileSchema.safeParse(input);
  if (!result.success) throw new DemoReportsError(file, describeIssues(result.error.issues));
  // Report by report, so one broken report still gets every other check (and the others theirs).
  const problems: string[] = [];
  const reports: DemoReport[] = [];
  result.data.reports.forEach((raw, i) => {
    const report = reportSchema.safeParse(raw);
    if (report.success) {
      problems.push(...crossCheck(ctx, report.data, `reports[${i}]`));
      reports.push(report.data);
      return;
    }
    problems.push(...describeIssues(report.error.issues, ['reports', i]));
    // Whatever zod could not read is already named; the server's own checks still say what else is wrong.
    const service_code = (raw as { service_code?: unknown })?.service_code;
    if (raw && typeof raw === 'object' && typeof service_code === 'string') {
      try {
        parseReport(ctx, requestBody(raw as DemoReport));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        for (const { description } of error.errors) problems.push(`reports[${i}] (${service_code}): ${description}`);
      }
    }
  });
  if (problems.length) throw new DemoReportsError(file, problems);
  return reports;
}

/**
 * Creates the file's reports, in file order, when the database has no reports yet; a second
 * start on the same database adds nothing. Dates count back from now: requested
 * `reported_days_ago` days ago, each update `days_ago` days ago, an open report expected in
 * `expected_in_days` days. The file is checked on every start, so a broken edit is never silent.
 * Returns the references created (none when the database already had reports).
 */
export async function seedDemoReports(ctx: ServerContext, file: string): Promise<string[]> {
  const reports = loadDemoReports(ctx, file);
  const { rows } = await ctx.db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM service_requests) AS any');
  if (rows[0]?.any) return [];

  // Sample reports are history, not news: nobody is emailed about them (no team inbox, no dev
  // mailbox entry). Seeding runs the real services with a muted mail queue in its own copy of
  // the context, so the notification code stays exactly as it is for real reports.
  const quiet: ServerContext = { ...ctx, queue: ctx.queue.muted() };
  const postedBy = `Sample reports (${basename(file)})`;
  const now = Date.now();
  const daysFromNow = (days: number) => new Date(now + days * DAY_MS);
  const created: string[] = [];
  for (const report of reports) {
    const { created: request } = await createRequest(quiet, requestBody(report), null);
    const id = request.service_request_id;
    const requested = daysFromNow(-report.reported_days_ago);
    const expected = report.expected_in_days === undefined ? null : daysFromNow(report.expected_in_days);
    await ctx.db.query(
      'UPDATE service_requests SET requested_datetime = $2, updated_datetime = $2, expected_datetime = $3 WHERE service_request_id = $1',
      [id, requested, expected],
    );
    // updated_datetime is the staff API's own way to record an update made earlier (a CRM catching up).
    for (const update of report.updates) {
      await postUpdate(
        quiet,
        { service_request_id: id, status: update.status, description: update.description, updated_datetime: daysFromNow(-update.days_ago).toISOString() },
        postedBy,
        null,
      );
    }
    created.push(id);
  }
  return created;
}
