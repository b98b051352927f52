import { createFreshness } from './freshness';
import { sameAsOf } from './query';

/** Where a live list keeps its rows: TanStack Query's QueryClient, or the waiter app's own cache. */
export interface ListCache {
  getQueryData(queryKey: readonly [string]): unknown;
  setQueryData(queryKey: readonly [string], rows: unknown): unknown;
}

/**
 * A list from the appliance kept by its GET and by live events, in `order`: the query, and what a
 * `*.updated` / `*.removed` event does to it. Rows an event changed while a GET was in flight keep
 * the event's version (see createFreshness).
 */
export function liveList<T extends { id: number }>(cache: ListCache, key: string, fetch: () => Promise<T[]>, order: (a: T, b: T) => number) {
  const queryKey = [key] as const;
  const freshness = createFreshness<number>();
  const current = () => (cache.getQueryData(queryKey) as T[] | undefined) ?? [];
  return {
    query: {
      queryKey,
      queryFn: async (): Promise<T[]> => {
        const token = freshness.start();
        const fetched = await fetch();
        const merged = freshness.merge(token, fetched, current(), (row) => row.id);
        return merged ? sameAsOf(fetched, merged.sort(order)) : current().sort(order);
      },
    },
    apply(row: T): void {
      freshness.touch(row.id);
      const rows = current();
      const exists = rows.some((existing) => existing.id === row.id);
      cache.setQueryData(queryKey, sameAsOf(rows, (exists ? rows.map((existing) => (existing.id === row.id ? row : existing)) : [...rows, row]).sort(order)));
    },
    remove(id: number): void {
      freshness.touch(id);
      const rows = current();
      cache.setQueryData(
        queryKey,
        sameAsOf(
          rows,
          rows.filter((row) => row.id !== id),
        ),
      );
    },
  };
}
