import type BetterSqlite3 from 'better-sqlite3';

type Job = {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  afterCommit: Array<() => void>;
};

export type WriteQueue = {
  submit<T>(fn: () => T): Promise<T>;
  /** Registers work (live events) to run once the current write is durable; dropped if it fails. */
  afterCommit(callback: () => void): void;
  /** Commits whatever is queued right now (used on shutdown). */
  drainSync(): void;
};

/**
 * Group commit: writes that arrive while the event loop is busy are committed together in one
 * durable transaction (one fsync), each inside its own savepoint so one failing write rolls back
 * alone. Every promise settles only after COMMIT has returned, so an acknowledged write is on disk.
 */
export function createWriteQueue(sqlite: BetterSqlite3.Database): WriteQueue {
  let pending: Job[] = [];
  let scheduled = false;
  let running: Job | undefined;
  // Prepared once: a flush runs for every group of requests.
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  /** Runs a job in its own savepoint inside the group's transaction. */
  const inSavepoint = sqlite.transaction((fn: () => unknown) => fn());

  const flush = () => {
    scheduled = false;
    const jobs = pending;
    pending = [];
    if (jobs.length === 0) return;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      begin.run();
      for (const job of jobs) {
        running = job;
        try {
          outcomes.push({ ok: true, value: inSavepoint(job.fn) });
        } catch (error) {
          job.afterCommit = [];
          outcomes.push({ ok: false, error });
        } finally {
          running = undefined;
        }
      }
      commit.run();
    } catch (error) {
      if (sqlite.inTransaction) rollback.run();
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (!outcome.ok) return job.reject(outcome.error);
      for (const callback of job.afterCommit) {
        try {
          callback();
        } catch (error) {
          console.error('after-commit callback failed', error);
        }
      }
      job.resolve(outcome.value);
    });
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
      if (running) running.afterCommit.push(callback);
      else callback();
    },
    drainSync: flush,
  };
}
