import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './database.js';

/** How many of SQLite's findings a damaged database reports (a check can list thousands). */
const FINDINGS_SHOWN = 5;

/**
 * What SQLite's `quick_check` (fast: at start-up) or `integrity_check` (thorough: a backup) finds
 * wrong with a database: nothing when it is sound, SQLite's error when it cannot even look.
 */
export function sqliteFindings(sqlite: BetterSqlite3.Database, check: 'quick_check' | 'integrity_check'): string[] {
  try {
    const rows = sqlite.pragma(`${check}(${FINDINGS_SHOWN})`, { simple: false }) as Array<Record<typeof check, string>>;
    return rows.map((row) => row[check]).filter((finding) => finding !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** `PRAGMA quick_check` at start-up: nothing when the file is sound, else what SQLite found wrong. */
export const quickCheck = (db: Db): string[] => sqliteFindings(db.sqlite, 'quick_check');

/** Whether the appliance could write now: false while another program holds the database's write lock. */
export function canWrite(db: Db): boolean {
  if (db.sqlite.inTransaction) return true;
  try {
    db.sqlite.exec('BEGIN IMMEDIATE');
    db.sqlite.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

/** SQLite's answer when another connection holds the lock for longer than the busy timeout. */
export const isBusy = (error: unknown) => (error as { code?: string } | undefined)?.code?.startsWith('SQLITE_BUSY') === true;
