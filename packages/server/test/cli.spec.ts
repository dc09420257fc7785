import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { demoConfigPath } from '../src/index.ts';
import { createPgDatabase, ownCouncilJson, pothole } from './helpers.ts';

const bin = fileURLToPath(new URL('../bin/civic-server.js', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Starts the real CLI and resolves with the URL it prints once listening. */
function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const { DATABASE_URL: _d, SMTP_URL: _s, PUBLIC_URL: _p, CIVIC_STAFF_API_KEY: _k, ...rest } = process.env;
  const child = spawn(process.execPath, [bin, ...args], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      // The database line is printed last; a busy machine can deliver the lines in two chunks.
      if (match && output.includes('Database:')) resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`civic-server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const { DATABASE_URL: _d, SMTP_URL: _s, PUBLIC_URL: _p, CIVIC_STAFF_API_KEY: _k, ...rest } = process.env;
  const child = spawn(process.execPath, [bin, ...args], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('civic-server (the CLI)', () => {
  it('starts on a fresh data dir, prints its URLs, keeps reports across restarts and stops cleanly', async () => {
    const data = tempDir();
    const first = await start(['--demo', '--port', '0', '--data-dir', data]);
    expect(first.output()).toContain("DEMO: NOT FOR REAL RESIDENTS' DATA");
    expect(first.output()).toMatch(/Open311 GeoReport v2: http:\/\/localhost:\d+\/open311\/v2\/services\.json/);
    expect(first.output()).toContain(`embedded PGlite in ${data}`);
    const created = await fetch(`${first.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams(pothole() as Record<string, string>) });
    expect(created.status).toBe(201);
    expect(await stop(first.child)).toBe(0);

    const second = await start(['--demo', '--port', '0', '--data-dir', data]);
    const again = await fetch(`${second.url}/open311/v2/requests/LDC-1001.json`);
    expect(again.status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  }, 180_000);

  it('uses PostgreSQL when DATABASE_URL is set', async (context) => {
    if (!inject('civicTestPgUrl')) return context.skip();
    const database = await createPgDatabase();
    try {
      const server = await start(['--demo', '--port', '0', '--data-dir', tempDir()], { DATABASE_URL: database.url });
      expect(server.output()).toContain('PostgreSQL (DATABASE_URL)');
      expect(((await (await fetch(`${server.url}/health`)).json()) as { database: string }).database).toBe('postgres');
      expect(await stop(server.child)).toBe(0);
    } finally {
      await database.drop();
    }
  }, 120_000);

  it('refuses a bad config or flag with a message naming the problem', async () => {
    const dir = tempDir();
    const config = JSON.parse(readFileSync(demoConfigPath, 'utf8')) as Record<string, any>;
    config.services[0].team = 'roads';
    config.geo = { boundary: join(demoConfigPath, '..', 'geo', 'boundary.geojson'), parishes: join(demoConfigPath, '..', 'geo', 'parishes.geojson') };
    writeFileSync(join(dir, 'council.json'), JSON.stringify(config));
    const bad = await run(['--config', join(dir, 'council.json'), '--data-dir', dir]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('services[0].team: no team "roads" in "teams"');
    const port = await run(['--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.output).toContain('--port must be a number from 0 to 65535, not "eighty"');
  }, 120_000);

  it('without --demo, asks for --config, then names every missing setting (SMTP_URL, PUBLIC_URL)', async () => {
    const none = await run(['--port', '0', '--data-dir', tempDir()]);
    expect(none.code).toBe(1);
    expect(none.output).toContain('--config is required');
    expect(none.output).toContain('civic-server --demo');
    expect(none.output).not.toContain('listening on');

    const unset = await run(['--config', demoConfigPath, '--port', '0', '--data-dir', tempDir()]);
    expect(unset.code).toBe(1);
    expect(unset.output).toContain('cannot start without --demo');
    expect(unset.output).toContain('SMTP_URL is not set');
    expect(unset.output).toContain('PUBLIC_URL is not set');
    expect(unset.output).not.toContain('listening on');
  }, 120_000);

  it("without --demo, refuses the demo's published keys, its localhost origins and its links to demo pages, naming each", async () => {
    const copied = await run(['--config', demoConfigPath, '--no-email', '--port', '0', '--data-dir', tempDir()], { PUBLIC_URL: 'https://report.larkmead.example.gov.uk' });
    expect(copied.code).toBe(1);
    expect(copied.output).toContain('cannot start without --demo');
    expect(copied.output).toContain(`keys.staff[0] ("Larkmead demo back office") is the demo's key`);
    expect(copied.output).toContain(`keys.public[0] ("Larkmead demo website") is the demo's key`);
    expect(copied.output).toContain('cors.origins has "http://localhost:*"');
    expect(copied.output).toContain(`widgets.tracker_url is the demo's "/track-your-report.html?ref={id}"`);
    expect(copied.output).toContain(`consultations.page_url is the demo's "/consultation.html?consultation={id}"`);
    expect(copied.output).not.toContain('listening on');
  }, 120_000);

  it('with --config and --no-email: no dev mailbox, no staff pages without sign-in, no demo line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'council.json'), JSON.stringify(ownCouncilJson()));
    const server = await start(['--config', join(dir, 'council.json'), '--no-email', '--port', '0', '--data-dir', dir], { PUBLIC_URL: 'https://report.larkmead.example.gov.uk' });
    try {
      expect(server.output()).not.toMatch(/demo/i);
      expect(server.output()).toContain('Email:                none (--no-email)');
      for (const path of ['/dev/mailbox', '/dev/mailbox.json', '/staff', '/staff/consultations']) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
      }
      // Reports still work (the council reads them from the Open311 feed); email updates say they are off.
      const created = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams(pothole({ email: 'ada@example.org', email_updates: 'true' }) as Record<string, string>) });
      expect(created.status).toBe(201);
      const follow = await fetch(`${server.url}/open311/v2/subscriptions`, { method: 'POST', body: new URLSearchParams({ service_request_id: 'LDC-1001', email: 'ada@example.org' }) });
      expect(follow.status).toBe(501);
    } finally {
      expect(await stop(server.child)).toBe(0);
    }
  }, 120_000);
});
