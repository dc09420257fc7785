import { randomBytes } from 'node:crypto';
import type { OutputInfo } from 'sharp';
import type { ServerContext } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif']);

/**
 * Re-encodes an uploaded photo as JPEG: `rotate()` applies the EXIF orientation, and because
 * sharp drops metadata unless asked to keep it, EXIF (GPS position, camera serial) and XMP are
 * gone. The type is decided by decoding the bytes, not by the name or the declared type.
 */
export async function storeImage(ctx: ServerContext, bytes: Buffer, idempotencyKey: string | null = null): Promise<{ id: string; url: string }> {
  const urlOf = (id: string) => `${ctx.publicUrl}/open311/v2/media/${id}.jpg`;
  if (idempotencyKey) {
    const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM media WHERE idempotency_key = $1', [idempotencyKey]);
    if (rows[0]) return { id: rows[0].id, url: urlOf(rows[0].id) };
  }
  // A bounded number at once (requests/photo-queue.ts); throws PhotoQueueFull when too many wait.
  const output = await ctx.photos.run(() => processImage(bytes, ctx.config.media.max_dimension));
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO media (id, content_type, bytes, width, height, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
     RETURNING id`,
    [randomBytes(16).toString('hex'), 'image/jpeg', output.data, output.info.width, output.info.height, idempotencyKey],
  );
  return { id: rows[0]!.id, url: urlOf(rows[0]!.id) };
}

let sharpModule: Promise<typeof import('sharp')> | undefined;
/** Loaded on first upload: libvips is large, and most start-ups (tests, demos) never need it. */
function loadSharp() {
  sharpModule ??= import('sharp').then((module) => {
    // One libvips thread per photo: the photo queue already runs one photo per core.
    module.default.concurrency(1);
    return module;
  });
  return sharpModule;
}

/**
 * Decodes, orients, scales and re-encodes one photo. A JPEG is decoded straight at a fraction of
 * its size (libjpeg's shrink-on-load, which sharp uses when a resize follows), so a 12-megapixel
 * phone photo never exists in memory at full size. Plain libjpeg with optimised Huffman tables
 * rather than mozjpeg: half the CPU for a file about a fifth larger.
 */
export async function processImage(bytes: Buffer, maxDimension: number): Promise<{ data: Buffer; info: OutputInfo }> {
  const { default: sharp } = await loadSharp();
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) {
      throw new ApiError(415, 'The file is not a photo we can use. Upload a JPEG, PNG or WebP image.');
    }
    return await image
      .rotate()
      .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, optimiseCoding: true })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(415, 'The file is not a photo we can read. Upload a JPEG, PNG or WebP image.');
  }
}

export async function loadImage(ctx: ServerContext, id: string): Promise<{ content_type: string; bytes: Buffer } | null> {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const { rows } = await ctx.db.query<{ content_type: string; bytes: Uint8Array }>('SELECT content_type, bytes FROM media WHERE id = $1', [id]);
  const row = rows[0];
  return row ? { content_type: row.content_type, bytes: Buffer.from(row.bytes) } : null;
}
