import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, pothole, startServer, testDatabases, useTestServer } from './helpers.ts';

/*
 * Issue #13 item 6: security headers on everything the server sends (@fastify/helmet), and a
 * strict CSP that forbids framing on every HTML page it renders itself.
 */
describe.each(testDatabases())('security headers on %s', (kind) => {
  const t = useTestServer(kind);
  const get = (path: string) => call(t.server.base, 'GET', path);

  it('sends nosniff and a same-origin Referer policy on API answers and errors, without HSTS over http', async () => {
    for (const path of ['/open311/v2/services.json', '/open311/v2/requests/LDC-9999.json', '/open311/v2/tokens/%FF.json', '/nothing-here', '/api/consultations']) {
      const answer = await get(path);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security'), path).toBeNull();
      if (path !== '/open311/v2/tokens/%FF.json') {
        // Refused before routing (a broken escape): fastify runs no hooks, the error handler still says nosniff.
        expect(answer.headers.get('referrer-policy'), path).toBe('same-origin');
        expect(answer.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      }
    }
  });

  it('gives every page it renders a strict CSP that forbids framing', async () => {
    await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const pages = [
      '/cases/LDC-1001',
      '/cases/LDC-9999',
      '/open311/v2/subscriptions/confirm?token=nope',
      '/open311/v2/subscriptions/unsubscribe?token=nope',
      '/dev/mailbox',
      '/staff',
      '/staff/reports/LDC-1001',
      '/staff/consultations',
      '/staff/consultations/town-centre-2026',
    ];
    for (const path of pages) {
      const answer = await get(path);
      expect(answer.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("form-action 'self'");
      expect(csp, path).not.toMatch(/script-src/);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(answer.headers.get('referrer-policy'), path).toBe('same-origin');
    }
    // Staff pages show report photos from wherever media_url points.
    expect((await get('/staff')).headers.get('content-security-policy')).toContain("img-src 'self' https: data:");
    // A confirmation posted from the page itself gets the same policy.
    const posted = await call(t.server.base, 'POST', '/open311/v2/subscriptions/confirm', { form: { token: 'nope' }, headers: { origin: t.server.base } });
    expect(posted.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('adds HSTS when PUBLIC_URL is https, and leaves static sites their own CSP', async () => {
    const root = mkdtempSync(join(tmpdir(), 'civic-static-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Council</title>');
    const server = await startServer(t.db, {
      publicUrl: 'https://reports.larkmead.example',
      staticDirs: [
        { prefix: '/site/', root },
        { prefix: '/strict/', root, headers: { 'Content-Security-Policy': "default-src 'self'" } },
      ],
    });
    try {
      const api = await call(server.base, 'GET', '/open311/v2/services.json');
      expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const site = await call(server.base, 'GET', '/site/');
      expect(site.status).toBe(200);
      expect(site.headers.get('content-security-policy')).toBeNull();
      expect(site.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await call(server.base, 'GET', '/strict/')).headers.get('content-security-policy')).toBe("default-src 'self'");
    } finally {
      await server.close();
    }
  });
});
