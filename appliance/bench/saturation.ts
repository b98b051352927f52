import { performance } from 'node:perf_hooks';
import type { TableSession } from './table-session.js';
import type { Tally } from './tally.js';

export type SaturationResult = { itemAdds: number; itemAddErrors: number; seconds: number; perSecond: number };

/**
 * Closed loop: every session sends its next item-add as soon as the previous one is answered,
 * turning its table over after ITEMS_PER_ORDER items. Bounded by time and by request count.
 * Only item-adds count in the rate; the turnover requests are in the tally.
 */
export async function runSaturation(
  sessions: TableSession[],
  tally: Tally,
  options: { durationMs?: number; maxItemAdds?: number } = {},
): Promise<SaturationResult> {
  const durationMs = options.durationMs ?? 8_000;
  const maxItemAdds = options.maxItemAdds ?? 200_000;
  const before = { ok: tally.item_add.ok, errors: tally.item_add.errors };
  const started = performance.now();
  const end = started + durationMs;
  let sent = 0;
  let lastAnswer = started;

  const drive = async (session: TableSession) => {
    while (performance.now() < end && sent < maxItemAdds) {
      if (session.full) await session.turnover();
      if (performance.now() >= end) break;
      sent++;
      const add = await session.addItem();
      lastAnswer = Math.max(lastAnswer, Number.isNaN(add.answeredAt) ? performance.now() : add.answeredAt);
    }
  };
  await Promise.all(sessions.map(drive));

  const itemAdds = tally.item_add.ok - before.ok;
  const seconds = (lastAnswer - started) / 1000;
  return { itemAdds, itemAddErrors: tally.item_add.errors - before.errors, seconds, perSecond: itemAdds / seconds };
}
