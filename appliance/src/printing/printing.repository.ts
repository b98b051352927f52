import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';
import type { PrintJobKind, PrintJobsTable, PrintJobStatus, PrintLogTable } from './printing.table.js';

export type PrintJobRow = Selectable<PrintJobsTable>;

// A literal, not a bound value: only then may SQLite use the partial index of queued jobs.
const QUEUED = sql.lit<PrintJobStatus>('queued');

type NewJob = { printer_id: number; order_id: string | null; kind: PrintJobKind; document: string; created_by: number | null; created_at: string };

const newJob = preparedQuery((q, p: Params<NewJob>) =>
  q
    .insertInto('print_jobs')
    .values({ printer_id: p.printer_id, order_id: p.order_id, kind: p.kind, document: p.document, created_by: p.created_by, created_at: p.created_at }),
);

export const insertJob = (tx: Tx, job: NewJob) => Number(newJob.run(tx, job).lastInsertRowid);

const jobItem = preparedQuery((q, p: Params<{ jobId: number; itemId: string }>) =>
  q.insertInto('print_job_items').values({ job_id: p.jobId, item_id: p.itemId }),
);

export const linkItems = (tx: Tx, jobId: number, itemIds: string[]) => {
  for (const itemId of itemIds) jobItem.run(tx, { jobId, itemId });
};

export const findJob = (db: Db, id: number): PrintJobRow | undefined => db.first(db.q.selectFrom('print_jobs').selectAll().where('id', '=', id));

const queuedJobs = preparedQuery((q, p: Params<{ printerId: number; limit: number }>) =>
  q.selectFrom('print_jobs').selectAll().where('printer_id', '=', p.printerId).where('status', '=', QUEUED).orderBy('id').limit(p.limit),
);

/** The oldest jobs still waiting for a printer, in the order they were queued. */
export const nextQueuedJobs = (db: Db, printerId: number, limit: number): PrintJobRow[] => queuedJobs.all(db, { printerId, limit });

export const printersWithQueuedJobs = (db: Db): number[] =>
  db.all(db.q.selectFrom('print_jobs').select('printer_id').distinct().where('status', '=', QUEUED)).map((row) => row.printer_id);

const queued = preparedQuery((q, p: Params<{ printerId: number }>) =>
  q
    .selectFrom('print_jobs')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('printer_id', '=', p.printerId)
    .where('status', '=', QUEUED),
);

/** How many jobs wait for a printer, and since when the oldest has. */
export const queueOf = (db: Db, printerId: number): { count: number; oldestAt: string | null } => {
  const row = queued.first(db, { printerId });
  return { count: Number(row?.n ?? 0), oldestAt: (row?.oldest as string | null | undefined) ?? null };
};

const logEntry = preparedQuery((q, p: Params<Omit<Selectable<PrintLogTable>, 'id'>>) =>
  q.insertInto('print_log').values({ job_id: p.job_id, printer_id: p.printer_id, at: p.at, success: p.success, error: p.error, duration_ms: p.duration_ms }),
);

const attempted = preparedQuery((q, p: Params<{ id: number; error: string | null }>) =>
  q
    .updateTable('print_jobs')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: p.error }))
    .where('id', '=', p.id),
);

export type Attempt = { jobIds: number[]; printerId: number; at: string; success: boolean; error: string | null; durationMs: number };

/** One print_log row per job per attempt (a test page logs one row without a job), and the jobs' attempt count and last error. */
export function recordAttempt(tx: Tx, attempt: Attempt): void {
  const row = { printer_id: attempt.printerId, at: attempt.at, success: attempt.success ? 1 : 0, error: attempt.error, duration_ms: attempt.durationMs };
  if (attempt.jobIds.length === 0) logEntry.run(tx, { ...row, job_id: null });
  for (const id of attempt.jobIds) {
    logEntry.run(tx, { ...row, job_id: id });
    attempted.run(tx, { id, error: attempt.error });
  }
}

const printed = preparedQuery((q, p: Params<{ id: number; printedOn: number; at: string }>) =>
  q.updateTable('print_jobs').set({ status: 'printed', printed_on: p.printedOn, printed_at: p.at }).where('id', '=', p.id),
);

/** Printed wins even over a cancel that raced the delivery: the paper is what it is. */
export const markPrinted = (tx: Tx, jobIds: number[], printedOn: number, at: string) => {
  for (const id of jobIds) printed.run(tx, { id, printedOn, at });
};

export const cancelJob = (tx: Tx, id: number, userId: number, at: string) =>
  tx.run(
    tx.q.updateTable('print_jobs').set({ status: 'cancelled', cancelled_by: userId, cancelled_at: at }).where('id', '=', id).where('status', '=', 'queued'),
  );

const ticketItems = preparedQuery((q, p: Params<{ jobId: number }>) =>
  q
    .selectFrom('print_job_items as i')
    .innerJoin('print_jobs as j', 'j.id', 'i.job_id')
    .select('i.item_id')
    .where('j.kind', '=', 'ticket')
    .where('i.job_id', '=', p.jobId),
);

/** The kitchen-ticket lines a set of jobs printed (reprints and slips change no line). */
export const ticketItemIds = (db: Db, jobIds: number[]): string[] => jobIds.flatMap((jobId) => ticketItems.all(db, { jobId }).map((row) => row.item_id));

export const ticketJobsOfItems = (db: Db, itemIds: string[]) =>
  itemIds.length === 0
    ? []
    : db.all(
        db.q
          .selectFrom('print_job_items as i')
          .innerJoin('print_jobs as j', 'j.id', 'i.job_id')
          .select(['i.item_id', 'j.status', 'j.last_error'])
          .where('j.kind', '=', 'ticket')
          .where('i.item_id', 'in', itemIds),
      );

export type JobFilter = { printerId?: number | undefined; status?: PrintJobStatus | undefined; limit: number };

export const listJobs = (db: Db, filter: JobFilter): PrintJobRow[] =>
  db.all(
    db.q
      .selectFrom('print_jobs')
      .selectAll()
      .$if(filter.printerId !== undefined, (q) => q.where('printer_id', '=', filter.printerId!))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .orderBy('id', 'desc')
      .limit(filter.limit),
  );

const lastLog = (db: Db, printerId: number, success: 0 | 1) =>
  db.first(
    db.q
      .selectFrom('print_log')
      .select(['id', 'at', 'error'])
      .where('printer_id', '=', printerId)
      .where('success', '=', success)
      .orderBy('id', 'desc')
      .limit(1),
  );

/** A printer's record from its log: its latest success and latest failure. */
export const printerHistory = (db: Db, printerId: number) => ({ lastSuccess: lastLog(db, printerId, 1), lastFailure: lastLog(db, printerId, 0) });
