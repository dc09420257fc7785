/** The longest side a photo is sent at: enough to see a pothole, a fraction of a phone's 12 MP. */
export const MAX_PHOTO_SIDE = 2000;

/**
 * Redraws a photo on a canvas, at most `max` pixels on its longest side, as a JPEG. Phones take
 * 4000-pixel photos of several MB — slow on a poor connection — and their EXIF carries the
 * home's GPS position: a canvas keeps only pixels, so what is sent has no EXIF at all. The
 * orientation is applied first (`imageOrientation: 'from-image'`), so the photo stays upright.
 * Rejects when the file is not an image the browser can read.
 */
export async function resizePhoto(file: Blob, max = MAX_PHOTO_SIDE, quality = 0.85): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // JPEG has no transparency: a transparent PNG would turn black without a background.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the photo'))), 'image/jpeg', quality),
    );
  } finally {
    bitmap.close();
  }
}
