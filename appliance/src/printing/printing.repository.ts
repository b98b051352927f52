import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { PrintJobsTable, PrintJobStatus } from './printing.table.js';

export type PrintJobRow = Selectable<PrintJobsTable>;

export const insertJob = (db: Db, job: Insertable<PrintJobsTable>) => Number(db.run(db.q.insertInto('print_jobs').values(job)).lastInsertRowid);

export const setPreview = (db: Db, id: number, previewText: string) =>
  db.run(db.q.updateTable('print_jobs').set({ preview_text: previewText }).where('id', '=', id));

export const linkItems = (db: Db, jobId: number, itemIds: string[]) => {
  for (const itemId of itemIds) db.run(db.q.insertInto('print_job_items').values({ job_id: jobId, item_id: itemId }));
};

export const findJob = (db: Db, id: number): PrintJobRow | undefined => db.first(db.q.selectFrom('print_jobs').selectAll().where('id', '=', id));

/** The oldest jobs still waiting for a printer, in the order they were queued. */
export const nextQueuedJobs = (db: Db, printerId: number, limit: number): PrintJobRow[] =>
  db.all(db.q.selectFrom('print_jobs').selectAll().where('printer_id', '=', printerId).where('status', '=', 'queued').orderBy('id').limit(limit));

export const printersWithQueuedJobs = (db: Db): number[] =>
  db.all(db.q.selectFrom('print_jobs').select('printer_id').distinct().where('status', '=', 'queued')).map((row) => row.printer_id);

export const queuedCount = (db: Db, printerId: number): number =>
  Number(db.first(db.q.selectFrom('print_jobs').select((eb) => eb.fn.countAll().as('n')).where('printer_id', '=', printerId).where('status', '=', 'queued'))?.n ?? 0);

export type Attempt = { jobIds: number[]; printerId: number; at: string; success: boolean; error: string | null; durationMs: number };

/** One print_log row per job per attempt (a test page logs one row without a job), and the jobs' attempt count and last error. */
export function recordAttempt(db: Db, attempt: Attempt): void {
  const row = { printer_id: attempt.printerId, at: attempt.at, success: attempt.success ? 1 : 0, error: attempt.error, duration_ms: attempt.durationMs };
  const jobIds = attempt.jobIds.length > 0 ? attempt.jobIds : [null];
  for (const jobId of jobIds) db.run(db.q.insertInto('print_log').values({ ...row, job_id: jobId }));
  if (attempt.jobIds.length === 0) return;
  db.run(
    db.q
      .updateTable('print_jobs')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: attempt.error }))
      .where('id', 'in', attempt.jobIds),
  );
}

/** Printed wins even over a cancel that raced the delivery: the paper is what it is. */
export const markPrinted = (db: Db, jobIds: number[], printedOn: number, at: string) =>
  db.run(db.q.updateTable('print_jobs').set({ status: 'printed', printed_on: printedOn, printed_at: at }).where('id', 'in', jobIds));

export const cancelJob = (db: Db, id: number, userId: number, at: string) =>
  db.run(db.q.updateTable('print_jobs').set({ status: 'cancelled', cancelled_by: userId, cancelled_at: at }).where('id', '=', id).where('status', '=', 'queued'));

/** The kitchen-ticket lines a set of jobs printed (reprints and slips change no line). */
export const ticketItemIds = (db: Db, jobIds: number[]): string[] =>
  jobIds.length === 0
    ? []
    : db
        .all(db.q.selectFrom('print_job_items as i').innerJoin('print_jobs as j', 'j.id', 'i.job_id').select('i.item_id').where('j.kind', '=', 'ticket').where('i.job_id', 'in', jobIds))
        .map((row) => row.item_id);

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
