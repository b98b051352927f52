import { QueryClient } from '@tanstack/react-query';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { loadSnapshot, removeSnapshot, saveSnapshot } from '../cache';
import { retryNetworkFailures } from '@tavli/web-client/query';

export { ApiError, unwrap } from '@tavli/web-client/query';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The appliance's data on this phone. Live events keep it fresh (nothing goes stale by age); the
 * last answers are kept in IndexedDB, so the app opens with the network off; only a failure that
 * may pass (no network) is retried.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'offlineFirst',
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: DAY_MS,
      refetchOnWindowFocus: false,
      retry: retryNetworkFailures,
    },
  },
});

export const queryPersister = createAsyncStoragePersister({
  key: 'queries',
  storage: {
    getItem: async (key) => (await loadSnapshot<string>(key)) ?? null,
    setItem: (key, value: string) => saveSnapshot(key, value),
    removeItem: (key) => removeSnapshot(key),
  },
});

let markRestored: () => void = () => undefined;
/**
 * Settles once the persisted answers are back in the cache, or found missing or too old. A catch-up
 * that ran before would miss them: restored afterwards, they would never be asked for again.
 */
export const queriesRestored = new Promise<void>((resolve) => (markRestored = resolve));
export const settleQueriesRestored = (): void => markRestored();

/** Persisted answers older than this are not restored: a phone back after days asks afresh. */
export const PERSISTED_MAX_AGE_MS = 7 * DAY_MS;
