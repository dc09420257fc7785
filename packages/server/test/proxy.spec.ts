import { describe, expect, it } from 'vitest';
import { call, startServer, testDatabases, useTestServer, type TestServer } from './helpers.ts';
import { parseTrustProxy } from '../src/http/trust-proxy.ts';

/*
 * TRUST_PROXY (docs/server.md#behind-a-proxy): the server believes X-Forwarded-For only as far as
 * the proxies it was told about, so a client cannot pick a new address for each request and so
 * escape the POST rate limit. The test plays the load balancer: it appends the address it "saw"
 * to whatever X-Forwarded-For the client sent.
 */
describe.each(testDatabases())('TRUST_PROXY and the rate limit on %s', (kind) => {
  const t = useTestServer(kind);
  const limit = { CIVIC_RATE_LIMIT_POST_MAX: '2', CIVIC_RATE_LIMIT_POST_WINDOW_MS: '60000' };

  /** POSTs an empty report (a 400, still counted) as `client`, who forged `forged` as its address. */
  const post = (server: TestServer, forged: string, client = '203.0.113.7') =>
    call(server.base, 'POST', '/open311/v2/requests.json', { form: {}, headers: { 'x-forwarded-for': `${forged}, ${client}` } }).then((a) => a.status);

  async function withServer(env: Record<string, string>, test: (server: TestServer) => Promise<void>) {
    await t.db.exec('TRUNCATE rate_limits');
    const server = await startServer(t.db, { env: { ...limit, ...env } });
    try {
      await test(server);
    } finally {
      await server.close();
    }
  }

  for (const [name, value] of [['a hop count', '1'], ['the proxy address', '127.0.0.1'], ['a proxy range', '127.0.0.0/8']] as const) {
    it(`with ${name} (TRUST_PROXY=${value}), a forged X-Forwarded-For does not get a new limit`, async () => {
      await withServer({ TRUST_PROXY: value }, async (server) => {
        expect(await post(server, '198.51.100.1')).toBe(400);
        expect(await post(server, '198.51.100.2')).toBe(400);
        expect(await post(server, '198.51.100.3')).toBe(429);
        // Another resident behind the same proxy has a limit of their own.
        expect(await post(server, '198.51.100.4', '203.0.113.99')).toBe(400);
      });
    });
  }

  it('without TRUST_PROXY, ignores X-Forwarded-For altogether', async () => {
    await withServer({}, async (server) => {
      expect(await post(server, '198.51.100.1', '203.0.113.1')).toBe(400);
      expect(await post(server, '198.51.100.2', '203.0.113.2')).toBe(400);
      expect(await post(server, '198.51.100.3', '203.0.113.3')).toBe(429);
    });
  });

  it('refuses to start when told to believe any header', async () => {
    await expect(startServer(t.db, { env: { TRUST_PROXY: 'true' } })).rejects.toThrow(/TRUST_PROXY must be the number of proxies/);
    await expect(startServer(t.db, { trustProxy: true as never })).rejects.toThrow(/true \(believe any X-Forwarded-For\) is not allowed/);
  });
});

describe('parseTrustProxy', () => {
  it('reads hop counts, addresses, ranges and names, and nothing else', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('')).toBeUndefined();
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16, ::1, fd00::/8, loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0', '*', 'example.com']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY must be/);
  });
});
