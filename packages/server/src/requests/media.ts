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
  const { max_dimension } = ctx.config.media;
  let output: { data: Buffer; info: OutputInfo };
  // Loaded on first upload: libvips is large, and most start-ups (tests, demos) never need it.
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) {
      throw new ApiError(415, 'The file is not a photo we can use. Upload a JPEG, PNG or WebP image.');
    }
    output = await image
      .rotate()
      .resize({ width: max_dimension, height: max_dimension, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(415, 'The file is not a photo we can read. Upload a JPEG, PNG or WebP image.');
  }
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO media (id, content_type, bytes, width, height, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
     RETURNING id`,
    [randomBytes(16).toString('hex'), 'image/jpeg', output.data, output.info.width, output.info.height, idempotencyKey],
  );
  return { id: rows[0]!.id, url: urlOf(rows[0]!.id) };
}

export async function loadImage(ctx: ServerContext, id: string): Promise<{ content_type: string; bytes: Buffer } | null> {
  if (!/^[0-9a-f]{32}$/.test(id)) return null;
  const { rows } = await ctx.db.query<{ content_type: string; bytes: Uint8Array }>('SELECT content_type, bytes FROM media WHERE id = $1', [id]);
  const row = rows[0];
  return row ? { content_type: row.content_type, bytes: Buffer.from(row.bytes) } : null;
}
