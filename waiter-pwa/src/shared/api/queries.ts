import { loadSnapshot, saveSnapshot } from '../cache';
import { retryNetworkFailures } from '@tavli/web-client/query';
import { createQueryCache, type QueryKey } from './queryCache';

export { ApiError, unwrap } from '@tavli/web-client/query';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The appliance's data on this phone (see createQueryCache); only a failure that may pass (no network) is retried. */
export const queryCache = createQueryCache({ retry: retryNetworkFailures });

/** The offline copy of the answers, in IndexedDB, so the app opens with the network off. */
const SNAPSHOT = 'queries';
/** Changed when the answers' shapes change: a copy kept by an older app is not restored. */
const BUSTER = 'api-2';
/** A copy older than this is not restored: a phone back after days asks afresh. */
export const PERSISTED_MAX_AGE_MS = 7 * DAY_MS;
/** An answer no screen has shown for this long is forgotten, here and on the phone (yesterday's orders). */
const FORGET_AFTER_MS = DAY_MS;
/** The copy is written at most this often. */
const WRITE_EVERY_MS = 1000;

interface Snapshot {
  buster: string;
  timestamp: number;
  answers: { key: QueryKey; data: unknown; updatedAt: number }[];
}

/** Puts the offline copy back into the cache: with the network off, the app opens with the last tables, menu and orders. */
export async function restoreQueries(): Promise<void> {
  try {
    const snapshot = JSON.parse((await loadSnapshot<string>(SNAPSHOT)) ?? 'null') as Snapshot | null;
    if (snapshot?.buster === BUSTER && Date.now() - snapshot.timestamp <= PERSISTED_MAX_AGE_MS) queryCache.restore(snapshot.answers);
  } catch {
    /* an unreadable copy is as good as none: the app asks the appliance */
  }
}

let ready: Promise<void> | undefined;
/** The offline copy restored, and kept from then on: awaited before a screen that shows the answers first renders. */
export const queriesReady = (): Promise<void> =>
  (ready ??= restoreQueries().then(() => {
    keepQueriesOnPhone();
  }));

/** Keeps the offline copy in step with the cache from now on. */
export function keepQueriesOnPhone(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const now = Date.now();
    queryCache.prune((state) => now - state.updatedAt < FORGET_AFTER_MS);
    void saveSnapshot(SNAPSHOT, JSON.stringify({ buster: BUSTER, timestamp: now, answers: queryCache.answers() } satisfies Snapshot));
  };
  const unsubscribe = queryCache.subscribe(() => (timer ??= setTimeout(write, WRITE_EVERY_MS)));
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
