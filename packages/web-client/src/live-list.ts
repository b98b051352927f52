import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { createFreshness } from './freshness';

/**
 * A list from the appliance kept by its GET and by live events, in `order`: the query, and what a
 * `*.updated` / `*.removed` event does to it. Rows an event changed while a GET was in flight keep
 * the event's version (see createFreshness).
 */
export function liveList<T extends { id: number }>(queryClient: QueryClient, key: string, fetch: () => Promise<T[]>, order: (a: T, b: T) => number) {
  const queryKey = [key] as const;
  const freshness = createFreshness<number>();
  const current = () => queryClient.getQueryData<T[]>(queryKey) ?? [];
  return {
    query: queryOptions({
      queryKey,
      queryFn: async () => {
        const token = freshness.start();
        const fetched = await fetch();
        return (freshness.merge(token, fetched, current(), (row) => row.id) ?? current()).sort(order);
      },
    }),
    apply(row: T): void {
      freshness.touch(row.id);
      const rows = current();
      const exists = rows.some((existing) => existing.id === row.id);
      queryClient.setQueryData(queryKey, (exists ? rows.map((existing) => (existing.id === row.id ? row : existing)) : [...rows, row]).sort(order));
    },
    remove(id: number): void {
      freshness.touch(id);
      queryClient.setQueryData(
        queryKey,
        current().filter((row) => row.id !== id),
      );
    },
  };
}
