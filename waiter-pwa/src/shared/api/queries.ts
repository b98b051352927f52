import { QueryClient } from '@tanstack/react-query';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { loadSnapshot, removeSnapshot, saveSnapshot } from '../cache';
import type { ApiFailure, ApiResult } from './client';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A refused or failed request, as a query's error: the appliance's code and message, or no network. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

/** A typed call's answer as a query wants it: the data, or an ApiError thrown. */
export async function unwrap<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const answer = await result;
  if (answer.ok) return answer.data;
  throw new ApiError(answer.failure);
}

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
      retry: (count, error) => count < 2 && error instanceof ApiError && error.failure.kind === 'network',
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

/** Persisted answers older than this are not restored: a phone back after days asks afresh. */
export const PERSISTED_MAX_AGE_MS = 7 * DAY_MS;
