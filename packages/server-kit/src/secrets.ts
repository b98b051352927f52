import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ownerOnlyFolder } from './owner-only.js';

/** Reads a secret kept in the data folder, generating it (owner-only) on first start. */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Uint8Array {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  ownerOnlyFolder(dir);
  try {
    return new Uint8Array(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(bytes);
  fs.writeFileSync(file, secret.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return new Uint8Array(secret);
}
