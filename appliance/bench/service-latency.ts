import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarise, type LatencySummary } from './stats.js';
import type { ItemAdd, TableSession } from './table-session.js';

/** An item-add as the open loop sees it: `intendedAt` is when the waiter meant to send it. */
export type ScheduledItemAdd = ItemAdd & { session: TableSession; intendedAt: number };

export type ServiceLatencyResult = { latency: LatencySummary; sent: number; errors: number; seconds: number };

export type OpenLoopOptions = {
  durationMs?: number;
  /** Each session sends one item-add every `intervalMs` (1 000 = one a second per waiter). */
  intervalMs?: number;
  /** Called as each item-add is answered (e.g. to follow it to the printer). */
  onItemAdded?: (add: ScheduledItemAdd) => void;
};

/**
 * Open loop: each session sends on a fixed schedule, staggered across the interval, whether or
 * not earlier requests were answered. Latency is measured from the intended send time, so a
 * stalled server shows up in full (no coordinated omission). A session's own requests run in
 * order, as on one phone; a table that is full turns over before its next item.
 */
export async function runServiceLatency(sessions: TableSession[], options: OpenLoopOptions = {}): Promise<ServiceLatencyResult> {
  const durationMs = options.durationMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 1_000;
  const started = performance.now() + 50;
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;

  const drive = async (session: TableSession, index: number) => {
    let chain: Promise<void> = Promise.resolve();
    const offset = (index / sessions.length) * intervalMs;
    for (let intendedAt = started + offset; intendedAt < started + durationMs; intendedAt += intervalMs) {
      await sleep(Math.max(0, intendedAt - performance.now()));
      const at = intendedAt;
      sent++;
      chain = chain.then(async () => {
        if (session.full) await session.turnover();
        const add = await session.addItem();
        if (add.ok) latencies.push(add.answeredAt - at);
        else errors++;
        options.onItemAdded?.({ ...add, session, intendedAt: at });
      });
    }
    await chain;
  };
  await Promise.all(sessions.map(drive));
  return { latency: summarise(latencies), sent, errors, seconds: (performance.now() - started) / 1000 };
}
