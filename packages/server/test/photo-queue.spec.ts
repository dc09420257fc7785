import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testDatabases, useTestServer } from './helpers.ts';

function upload(base: string, bytes: Buffer) {
  const form = new FormData();
  form.append('media', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  return fetch(`${base}/open311/v2/media`, { method: 'POST', body: form });
}

/**
 * Photos are processed a bounded number at once, the next few wait their turn, and past that an
 * upload is refused at once with 503 and Retry-After, instead of every upload slowing until the
 * clients time out.
 */
describe.each(testDatabases())('the photo queue on %s', (kind) => {
  const t = useTestServer(kind, { photoLimits: { active: 1, waiting: 1 } });
  const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04000' } }).jpeg().toBuffer();

  it('queues an upload while another is processed, refuses one more with 503 and Retry-After, and takes it again once free', async () => {
    // Two photos are "in progress": one processing, one waiting (the queue's own turns, held here).
    const processing = await t.server.ctx.photos.acquire();
    const waiting = upload(t.server.base, await photo());
    await expect.poll(() => t.server.ctx.photos.load.waiting).toBe(1);

    const refused = await upload(t.server.base, await photo());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toEqual([{ code: 503, description: 'We are busy processing other photos. Try again in 5 seconds.' }]);

    // The turn passes to the waiting upload, which is stored.
    processing();
    const queued = await waiting;
    expect(queued.status).toBe(201);
    expect(t.server.ctx.photos.load).toEqual({ active: 0, waiting: 0 });

    const later = await upload(t.server.base, await photo());
    expect(later.status).toBe(201);
  });
});
