import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';

/**
 * DATA_DIR/updates: the appliance writes an uploaded bundle here as `pending.tavli-update`; on the
 * image, tavli-update.path sees it and runs `tavli update` as root (which checks its signature,
 * backs up, installs and restarts the appliance) and writes what happened to `result.json`.
 */
const FOLDER = 'updates';
const PENDING = 'pending.tavli-update';
const RESULT = 'result.json';

const ResultFile = z.object({ result: z.enum(['installed', 'refused']), message: z.string(), at: z.string() });
export type UpdateResult = z.infer<typeof ResultFile>;

export const updatePending = (dataDir: string) => fs.existsSync(path.join(dataDir, FOLDER, PENDING));

export function lastUpdateResult(dataDir: string): UpdateResult | null {
  try {
    return ResultFile.parse(JSON.parse(fs.readFileSync(path.join(dataDir, FOLDER, RESULT), 'utf8')));
  } catch {
    return null;
  }
}

/** Writes the body aside, on disk, then gives it the name the installer waits for: never half a bundle. */
export async function receiveBundle(dataDir: string, body: ReadableStream<Uint8Array>): Promise<number> {
  const folder = ownerOnlyFolder(path.join(dataDir, FOLDER));
  const aside = path.join(folder, `.${PENDING}.partial`);
  const out = fs.createWriteStream(aside, { mode: 0o600 });
  await pipeline(Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]), out);
  const handle = fs.openSync(aside, 'r');
  fs.fsyncSync(handle);
  fs.closeSync(handle);
  const bytes = fs.statSync(aside).size;
  fs.rmSync(path.join(folder, RESULT), { force: true });
  fs.renameSync(aside, path.join(folder, PENDING));
  return bytes;
}
