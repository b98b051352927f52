import { findPrinter, listPrinters, type PrinterRow } from './printers.repository.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import { isoNow } from '@tavli/server-kit/clock';
import { renderBytes, type PrintDocument } from './document.js';
import { markPrinted, nextQueuedJobs, printersWithQueuedJobs, recordAttempt, ticketItemIds, type PrintJobRow } from './printing.repository.js';
import { sendToPrinter } from './transport.js';
import { createPrinterWorker, type Outcome, type PrinterWorker } from './worker.js';
import { countPrintAttempts } from '../observability/appliance-metrics.js';

/** Called inside the write that settled kitchen-ticket lines: printed (true) or failing for the first time (false). */
export type LinesHook = (tx: Tx, itemIds: string[], printed: boolean) => void;

/** The bytes of a batch of jobs for the printer that takes them, naming the zone on a fallback. */
export function batchBytes(jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow): Buffer {
  const forZone = target.id === zone.id ? undefined : zone.name;
  return Buffer.concat(jobs.map((job) => renderBytes(JSON.parse(job.document) as PrintDocument, { jobNumber: job.id, forZone }, target)));
}

/** One worker per printer, started after migrations and stopped before the database closes. */
export function createDelivery(ctx: AppContext, announce: (printerId: number) => void, hooks: LinesHook[]) {
  const { db } = ctx;
  const timing = ctx.config.printing;
  const workers = new Map<number, PrinterWorker>();
  const countAttempt = countPrintAttempts(ctx.observability);
  let started = false;

  async function settle(jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow, outcome: Outcome) {
    const jobIds = jobs.map((job) => job.id);
    await db.write((tx) => {
      const at = isoNow(ctx.clock);
      recordAttempt(tx, { jobIds, printerId: target.id, at, success: outcome.ok, error: outcome.error, durationMs: outcome.durationMs });
      if (outcome.ok) markPrinted(tx, jobIds, target.id, at);
      const firstFailure = !outcome.ok && jobs.some((job) => job.attempts === 0);
      const itemIds = outcome.ok || firstFailure ? ticketItemIds(tx, jobIds) : [];
      if (itemIds.length > 0) hooks.forEach((hook) => hook(tx, itemIds, outcome.ok));
    });
    countAttempt(outcome.ok);
    announce(target.id);
    if (target.id !== zone.id) announce(zone.id);
  }

  const deps = {
    timing,
    queued: (printerId: number, limit: number) => nextQueuedJobs(db, printerId, limit),
    printer: (id: number) => findPrinter(db, id),
    send: (jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow, signal: AbortSignal) =>
      sendToPrinter(target, batchBytes(jobs, target, zone), { connectMs: timing.connectTimeoutMs, writeMs: timing.writeTimeoutMs }, signal),
    settle,
  };

  const worker = (printerId: number): PrinterWorker | undefined => {
    if (!started) return undefined;
    let existing = workers.get(printerId);
    if (!existing) workers.set(printerId, (existing = createPrinterWorker(printerId, deps)));
    return existing;
  };

  return {
    /** Jobs left waiting by the last run go out now. */
    start() {
      started = true;
      const ids = new Set([...listPrinters(db).map((p) => p.id), ...printersWithQueuedJobs(db)]);
      ids.forEach((id) => worker(id));
    },
    async stop() {
      started = false;
      await Promise.all([...workers.values()].map((w) => w.stop()));
      workers.clear();
    },
    notify: (printerId: number) => worker(printerId)?.notify(),
    retryNow: (printerId: number) => worker(printerId)?.retryNow(),
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
