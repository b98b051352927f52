import type { Db } from './database.js';

/** How many of SQLite's findings a damaged database reports (quick_check can list thousands). */
const FINDINGS_SHOWN = 5;

/** `PRAGMA quick_check` at start-up: nothing when the file is sound, else what SQLite found wrong. */
export function quickCheck(db: Db): string[] {
  try {
    const rows = db.sqlite.pragma(`quick_check(${FINDINGS_SHOWN})`, { simple: false }) as Array<{ quick_check: string }>;
    return rows.map((row) => row.quick_check).filter((finding) => finding !== 'ok');
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

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
