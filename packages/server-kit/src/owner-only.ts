import fs from 'node:fs';

/**
 * A folder only the service's own user can enter (0700), created if missing and tightened if it
 * exists, whatever the process umask: the data folder holds the database, its backups and secrets.
 */
export function ownerOnlyFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Creates `file` empty if missing, and makes it readable and writable by the service's user alone (0600). */
export function ownerOnlyFile(file: string): string {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  return file;
}
