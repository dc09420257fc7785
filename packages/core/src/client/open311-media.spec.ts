// Node's own environment: fetch, FormData and Blob are native, as they are in a browser.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Open311Client, Open311Error, UnsupportedError } from './index.js';

let server: Server;
let base: string;
let answer: { status: number; body: string };
let received: { headers: IncomingMessage['headers']; body: Buffer; url: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks), url: req.url! });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  received = [];
});

describe('media upload without progress (extension, over fetch)', () => {
  it('posts multipart field "media" with the key (before the file, and in the address) and returns the media_url', async () => {
    answer = { status: 201, body: '{"media_url":"https://council.example/media/abc.jpg"}' };
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'pothole.jpg', { type: 'image/jpeg' });
    const api = new Open311Client({ endpoint: base, apiKey: 'k', jurisdictionId: 'larkmead' });
    expect(await api.uploadMedia(photo, { idempotencyKey: 'photo-1' })).toEqual({
      mediaUrl: 'https://council.example/media/abc.jpg',
    });
    const [hit] = received;
    // In the address as well: a server may check the key before it reads the file.
    expect(hit!.url).toBe('/open311/v2/media?jurisdiction_id=larkmead&api_key=k');
    expect(hit!.headers['idempotency-key']).toBe('photo-1');
    expect(hit!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const text = hit!.body.toString('latin1');
    expect(text).toMatch(/Content-Disposition: form-data; name="media"; filename="pothole.jpg"/i);
    expect(text).toContain('Content-Type: image/jpeg');
    expect(text).toContain('\xff\xd8\xff\xe0\x01\x02\x03');
    expect(text).toMatch(/name="api_key"\r\n\r\nk\r\n/);
    expect(text).toMatch(/name="jurisdiction_id"\r\n\r\nlarkmead\r\n/);
    expect(text.indexOf('name="api_key"')).toBeLessThan(text.indexOf('name="media"'));
  });

  it('generates a key when the caller gives none', async () => {
    answer = { status: 200, body: '[{"media_url":"/m/1.jpg"}]' };
    expect(await new Open311Client({ endpoint: base }).uploadMedia(new Blob(['x']))).toEqual({ mediaUrl: '/m/1.jpg' });
    expect(received[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports a server without media upload as UnsupportedError', async () => {
    answer = { status: 404, body: '{"message":"Route POST:/open311/v2/media not found","statusCode":404}' };
    const e = await new Open311Client({ endpoint: base }).uploadMedia(new Blob(['x'])).catch((e) => e);
    expect(e).toBeInstanceOf(UnsupportedError);
    expect(e.feature).toBe('media');
    expect(e.status).toBe(404);
  });

  it('passes on a rejected photo (413) as Open311Error with the server’s words', async () => {
    answer = { status: 413, body: '[{"code":"413","description":"The photo is larger than 10 MB"}]' };
    const e = await new Open311Client({ endpoint: base }).uploadMedia(new Blob(['x'])).catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
    expect(e.kind).toBe('too-large');
    expect(e.userMessage).toBe('The photo is larger than 10 MB');
    expect(received).toHaveLength(1);
  });

  it('reports a file the server cannot read as a photo (415) as invalid input', async () => {
    answer = { status: 415, body: '[{"code":"415","description":"Upload a JPEG, PNG or WebP image."}]' };
    const e = await new Open311Client({ endpoint: base }).uploadMedia(new Blob(['x'])).catch((e) => e);
    expect(e.kind).toBe('invalid');
    expect(e.userMessage).toBe('Upload a JPEG, PNG or WebP image.');
  });

  it('treats a success without a media_url as an error', async () => {
    answer = { status: 200, body: '{}' };
    const e = await new Open311Client({ endpoint: base }).uploadMedia(new Blob(['x'])).catch((e) => e);
    expect(e).toBeInstanceOf(Open311Error);
  });
});
