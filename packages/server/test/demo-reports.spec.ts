import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportsPath, DemoReportsError, loadConfig, type Db, type DemoReportsFile } from '../src/index.ts';
import { call, mailbox, openTestDb, pothole, resetOpen311, startServer, testDatabases } from './helpers.ts';

const DAY = 86_400_000;
const sample = JSON.parse(readFileSync(demoReportsPath, 'utf8')) as DemoReportsFile;
const closing = new Set(['fixed', 'closed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'internal_referral']);
const finalStatus = (report: DemoReportsFile['reports'][number]) => report.updates.at(-1)?.status ?? 'open';

const dir = mkdtempSync(join(tmpdir(), 'civic-demo-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo/reports.json', () => {
  it('covers every demo service and every status the case tracker shows, at gazetteer addresses', () => {
    const config = loadConfig();
    expect(new Set(sample.reports.map((r) => r.service_code))).toEqual(new Set(config.services.map((s) => s.service_code)));
    // no_further_action is the Open311 status FixMyStreet shows as "unable to fix".
    expect(new Set(sample.reports.map(finalStatus))).toEqual(
      new Set(['open', 'investigating', 'in_progress', 'action_scheduled', 'fixed', 'closed', 'duplicate', 'not_councils_responsibility', 'no_further_action']),
    );
    const gazetteer = JSON.parse(readFileSync(new URL('../demo/geo/addresses.json', import.meta.url), 'utf8')) as {
      number: string | null; name: string | null; street: string; town: string; postcode: string; lat: number; lng: number;
    }[];
    const labels = new Map(
      gazetteer.map((a) => [`${[a.name, a.number ? `${a.number} ${a.street}` : a.street].filter(Boolean).join(', ')}, ${a.town}, ${a.postcode}`, a]),
    );
    for (const report of sample.reports) {
      const address = labels.get(report.address_string);
      expect(address, report.address_string).toBeDefined();
      expect([report.lat, report.long]).toEqual([address!.lat, address!.lng]);
    }
  });
});

describe.each(testDatabases())('Sample reports seeded by createServer({ demoReports }) on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
    await resetOpen311(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('refuses a file with a broken report before storing anything, naming the report and field', async () => {
    const broken = structuredClone(sample);
    const fly = broken.reports.findIndex((r) => r.service_code === 'fly_tipping');
    broken.reports[fly]!.attribute = { amount: 'van' };
    broken.reports[fly]!.updates = [{ days_ago: broken.reports[fly]!.reported_days_ago + 2, status: 'fixed', description: 'Cleared' }];
    broken.reports[0]!.updates[0]!.status = 'sorted' as never;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));

    const error = await startServer(db, { demoReports: file }).then(
      (server) => server.close().then(() => null),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DemoReportsError);
    const { problems, message } = error as DemoReportsError;
    expect(message).toContain(file);
    expect(problems).toContain(`reports[0].updates[0].status: must be one of open, investigating, in_progress, action_scheduled, fixed, closed, duplicate, not_councils_responsibility, no_further_action, internal_referral`);
    expect(problems).toContain(`reports[${fly}] (fly_tipping): attribute[waste_types] is required: answer "What has been dumped?".`);
    expect(problems).toContain(
      `reports[${fly}].updates[0].days_ago: must be smaller than the report's reported_days_ago (${broken.reports[fly]!.reported_days_ago}): an update comes after the report`,
    );
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM service_requests')).rows[0]!.n).toBe(0);

    writeFileSync(file, JSON.stringify({ reports: [{ ...sample.reports[0], email: 'someone@example.org', expected_in_days: 2 }] }));
    const personal = (await startServer(db, { demoReports: file }).catch((e: unknown) => e)) as DemoReportsError;
    expect(personal.problems).toEqual(['reports[0]: unknown key "email"']);
    writeFileSync(file, JSON.stringify({ reports: [{ ...sample.reports[0], expected_in_days: 2 }] }));
    const expectedOnClosed = (await startServer(db, { demoReports: file }).catch((e: unknown) => e)) as DemoReportsError;
    expect(expectedOnClosed.problems).toEqual([`reports[0].expected_in_days: only an open report has an expected date, and this one ends "${finalStatus(sample.reports[0]!)}"`]);
  });

  it('creates every sample report through the real services, dated back, with no email, and only once', async () => {
    const before = Date.now();
    const server = await startServer(db, { demoReports: demoReportsPath });
    const after = Date.now();
    const ids = sample.reports.map((_, i) => `LDC-${1001 + i}`);
    try {
      const list = await call(server.base, 'GET', '/open311/v2/requests.json');
      expect(list.status).toBe(200);
      // Newest first; references in file order, oldest report first.
      expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([...ids].reverse());

      for (const [i, report] of sample.reports.entries()) {
        const id = ids[i]!;
        const request = list.body.find((r: { service_request_id: string }) => r.service_request_id === id);
        const status = finalStatus(report);
        expect(request, id).toMatchObject({
          service_code: report.service_code,
          address: report.address_string,
          lat: report.lat,
          long: report.long,
          description: report.description,
          extended_status: status,
          status: closing.has(status) ? 'closed' : 'open',
          status_notes: report.updates.at(-1)?.description ?? '',
        });

        const updates = (await call(server.base, 'GET', `/open311/v2/servicerequestupdates.json?service_request_id=${id}`)).body;
        expect(updates.map((u: { status: string; description: string }) => [u.status, u.description]), id).toEqual(
          report.updates.map((u) => [u.status, u.description]),
        );

        // Each date is its day offset back from the start (to the second), in the past and in order.
        const near = (iso: string, days: number) => {
          const at = Date.parse(iso);
          expect(at, `${id} ${iso} is ${days} days from the start`).toBeGreaterThanOrEqual(before + days * DAY - 1000);
          expect(at, `${id} ${iso} is ${days} days from the start`).toBeLessThanOrEqual(after + days * DAY);
          return at;
        };
        const times = [near(request.requested_datetime, -report.reported_days_ago), ...updates.map((u: { updated_datetime: string }, j: number) => near(u.updated_datetime, -report.updates[j]!.days_ago))];
        expect(times, id).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size).toBe(times.length);
        expect(Math.max(...times)).toBeLessThan(Date.now());
        expect(Date.parse(request.updated_datetime)).toBe(times.at(-1));
        if (report.expected_in_days) {
          expect(near(request.expected_datetime, report.expected_in_days)).toBeGreaterThan(Date.now());
        } else {
          expect(request.expected_datetime).toBe('');
        }
      }

      const scheduled = sample.reports.findIndex((r) => finalStatus(r) === 'action_scheduled');
      expect(Date.parse(list.body.find((r: { service_request_id: string }) => r.service_request_id === ids[scheduled]).expected_datetime)).toBeGreaterThan(Date.now());

      // Routing is the server's own: the Speedwatch report inside Fenbury goes to the parish clerk.
      const speedwatch = sample.reports.findIndex((r) => r.service_code === 'speeding_traffic' && r.attribute.wanted === 'speedwatch');
      const parishReport = list.body.find((r: { service_request_id: string }) => r.service_request_id === ids[speedwatch]);
      expect(parishReport.agency_responsible).toBe('Fenbury Parish Council');
      expect(parishReport.service_notice).toContain('The parish clerk, Margaret Oakes, will contact you');
      for (const request of list.body.filter((r: { service_request_id: string }) => r.service_request_id !== ids[speedwatch])) {
        expect(request.agency_responsible).toMatch(/^Larkmead District Council: /);
      }

      // The back office lists them too.
      const staff = await call(server.base, 'GET', '/staff?status=all');
      for (const id of ids) expect(staff.text).toContain(id);

      // Nobody was emailed about the samples; a real report afterwards still is.
      expect(await mailbox(server)).toEqual([]);
      const real = await call(server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
      expect(real.body[0].service_request_id).toBe(`LDC-${1001 + ids.length}`);
      expect((await mailbox(server)).map((m) => m.to)).toEqual(['highways@larkmead.example.gov.uk']);
    } finally {
      await server.close();
    }

    const again = await startServer(db, { demoReports: demoReportsPath });
    try {
      const list = await call(again.base, 'GET', '/open311/v2/requests.json');
      expect(list.body).toHaveLength(ids.length + 1);
      expect((await call(again.base, 'GET', '/open311/v2/servicerequestupdates.json')).body).toHaveLength(
        sample.reports.reduce((n, r) => n + r.updates.length, 0),
      );
      expect(await mailbox(again)).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});

describe('civic-server --demo-reports', () => {
  it('stops with the problems in the file, naming the report and field', async () => {
    const file = join(dir, 'cli-broken.json');
    writeFileSync(file, JSON.stringify({ reports: [{ ...sample.reports[0], reported_days_ago: 0 }] }));
    const bin = fileURLToPath(new URL('../bin/civic-server.js', import.meta.url));
    const { DATABASE_URL: _d, SMTP_URL: _s, ...env } = process.env;
    const child = spawn(process.execPath, [bin, '--demo', '--port', '0', '--data-dir', join(dir, 'cli-data'), '--demo-reports', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`civic-server: Invalid demo reports (${file}):\n  - reports[0].reported_days_ago: must be 1 or more`);
    expect(output).not.toContain('listening on');
  }, 60_000);
});
