import type BetterSqlite3 from 'better-sqlite3';
import { fail } from '../shared/errors.js';
import { isBusy } from './database-health.js';

type Job = {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  afterCommit: Array<() => void>;
};

type Ran = { job: Job; ok: true; value: unknown } | { job: Job; ok: false; error: unknown };

export type WriteStats = { commits: number; writes: number };

export type WriteQueue = {
  submit<T>(fn: () => T): Promise<T>;
  /** Registers work (live events, printer wake-ups) to run once the current write is durable; dropped if it fails. */
  afterCommit(callback: () => void): void;
  /** Commits whatever is queued right now (used on shutdown). */
  drainSync(): void;
  /** How many transactions were committed and how many writes they carried. */
  readonly stats: Readonly<WriteStats>;
};

/** A write that was rolled back because the transaction it shared failed as a whole: nothing of it was stored. */
const lost = (cause: unknown) =>
  isBusy(cause)
    ? fail(503, 'database_busy', 'Another program is holding the database: nothing was saved, try again in a few seconds', undefined, { 'Retry-After': '5' })
    : fail(503, 'write_failed', `The change was not stored (${cause instanceof Error ? cause.message : String(cause)}); nothing was saved, try again`);

/**
 * Group commit: writes that arrive while the event loop is busy are committed together in one
 * durable transaction (one fsync), each inside its own savepoint so one failing write rolls back
 * alone. Every promise settles only after COMMIT has returned, so an acknowledged write is on disk.
 *
 * SQLite may roll the whole transaction back by itself (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY,
 * SQLITE_NOMEM). Then the writes that ran in it are rejected, and the ones that had not started
 * run in a fresh transaction: never in autocommit, never answered as stored when they are not.
 */
/** Told of every durable commit: how many writes it carried and how long COMMIT (its fsync) took. */
export type CommitObserver = (writes: number, commitSeconds: number) => void;

export function createWriteQueue(sqlite: BetterSqlite3.Database, onCommit?: CommitObserver): WriteQueue {
  let pending: Job[] = [];
  let scheduled = false;
  let running: Job | undefined;
  const stats: WriteStats = { commits: 0, writes: 0 };
  // Prepared once: a flush runs for every group of requests.
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  /** Runs a job in its own savepoint inside the group's transaction. */
  const inSavepoint = sqlite.transaction((fn: () => unknown) => fn());

  const rejectAll = (ran: Ran[], cause: unknown) => ran.forEach((r) => r.job.reject(r.ok ? lost(cause) : r.error));

  const settle = (ran: Ran[]) => {
    for (const r of ran) {
      if (!r.ok) {
        r.job.reject(r.error);
        continue;
      }
      for (const callback of r.job.afterCommit) {
        try {
          callback();
        } catch (error) {
          console.error('after-commit callback failed', error);
        }
      }
      r.job.resolve(r.value);
    }
  };

  /** Runs jobs from `start` in one transaction; answers the index of the first job it did not run. */
  const runGroup = (jobs: Job[], start: number): number => {
    try {
      begin.run();
    } catch (error) {
      jobs.slice(start).forEach((job) => job.reject(lost(error)));
      return jobs.length;
    }
    const ran: Ran[] = [];
    for (let index = start; index < jobs.length; index++) {
      const job = jobs[index]!;
      running = job;
      try {
        ran.push({ job, ok: true, value: inSavepoint(job.fn) });
      } catch (error) {
        job.afterCommit = [];
        if (!sqlite.inTransaction) {
          job.reject(error);
          rejectAll(ran, error);
          return index + 1;
        }
        ran.push({ job, ok: false, error });
      } finally {
        running = undefined;
      }
    }
    const committing = performance.now();
    try {
      commit.run();
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      rejectAll(ran, error);
      return jobs.length;
    }
    stats.commits += 1;
    stats.writes += ran.length;
    onCommit?.(ran.length, (performance.now() - committing) / 1000);
    settle(ran);
    return jobs.length;
  };

  const flush = () => {
    scheduled = false;
    const jobs = pending;
    pending = [];
    for (let next = 0; next < jobs.length;) next = runGroup(jobs, next);
  };

  return {
    submit<T>(fn: () => T) {
      return new Promise<T>((resolve, reject) => {
        pending.push({ fn, resolve: resolve as (value: unknown) => void, reject, afterCommit: [] });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    afterCommit(callback) {
      if (!running) throw new Error('afterCommit outside a write');
      running.afterCommit.push(callback);
    },
    drainSync: flush,
    stats,
  };
}
