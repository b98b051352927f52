import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { fail } from '../shared/errors.js';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Past this many pixels a picture is refused before it is decoded: a few KB can claim gigapixels. */
const MAX_IMAGE_PIXELS = 24_000_000;
/** A dish is shown as a tile on a phone: larger sides are scaled down. */
const SHOWN_SIDE = 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The file's real type from its first bytes; the client's content type is not trusted. */
function imageExtension(bytes: Buffer): 'png' | 'jpg' | 'webp' | undefined {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/**
 * The picture decoded and drawn again as a WebP of at most 1024 px a side, without its metadata:
 * what is stored and served is never the uploaded bytes, so a file that is also a script or an
 * archive (a polyglot) or carries the camera's GPS position loses it here.
 */
async function redrawn(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: SHOWN_SIDE, height: SHOWN_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw fail(413, 'image_too_large', `Pictures may have at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels`);
    throw fail(422, 'unsupported_image_type', 'This picture cannot be read: upload a PNG, JPEG or WebP picture');
  }
}

/**
 * Checks, redraws and stores an uploaded picture under a content-hash name (so it can be cached
 * forever and the same picture is stored once); answers the file name. The file is flushed to
 * disk before the database may point at it.
 */
export async function storeProductImage(imagesDir: string, file: File): Promise<string> {
  if (file.size > MAX_IMAGE_BYTES) throw fail(413, 'image_too_large', `Pictures may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const uploaded = Buffer.from(await file.arrayBuffer());
  if (!imageExtension(uploaded)) throw fail(422, 'unsupported_image_type', 'Upload a PNG, JPEG or WebP picture');
  const bytes = await redrawn(uploaded);
  const fileName = `${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.webp`;
  const target = path.join(imagesDir, fileName);
  if (
    await fs.stat(target).then(
      () => true,
      () => false,
    )
  )
    return fileName;
  const temporary = `${target}.${crypto.randomUUID()}.tmp`;
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return fileName;
}
