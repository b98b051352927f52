import type { AppContext } from '../shared/context.js';
import { deleteIdempotencyRecordsBefore } from './idempotency.repository.js';

// A phone replays its outbox within hours; a week of keys covers any Wi-Fi outage with room to spare.
const KEEP_MS = 7 * 24 * 3_600_000;
const EVERY_MS = 6 * 3_600_000;
const FIRST_AFTER_MS = 60_000;

/** Forgets Idempotency-Keys older than a week; answers how many went. */
export async function pruneIdempotencyKeys(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - KEEP_MS).toISOString();
  return (await ctx.db.write((tx) => deleteIdempotencyRecordsBefore(tx, before))).changes;
}

/** Prunes a minute after start-up (never on the start-up path), then every six hours. */
export function startIdempotencyPruning(ctx: AppContext): () => void {
  const prune = () => void pruneIdempotencyKeys(ctx).catch((error: unknown) => console.error('pruning idempotency keys failed', error));
  const first = setTimeout(prune, FIRST_AFTER_MS);
  const every = setInterval(prune, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
