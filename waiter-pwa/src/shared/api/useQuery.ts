import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { queryCache } from './queries';
import type { QuerySpec } from './queryCache';

/**
 * What `spec` answers, kept current: asked for when first shown (see QueryCache.observe), unless
 * `enabled` is false; `select` picks the part a screen needs.
 */
export function useQuery<T, S = T>(spec: QuerySpec<T> & { enabled?: boolean; select?: (data: T) => S }): { data: S | undefined; error: unknown } {
  const { queryKey, enabled = true, select } = spec;
  // The key's text stands for the key: a new array with the same parts is the same query.
  const id = JSON.stringify(queryKey);
  const watch = useCallback((listener: () => void) => queryCache.watch(queryKey, listener), [id]);
  const state = useSyncExternalStore(watch, () => queryCache.state<T>(queryKey));
  useEffect(() => (enabled ? queryCache.observe(spec) : undefined), [id, enabled]);
  const data = useMemo(() => (state.data === undefined || !select ? state.data : select(state.data)), [state.data, select]) as S | undefined;
  return { data, error: state.error };
}
