import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import feature code.
const up002 = [
  `ALTER TABLE printers ADD COLUMN is_deleted INTEGER NOT NULL DEFAULT 0`,
  // AUTOINCREMENT: a job number printed on a ticket is never handed out twice.
  `CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    printer_id INTEGER NOT NULL REFERENCES printers(id),
    order_id TEXT REFERENCES orders(id),
    kind TEXT NOT NULL CHECK (kind IN ('ticket','void','bill','reprint')),
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
  )`,
  `CREATE INDEX print_jobs_queue ON print_jobs(printer_id, id) WHERE status = 'queued'`,
  `CREATE INDEX print_jobs_created ON print_jobs(created_at)`,
  `CREATE TABLE print_job_items (
    item_id TEXT NOT NULL REFERENCES order_items(id),
    job_id INTEGER NOT NULL REFERENCES print_jobs(id),
    PRIMARY KEY (item_id, job_id)
  )`,
  `CREATE INDEX print_job_items_job ON print_job_items(job_id)`,
  `CREATE TABLE print_log (
    id INTEGER PRIMARY KEY,
    job_id INTEGER REFERENCES print_jobs(id),
    printer_id INTEGER NOT NULL REFERENCES printers(id),
    at TEXT NOT NULL,
    success INTEGER NOT NULL,
    error TEXT,
    duration_ms INTEGER NOT NULL
  )`,
  `CREATE INDEX print_log_printer ON print_log(printer_id, success, id)`,
  `CREATE INDEX print_log_job ON print_log(job_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up002) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['print_log', 'print_job_items', 'print_jobs']) await sql.raw(`DROP TABLE ${table}`).execute(db);
  await sql.raw('ALTER TABLE printers DROP COLUMN is_deleted').execute(db);
}
