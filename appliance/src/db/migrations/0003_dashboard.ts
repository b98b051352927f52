import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import feature code.

/** print_jobs with the kind list as of `kinds`: SQLite changes a CHECK only by rebuilding the table. */
const printJobs = (name: string, kinds: string) => `CREATE TABLE ${name} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    printer_id INTEGER NOT NULL REFERENCES printers(id),
    order_id TEXT REFERENCES orders(id),
    kind TEXT NOT NULL CHECK (kind IN (${kinds})),
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','printed','cancelled')),
    document TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    printed_at TEXT,
    printed_on INTEGER REFERENCES printers(id),
    last_error TEXT,
    cancelled_by INTEGER REFERENCES users(id),
    cancelled_at TEXT
  )`;

/** SQLite's documented way to change a table's constraints, in one transaction with foreign keys off. */
const rebuildPrintJobs = (kinds: string) => [
  printJobs('print_jobs_rebuilt', kinds),
  `INSERT INTO print_jobs_rebuilt SELECT * FROM print_jobs`,
  // Job numbers stay unique even where the newest jobs were deleted.
  `DELETE FROM sqlite_sequence WHERE name = 'print_jobs_rebuilt'`,
  `INSERT INTO sqlite_sequence (name, seq) SELECT 'print_jobs_rebuilt', seq FROM sqlite_sequence WHERE name = 'print_jobs'`,
  `DROP TABLE print_jobs`,
  `ALTER TABLE print_jobs_rebuilt RENAME TO print_jobs`,
  `CREATE INDEX print_jobs_queue ON print_jobs(printer_id, id) WHERE status = 'queued'`,
  `CREATE INDEX print_jobs_created ON print_jobs(created_at)`,
];

const up003 = [
  ...rebuildPrintJobs(`'ticket','void','bill','reprint','report'`),
  // Where an audited action came from (the phone's or tablet's address on the LAN).
  `ALTER TABLE audit_log ADD COLUMN address TEXT`,
  `CREATE INDEX audit_log_action ON audit_log(action, id)`,
];

const down003 = [`DROP INDEX audit_log_action`, `ALTER TABLE audit_log DROP COLUMN address`, ...rebuildPrintJobs(`'ticket','void','bill','reprint'`)];

async function inTransactionWithoutForeignKeys(db: Kysely<unknown>, statements: string[]): Promise<void> {
  await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
  try {
    await sql.raw('BEGIN IMMEDIATE').execute(db);
    try {
      for (const statement of statements) await sql.raw(statement).execute(db);
      const broken = await sql.raw('PRAGMA foreign_key_check').execute(db);
      if (broken.rows.length > 0) throw new Error(`Migration broke ${broken.rows.length} foreign keys`);
      await sql.raw('COMMIT').execute(db);
    } catch (error) {
      await sql.raw('ROLLBACK').execute(db);
      throw error;
    }
  } finally {
    await sql.raw('PRAGMA foreign_keys = ON').execute(db);
  }
}

export const up = (db: Kysely<unknown>) => inTransactionWithoutForeignKeys(db, up003);
export const down = (db: Kysely<unknown>) => inTransactionWithoutForeignKeys(db, down003);
