import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { call, pothole, testDatabases, useTestServer } from './helpers.ts';

/** A GET over node:http, which (unlike fetch) shows the bytes as they came: compressed or not. */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const site = mkdtempSync(join(tmpdir(), 'civic-cdn-'));
mkdirSync(join(site, 'chunks'));
const script = `export const words = ${JSON.stringify('a resident reports a pothole '.repeat(200))};\n`;
writeFileSync(join(site, 'report-form.js'), script);
writeFileSync(join(site, 'chunks', 'pages-Ab12Cd34.js'), script);
afterAll(() => rmSync(site, { recursive: true, force: true }));

/**
 * What a slow phone saves: answers compressed (brotli, else gzip), service lists and definitions
 * revalidated with an ETag (a 304 has no body), content-hashed files never asked for again.
 */
describe.each(testDatabases())('compression and HTTP caching on %s', (kind) => {
  const t = useTestServer(kind, { staticDirs: [{ prefix: '/cdn/', root: site, immutable: /[\\/]chunks[\\/]/ }] });

  it('compresses JSON with brotli or gzip, whichever the client takes, and says it varies', async () => {
    for (let i = 0; i < 12; i++) await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole() });
    const plain = await raw(`${t.server.base}/open311/v2/requests.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(`${t.server.base}/open311/v2/requests.json`, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gzip = await raw(`${t.server.base}/open311/v2/requests.json`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
  });

  it('compresses the basemap and static files; a content-hashed file is immutable, an entry is revalidated', async () => {
    const layer = await raw(`${t.server.base}/basemap/roads.geojson`, { 'accept-encoding': 'gzip, br' });
    expect(layer.headers['content-encoding']).toBe('br');
    expect(layer.headers['cache-control']).toBe('public, max-age=3600');
    expect(JSON.parse(brotliDecompressSync(layer.body).toString()).type).toBe('FeatureCollection');

    const chunk = await raw(`${t.server.base}/cdn/chunks/pages-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
    expect(chunk.headers['content-encoding']).toBe('gzip');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(chunk.body).toString()).toBe(script);

    const entry = await raw(`${t.server.base}/cdn/report-form.js`, { 'accept-encoding': 'br' });
    expect(entry.headers['content-encoding']).toBe('br');
    expect(entry.headers['cache-control']).not.toMatch(/immutable/);
    expect(entry.headers.etag).toBeTruthy();
  });

  it('gives services and service definitions an ETag and a short max-age, and a 304 with no body when unchanged', async () => {
    for (const path of ['/open311/v2/services.json', '/open311/v2/services/potholes.json', '/open311/v2/services.xml']) {
      const first = await raw(`${t.server.base}${path}`);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=300');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await raw(`${t.server.base}${path}`, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
    }
    // Welsh is another answer with its own tag; an old tag gets the whole answer.
    const english = await raw(`${t.server.base}/open311/v2/services.json`);
    const welsh = await raw(`${t.server.base}/open311/v2/services.json`, { 'accept-language': 'cy', 'if-none-match': english.headers.etag as string });
    expect(welsh.status).toBe(200);
    expect(welsh.headers.etag).not.toBe(english.headers.etag);
    expect(String(welsh.headers.vary)).toMatch(/accept-language/i);
  });
});
