import type { PrintingConfig } from '../config.js';
import type { PrinterRow } from './printers.repository.js';
import type { PrintJobRow } from './printing.repository.js';

/** Jobs sent over one connection when several are waiting (a backlog drains in few round trips). */
const BATCH = 8;

export type Outcome = { ok: boolean; error: string | null; durationMs: number };

export type WorkerDeps = {
  timing: PrintingConfig;
  queued(printerId: number, limit: number): PrintJobRow[];
  printer(id: number): PrinterRow | undefined;
  /** Sends the jobs to `target` (the zone itself or its fallback); rejects when the printer did not take them. */
  send(jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow, signal: AbortSignal): Promise<void>;
  /** Logs the attempt and, on success, marks the jobs printed. */
  settle(jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow, outcome: Outcome): Promise<void>;
};

type Sleep = { kind: 'idle' | 'backoff' | 'held'; wake(): void };

/**
 * The one worker of one printer zone: its jobs leave in the order they were queued, and whatever
 * this printer does (hang, refuse, vanish) only ever delays this loop, never another printer's.
 */
export function createPrinterWorker(zoneId: number, deps: WorkerDeps) {
  const { timing } = deps;
  const abort = new AbortController();
  let stopped = false;
  let sleeping: Sleep | undefined;
  let offlineSince: number | undefined;
  let lastZoneTry = 0;

  const sleep = (kind: Sleep['kind'], ms?: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const done = () => {
        clearTimeout(timer);
        sleeping = undefined;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      sleeping = { kind, wake: done };
    });

  const backoff = (failures: number) => Math.min(timing.retryMinMs * 2 ** Math.min(failures - 1, 20), timing.retryMaxMs);

  /** Where to try now: the zone; after it has been unreachable long enough its fallback, probing the zone now and then. */
  function targets(zone: PrinterRow, now: number): PrinterRow[] {
    const fallbackRow = zone.fallback_printer_id === null ? undefined : deps.printer(zone.fallback_printer_id);
    const fallback = fallbackRow?.is_active ? fallbackRow : undefined;
    if (!zone.is_active) return fallback ? [fallback] : [];
    const givenUp = offlineSince !== undefined && now - offlineSince >= timing.fallbackAfterMs;
    if (!fallback || !givenUp) return [zone];
    return now - lastZoneTry >= timing.retryMaxMs ? [zone, fallback] : [fallback];
  }

  async function tryOn(jobs: PrintJobRow[], target: PrinterRow, zone: PrinterRow): Promise<boolean> {
    const started = Date.now();
    let error: string | null = null;
    try {
      await deps.send(jobs, target, zone, abort.signal);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    if (stopped) return false;
    if (target.id === zone.id) {
      lastZoneTry = started;
      offlineSince = error === null ? undefined : (offlineSince ?? started);
    }
    await deps.settle(jobs, target, zone, { ok: error === null, error, durationMs: Date.now() - started });
    return error === null;
  }

  async function deliverNext(): Promise<'idle' | 'held' | 'printed' | 'failed'> {
    const jobs = deps.queued(zoneId, BATCH);
    if (jobs.length === 0) return 'idle';
    const zone = deps.printer(zoneId);
    const now = Date.now();
    const candidates = zone ? targets(zone, now) : [];
    if (!zone || candidates.length === 0) return 'held';
    for (const target of candidates) {
      if (await tryOn(jobs, target, zone)) return 'printed';
    }
    return 'failed';
  }

  async function run() {
    let failures = 0;
    while (!stopped) {
      let result: Awaited<ReturnType<typeof deliverNext>>;
      try {
        result = await deliverNext();
      } catch (error) {
        console.error(`printer ${zoneId}: delivery failed unexpectedly`, error);
        result = 'failed';
      }
      if (result === 'printed') failures = 0;
      else if (result === 'failed') await sleep('backoff', backoff(++failures));
      else await sleep(result);
    }
  }

  const running = run();

  return {
    /** A new job was queued: start now if idle, but never cut a backoff short (a dead printer is not hammered). */
    notify: () => {
      if (sleeping?.kind === 'idle') sleeping.wake();
    },
    /** The printer's settings changed or it just answered: try again now. */
    retryNow: () => sleeping?.wake(),
    async stop() {
      stopped = true;
      abort.abort();
      sleeping?.wake();
      await running;
    },
  };
}

export type PrinterWorker = ReturnType<typeof createPrinterWorker>;
