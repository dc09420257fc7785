import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, openTestDb, pothole, startServer, testDatabases, type TestServer } from './helpers.ts';
import type { Db } from '../src/index.ts';

/**
 * Email goes through the durable queue in the database: a report's answer never waits for SMTP,
 * mail a process could not send is sent by the next one, and a refused message is retried later.
 */
describe.each(testDatabases())('the mail queue on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  const subjects = async (server: TestServer) => {
    const answer = await call(server.base, 'GET', '/dev/mailbox.json');
    return (answer.body as { subject: string }[]).map((m) => m.subject).sort();
  };

  it('keeps mail queued by a process that stopped before sending it, and the next process sends it', async () => {
    // A process that answers requests but sends no mail: as if it died right after answering.
    const first = await startServer(db, { mailWorker: false });
    try {
      const created = await call(first.base, 'POST', '/open311/v2/requests.json', { form: pothole({ email: 'ada@example.org' }) });
      expect(created.status).toBe(201);
      expect(await subjects(first)).toEqual([]);
    } finally {
      await first.close();
    }
    const queued = await db.query<{ kind: string }>("SELECT kind FROM mail_queue WHERE done_at IS NULL AND kind LIKE 'report-%' ORDER BY id");
    expect(queued.rows.map((r) => r.kind)).toEqual(['report-receipt', 'report-notice']);

    const second = await startServer(db);
    try {
      await second.ctx.queue.drain();
      expect(await subjects(second)).toEqual(['New report LDC-1001: Pothole – (map point 52.228000, -1.505000)', 'Your report LDC-1001: Pothole']);
      // Sent mail keeps no personal data in the queue.
      const done = await db.query<{ payload: unknown; done_at: Date | null }>("SELECT payload, done_at FROM mail_queue WHERE kind LIKE 'report-%' ORDER BY id");
      expect(done.rows).toHaveLength(2);
      expect(done.rows.every((r) => r.done_at !== null && JSON.stringify(r.payload) === '{}')).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('a new process\'s worker sends mail an earlier process left, on its own, once it has started', async () => {
    await db.exec('TRUNCATE mail_queue');
    const first = await startServer(db, { mailWorker: false });
    let id = '';
    try {
      const created = await call(first.base, 'POST', '/open311/v2/requests.json', { form: pothole({ email: 'grace@example.org' }) });
      expect(created.status).toBe(201);
      id = (created.body as { service_request_id: string }[])[0]!.service_request_id;
    } finally {
      await first.close();
    }
    // No drain(): the worker's first look comes shortly after the start, not before the first answers.
    const second = await startServer(db);
    try {
      await vi.waitFor(
        async () => {
          const left = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_queue WHERE kind LIKE 'report-%' AND done_at IS NULL");
          expect(left.rows).toEqual([{ n: 0 }]);
        },
        { timeout: 60_000, interval: 200 },
      );
      expect((await subjects(second)).filter((s) => s.includes(id))).toEqual([expect.stringContaining(`New report ${id}`), `Your report ${id}: Pothole`]);
    } finally {
      await second.close();
    }
  });

  it('retries a message the mail server refused, later, keeping the reason', async () => {
    let refuse = true;
    const delivered: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          if (refuse) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          delivered.push(session.envelope.rcptTo.map((r) => r.address).join());
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const server = await startServer(db, { smtpUrl: `smtp://127.0.0.1:${port}`, mailWorker: false });
    try {
      await db.exec('TRUNCATE mail_queue');
      const created = await call(server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
      expect(created.status).toBe(201);
      await server.ctx.queue.drain();
      const failed = await db.query<{ attempts: number; last_error: string; later: boolean; done_at: Date | null }>(
        "SELECT attempts, last_error, next_attempt_at > now() + interval '10 seconds' AS later, done_at FROM mail_queue WHERE kind LIKE 'report-%'",
      );
      expect(failed.rows).toEqual([{ attempts: 1, last_error: expect.stringContaining('Mailbox busy'), later: true, done_at: null }]);
      expect(delivered).toEqual([]);

      // Time passes: the retry is due, and the mail server takes it now.
      refuse = false;
      await db.exec('UPDATE mail_queue SET next_attempt_at = now()');
      await server.ctx.queue.drain();
      expect(delivered).toEqual(['highways@larkmead.example.gov.uk']);
      const done = await db.query<{ attempts: number; done: boolean }>("SELECT attempts, done_at IS NOT NULL AS done FROM mail_queue WHERE kind LIKE 'report-%'");
      expect(done.rows).toEqual([{ attempts: 2, done: true }]);
    } finally {
      await server.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it('sends a burst of reports\' emails exactly once each, over a few reused SMTP connections', async () => {
    let connections = 0;
    const delivered: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const subject = /^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
          delivered.push(`${session.envelope.rcptTo.map((r) => r.address).join()} ${subject.trim()}`);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const server = await startServer(db, { smtpUrl: `smtp://127.0.0.1:${port}`, mailWorker: false });
    try {
      await db.exec('TRUNCATE mail_queue');
      const ids: string[] = [];
      for (let i = 1; i <= 6; i++) {
        const created = await call(server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ email: `resident${i}@example.org` }) });
        expect(created.status).toBe(201);
        ids.push((created.body as { service_request_id: string }[])[0]!.service_request_id);
      }
      await server.ctx.queue.drain();
      // Every report's receipt to its resident and notice to the team, each once.
      const expected = ids.flatMap((id, i) => [
        `resident${i + 1}@example.org Your report ${id}: Pothole`,
        // The team's subject is MIME-encoded (it has a dash): it names the report.
        expect.stringMatching(new RegExp(`^highways@larkmead\\.example\\.gov\\.uk .*New_report_${id}=3A`)),
      ]);
      expect(delivered).toHaveLength(12);
      expect(delivered).toEqual(expect.arrayContaining(expected));
      expect(new Set(delivered).size).toBe(12);
      // Pooled: the twelve messages shared the transport's few connections.
      expect(connections).toBeLessThanOrEqual(5);
      const left = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_queue WHERE done_at IS NULL OR payload <> '{}'::jsonb");
      expect(left.rows).toEqual([{ n: 0 }]);
    } finally {
      await server.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
