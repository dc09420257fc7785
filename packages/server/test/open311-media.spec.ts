import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';
import { PUBLIC_KEY, call, pothole, resetOpen311, testDatabases, useTestServer } from './helpers.ts';

/** A 64×48 JPEG that says it was taken at a GPS position, rotated (Orientation 6). */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04000' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestCam', Model: 'Pothole Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 13/1 4080/100', GPSLongitudeRef: 'W', GPSLongitude: '1/1 30/1 1800/100' },
    })
    .toBuffer();
}

function upload(base: string, bytes: Buffer | Uint8Array, type = 'image/jpeg', field = 'media', headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type }), 'photo.jpg');
  return fetch(`${base}/open311/v2/media`, { method: 'POST', body: form, headers });
}

describe.each(testDatabases())('media upload (extension) on %s', (kind) => {
  const t = useTestServer(kind, { config: { ...loadConfig(), media: { max_bytes: 200_000, max_dimension: 1024 } } });

  beforeEach(() => resetOpen311(t.db));

  it('stores a photo without its EXIF or GPS, upright, and serves it back', async () => {
    const original = await photoWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(original.includes(Buffer.from('TestCam'))).toBe(true);

    const answer = await upload(t.server.base, original);
    expect(answer.status).toBe(201);
    const { media_url } = (await answer.json()) as { media_url: string };
    expect(media_url).toMatch(new RegExp(`^${t.server.base}/open311/v2/media/[0-9a-f]{32}\\.jpg$`));

    const served = await fetch(media_url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    const after = await sharp(bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
    // Orientation 6 means "turn 90°": the stored pixels are turned, 48 wide and 64 high.
    expect([after.width, after.height]).toEqual([48, 64]);

    // The resident's report can point at it.
    const report = await call(t.server.base, 'POST', '/open311/v2/requests.json', { form: pothole({ media_url }) });
    expect(report.status).toBe(201);
    expect((await call(t.server.base, 'GET', '/open311/v2/requests/LDC-1001.json')).body[0].media_url).toBe(media_url);
  });

  it('shrinks a large photo to the configured size and turns PNG into JPEG', async () => {
    const png = await sharp({ create: { width: 3000, height: 1500, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const answer = await upload(t.server.base, png, 'image/png');
    expect(answer.status).toBe(201);
    const { media_url } = (await answer.json()) as { media_url: string };
    const meta = await sharp(Buffer.from(await (await fetch(media_url)).arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1024, 512]);
  });

  it('returns the first photo for a retried upload with the same Idempotency-Key', async () => {
    const photo = await photoWithGps();
    const first = (await (await upload(t.server.base, photo, 'image/jpeg', 'media', { 'Idempotency-Key': 'photo-1' })).json()) as { media_url: string };
    const second = (await (await upload(t.server.base, photo, 'image/jpeg', 'media', { 'Idempotency-Key': 'photo-1' })).json()) as { media_url: string };
    expect(second.media_url).toBe(first.media_url);
  });

  it('refuses what is not a photo, is too large, is in the wrong field or is not multipart', async () => {
    const text = await upload(t.server.base, Buffer.from('<?php echo "hi"; ?>'), 'image/jpeg');
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual([{ code: 415, description: 'The file is not a photo we can read. Upload a JPEG, PNG or WebP image.' }]);

    const big = await upload(t.server.base, Buffer.alloc(300_000, 1));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual([{ code: 413, description: 'The photo is too large. Upload one under 0.2 MB.' }]);

    const field = await upload(t.server.base, await photoWithGps(), 'image/jpeg', 'photo');
    expect(field.status).toBe(400);
    expect(await field.json()).toEqual([{ code: 400, description: 'Send the photo in a field called "media", not "photo".' }]);

    const form = await call(t.server.base, 'POST', '/open311/v2/media', { form: { media: 'x' } });
    expect(form.status).toBe(415);
    expect(form.body[0].description).toBe('Upload the photo as multipart/form-data in a field called "media".');

    expect((await fetch(`${t.server.base}/open311/v2/media/${'0'.repeat(32)}.jpg`)).status).toBe(404);
  });
});

describe.each(testDatabases())('media upload on a server that requires a key, on %s', (kind) => {
  const config = loadConfig();
  const t = useTestServer(kind, { config: { ...config, keys: { ...config.keys, allow_keyless_posts: false } } });
  const photo = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  const send = async (form: FormData, query = '') => fetch(`${t.server.base}/open311/v2/media${query}`, { method: 'POST', body: form });

  it('takes the key in a field before the file, as a form sends it, or in the address; refuses a photo without one', async () => {
    const bytes = await photo();
    const keyFirst = new FormData();
    keyFirst.append('api_key', PUBLIC_KEY);
    keyFirst.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    expect((await send(keyFirst)).status).toBe(201);

    const inAddress = new FormData();
    inAddress.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    expect((await send(inAddress, `?api_key=${PUBLIC_KEY}`)).status).toBe(201);

    const none = new FormData();
    none.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    const refused = await send(none);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('An api_key is required');

    const wrong = new FormData();
    wrong.append('api_key', 'pk_not_a_key');
    wrong.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    expect((await send(wrong)).status).toBe(403);
  });
});
