import { Counter, Gauge, Histogram } from 'prom-client';
import type { Db } from '../db/database.js';
import type { CommitObserver } from '../db/write-queue.js';
import type { EventBus } from '../events/event-bus.js';
import { metric, type Observability } from '@tavli/server-kit/observability';

/** Group commit: how many writes each durable transaction carried, and how long its COMMIT (the fsync) took. */
export function observeCommits({ metrics }: Observability): CommitObserver {
  const size = new Histogram({
    name: 'tavli_group_commit_writes',
    help: 'Writes carried by one durable transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [metrics],
  });
  const fsync = new Histogram({
    name: 'tavli_commit_fsync_seconds',
    help: 'Time COMMIT took (synchronous=FULL: the fsync)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [metrics],
  });
  return (writes, seconds) => {
    size.observe(writes);
    fsync.observe(seconds);
  };
}

/** Print attempts by result, counted as the printer workers settle them. */
export function countPrintAttempts({ metrics }: Observability): (printed: boolean) => void {
  const attempts = metric(
    metrics,
    'tavli_print_attempts_total',
    (name) => new Counter({ name, help: 'Attempts to print a batch of jobs, by result', labelNames: ['result'] as const, registers: [metrics] }),
  );
  return (printed) => attempts.inc({ result: printed ? 'printed' : 'failed' });
}

/** Read when Prometheus scrapes: the jobs waiting per printer, and the open live event streams. */
export function observeQueues({ metrics }: Observability, db: Db, events: EventBus): void {
  const waiting = db.sqlite.prepare<[], { printer_id: number; jobs: number }>(
    "SELECT printer_id, count(*) AS jobs FROM print_jobs WHERE status = 'queued' GROUP BY printer_id",
  );
  new Gauge({
    name: 'tavli_print_queue_jobs',
    help: 'Print jobs waiting, by printer',
    labelNames: ['printer'] as const,
    registers: [metrics],
    collect() {
      this.reset();
      for (const row of waiting.all()) this.set({ printer: String(row.printer_id) }, row.jobs);
    },
  });
  new Gauge({
    name: 'tavli_event_streams_open',
    help: 'Live event streams open (screens connected)',
    registers: [metrics],
    collect() {
      this.set(events.subscriberCount);
    },
  });
}
