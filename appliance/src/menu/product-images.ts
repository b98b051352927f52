import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../shared/errors.js';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The file's real type from its first bytes; the client's content type is not trusted. */
function imageExtension(bytes: Buffer): 'png' | 'jpg' | 'webp' | undefined {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/**
 * Checks and stores an uploaded picture under a content-hash name (so it can be cached forever
 * and the same picture is stored once); answers the file name. The file is flushed to disk
 * before the database may point at it.
 */
export async function storeProductImage(imagesDir: string, file: File): Promise<string> {
  if (file.size > MAX_IMAGE_BYTES) throw fail(413, 'image_too_large', `Pictures may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const bytes = Buffer.from(await file.arrayBuffer());
  const extension = imageExtension(bytes);
  if (!extension) throw fail(422, 'unsupported_image_type', 'Upload a PNG, JPEG or WebP picture');
  const fileName = `${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${extension}`;
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
