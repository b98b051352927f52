import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ownerOnlyFolder } from './owner-only.js';

/**
 * Reads a file in the data folder's `secrets/`, creating it (owner-only) with `create()` when it
 * does not exist. Safe when several processes start at once on a shared folder (cloud replicas on
 * one volume): the content is written aside and linked into place, so every process reads the one
 * that won, never a half-written file.
 */
export function loadOrCreateSecretFile(dataDir: string, name: string, create: () => string): string {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  ownerOnlyFolder(dir);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const aside = path.join(dir, `.${name}.${process.pid}.${crypto.randomUUID()}`);
  fs.writeFileSync(aside, create(), { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
  return fs.readFileSync(file, 'utf8');
}

/** Reads a random secret kept in the data folder, generating it on first start. */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Uint8Array {
  const encoded = loadOrCreateSecretFile(dataDir, name, () => crypto.randomBytes(bytes).toString('base64') + '\n');
  return new Uint8Array(Buffer.from(encoded.trim(), 'base64'));
}
