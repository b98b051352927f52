import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ownerOnlyFolder } from '@tavli/server-kit/owner-only';
import { sqliteFindings } from '../db/database-health.js';
import { backupsToKeep, backupStamp, parseBackupName, type BackupName } from './retention.js';

export const DATABASE_FILE = 'pos.db';
export const BACKUP_FOLDER = 'backups';
/** The PIN pepper (auth/pin-hash.ts): a backup carries it, or a database restored on a new card opens no PIN. */
const PIN_KEY = path.join('secrets', 'pin.key');

export type BackupReason = 'nightly' | 'before-migration' | 'before-update' | 'before-restore' | 'manual';
export type Backup = BackupName & { file: string; bytes: number };

export class BackupError extends Error {}

/**
 * Copies the live database with SQLite's online backup (the appliance keeps serving), puts the PIN
 * pepper in the copy, checks the copy with `PRAGMA integrity_check` and only then gives it its
 * name in DATA_DIR/backups; then prunes to 7 daily and 4 weekly.
 */
export async function takeBackup(source: BetterSqlite3.Database, dataDir: string, reason: BackupReason, now = new Date()): Promise<Backup> {
  const folder = ownerOnlyFolder(path.join(dataDir, BACKUP_FOLDER));
  const name = `pos-${backupStamp(now)}-${reason}.db`;
  const aside = path.join(folder, `.${name}.partial`);
  fs.rmSync(aside, { force: true });
  try {
    await source.backup(aside);
    const copy = new BetterSqlite3(aside);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.exec('CREATE TABLE IF NOT EXISTS tavli_backup (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
      const pepper = path.join(dataDir, PIN_KEY);
      if (fs.existsSync(pepper)) copy.prepare('INSERT OR REPLACE INTO tavli_backup VALUES (?, ?)').run('pin_key', fs.readFileSync(pepper, 'utf8'));
      const findings = sqliteFindings(copy, 'integrity_check');
      if (findings.length) throw new BackupError(`the copy failed its integrity check: ${findings.join('; ')}`);
    } finally {
      copy.close();
    }
    fs.chmodSync(aside, 0o600);
    syncFile(aside);
    fs.renameSync(aside, path.join(folder, name));
    syncFile(folder);
  } finally {
    fs.rmSync(aside, { force: true });
  }
  pruneBackups(dataDir);
  return describe(folder, name);
}

/** The backups in DATA_DIR/backups, newest first. */
export function listBackups(dataDir: string): Backup[] {
  const folder = path.join(dataDir, BACKUP_FOLDER);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => parseBackupName(name))
    .map((name) => describe(folder, name))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** The newest backup that passes SQLite's integrity check: what a damaged database is restored from. */
export function latestGoodBackup(dataDir: string): Backup | undefined {
  return listBackups(dataDir).find((backup) => integrityFindingsOf(backup.file).length === 0);
}

export function pruneBackups(dataDir: string): void {
  const backups = listBackups(dataDir);
  const keep = new Set(backupsToKeep(backups).map((backup) => backup.name));
  for (const backup of backups) if (!keep.has(backup.name)) fs.rmSync(backup.file, { force: true });
}

/**
 * Puts FILE in place of the database (the appliance must be stopped): the current database and
 * its WAL are kept aside in DATA_DIR/backups/replaced-<time>/, and the backup's PIN pepper
 * replaces the current one (kept aside too). Refuses a file that fails the integrity check.
 */
export function restoreBackup(dataDir: string, file: string, now = new Date()): { keptAside: string | undefined } {
  const findings = integrityFindingsOf(file);
  if (findings.length) throw new BackupError(`${file} is not a sound database: ${findings.join('; ')}`);
  const database = path.join(dataDir, DATABASE_FILE);
  const incoming = path.join(dataDir, `.${DATABASE_FILE}.restoring`);
  fs.copyFileSync(file, incoming);
  fs.chmodSync(incoming, 0o600);
  const copy = new BetterSqlite3(incoming);
  let pepper: string | undefined;
  try {
    pepper = hasBackupTable(copy)
      ? (copy.prepare("SELECT value FROM tavli_backup WHERE name = 'pin_key'").get() as { value: string } | undefined)?.value
      : undefined;
    copy.exec('DROP TABLE IF EXISTS tavli_backup');
    copy.pragma('journal_mode = WAL');
  } finally {
    copy.close();
  }
  syncFile(incoming);
  let keptAside: string | undefined;
  const current = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, ...(pepper ? [PIN_KEY] : [])].filter((name) =>
    fs.existsSync(path.join(dataDir, name)),
  );
  if (current.length) {
    keptAside = ownerOnlyFolder(path.join(dataDir, BACKUP_FOLDER, `replaced-${backupStamp(now)}`));
    for (const name of current) fs.renameSync(path.join(dataDir, name), path.join(keptAside, path.basename(name)));
  }
  if (pepper) {
    ownerOnlyFolder(path.join(dataDir, 'secrets'));
    fs.writeFileSync(path.join(dataDir, PIN_KEY), pepper, { mode: 0o600 });
    syncFile(path.join(dataDir, PIN_KEY));
  }
  fs.renameSync(incoming, database);
  syncFile(dataDir);
  return { keptAside };
}

/** `PRAGMA integrity_check` of a database file, opened read-only: nothing when sound. */
export function integrityFindingsOf(file: string): string[] {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return sqliteFindings(db, 'integrity_check');
    } finally {
      db.close();
    }
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const hasBackupTable = (db: BetterSqlite3.Database) => db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'tavli_backup'").get() !== undefined;

function describe(folder: string, name: string): Backup {
  const file = path.join(folder, name);
  return { ...parseBackupName(name)!, file, bytes: fs.statSync(file).size };
}

function syncFile(file: string): void {
  const handle = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}
