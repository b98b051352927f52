/**
 * The appliance's answers on this phone, by key (`['tables']`, `['order', id]`). Live events keep
 * them fresh, so nothing goes stale by age: an answer is asked for once, when a screen first shows
 * it, and again only when invalidated (the stream reconnected, this phone changed the order).
 * One request per key at a time; only a failure that may pass by itself is retried.
 *
 * The waiter app's own, in place of a general query library: the whole of its first screen's
 * JavaScript must run on a phone's first load, and a library's unused half did not.
 */
export type QueryKey = readonly [string, ...unknown[]];

export interface QuerySpec<T> {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
}

/** What a screen reads: the last answer (kept through failures) and the last failure, if the last attempt failed. */
export interface QueryState<T = unknown> {
  data: T | undefined;
  error: unknown;
  /** When `data` was answered (ms since the epoch); 0 before any answer. */
  updatedAt: number;
}

interface Entry {
  key: QueryKey;
  state: QueryState;
  queryFn?: () => Promise<unknown>;
  observers: number;
  stale: boolean;
  fetching?: Promise<void>;
  refetchAfter: boolean;
  listeners: Set<() => void>;
}

export interface QueryCacheOptions {
  /** Whether to try again after a failure (`error`) that followed `failures` earlier ones. */
  retry: (failures: number, error: unknown) => boolean;
  /** How long to wait before that next try. */
  retryDelay?: (failures: number) => number;
}

const EMPTY: QueryState = { data: undefined, error: null, updatedAt: 0 };
const hash = (key: QueryKey) => JSON.stringify(key);
const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, index) => JSON.stringify(part) === JSON.stringify(key[index]));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createQueryCache({ retry, retryDelay = (failures) => Math.min(1000 * 2 ** failures, 30_000) }: QueryCacheOptions) {
  const entries = new Map<string, Entry>();
  const changeListeners = new Set<(key: QueryKey) => void>();
  let inFlight = 0;
  let idle: (() => void)[] = [];

  const entry = (key: QueryKey): Entry => {
    const id = hash(key);
    let found = entries.get(id);
    if (!found) entries.set(id, (found = { key, state: EMPTY, observers: 0, stale: false, refetchAfter: false, listeners: new Set() }));
    return found;
  };

  const publish = (target: Entry, state: QueryState) => {
    target.state = state;
    for (const listener of target.listeners) listener();
    for (const listener of changeListeners) listener(target.key);
  };

  async function attempt(target: Entry, queryFn: () => Promise<unknown>): Promise<void> {
    for (let failures = 0; ;) {
      try {
        const data = await queryFn();
        target.stale = false;
        publish(target, { data, error: null, updatedAt: Date.now() });
        return;
      } catch (error) {
        if (!retry(failures, error)) {
          publish(target, { ...target.state, error });
          return;
        }
        await sleep(retryDelay(failures));
        failures += 1;
      }
    }
  }

  /**
   * Asks for `target` unless it is being asked for. With `again`, an answer on its way may predate
   * the change, so it is asked for once more after that answer.
   */
  function fetchEntry(target: Entry, again = false): Promise<void> {
    const queryFn = target.queryFn;
    if (!queryFn) return Promise.resolve();
    if (target.fetching) {
      target.refetchAfter ||= again;
      return target.fetching;
    }
    inFlight += 1;
    target.fetching = attempt(target, queryFn).finally(() => {
      target.fetching = undefined;
      inFlight -= 1;
      if (target.refetchAfter) {
        target.refetchAfter = false;
        return fetchEntry(target);
      }
      if (inFlight === 0) {
        const waiting = idle;
        idle = [];
        for (const resolve of waiting) resolve();
      }
    });
    return target.fetching;
  }

  const matching = (prefix: QueryKey) => [...entries.values()].filter((candidate) => startsWith(candidate.key, prefix));

  return {
    getQueryData: <T>(key: QueryKey): T | undefined => entries.get(hash(key))?.state.data as T | undefined,

    setQueryData<T>(key: QueryKey, data: T): void {
      publish(entry(key), { data, error: null, updatedAt: Date.now() });
    },

    /** The answers under `prefix` (e.g. every `['order', …]`). */
    getQueriesData: <T>(prefix: QueryKey): [QueryKey, T][] =>
      matching(prefix).flatMap((found) => (found.state.data === undefined ? [] : [[found.key, found.state.data as T] as [QueryKey, T]])),

    /** The state a screen shows for `key`, the same object until it changes. */
    state: <T>(key: QueryKey): QueryState<T> => (entries.get(hash(key))?.state ?? EMPTY) as QueryState<T>,

    /** Calls `listener` whenever `key`'s state changes; answers the unsubscribe. */
    watch(key: QueryKey, listener: () => void): () => void {
      const target = entry(key);
      target.listeners.add(listener);
      return () => target.listeners.delete(listener);
    },

    /** A screen shows `spec`: ask for it if it was never answered or was invalidated. Answers the release. */
    observe<T>(spec: QuerySpec<T>): () => void {
      const target = entry(spec.queryKey);
      target.queryFn = spec.queryFn;
      target.observers += 1;
      if (target.state.data === undefined || target.stale) void fetchEntry(target);
      return () => {
        target.observers -= 1;
      };
    },

    /**
     * What is under `prefix` (and passes `predicate`) may have changed: what a screen shows is asked
     * for again now, the rest when a screen next shows it.
     */
    invalidate(prefix: QueryKey, predicate: (key: QueryKey, state: QueryState) => boolean = () => true): Promise<void> {
      const asks: Promise<void>[] = [];
      for (const target of matching(prefix)) {
        if (!predicate(target.key, target.state)) continue;
        target.stale = true;
        if (target.observers > 0) asks.push(fetchEntry(target, true));
      }
      return Promise.all(asks).then(() => undefined);
    },

    /** Calls `listener` with the key of every change. */
    subscribe(listener: (key: QueryKey) => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    /** Resolves once nothing is being asked for: what is on its way counts as an answer. */
    whenIdle: (): Promise<void> => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve))),

    /** Forgets what no screen shows, nothing is asking for, and `keep` does not choose. */
    prune(keep: (state: QueryState) => boolean): void {
      for (const [id, found] of entries) if (found.observers === 0 && !found.fetching && found.listeners.size === 0 && !keep(found.state)) entries.delete(id);
    },

    /** Every answer, with its key and time, for keeping on the phone. */
    answers(): { key: QueryKey; data: unknown; updatedAt: number }[] {
      return [...entries.values()]
        .filter((found) => found.state.data !== undefined)
        .map((found) => ({ key: found.key, data: found.state.data, updatedAt: found.state.updatedAt }));
    },

    /** Puts answers kept on the phone back, unless the appliance has answered since. */
    restore(answers: { key: QueryKey; data: unknown; updatedAt: number }[]): void {
      for (const answer of answers) {
        const target = entry(answer.key);
        if (target.state.updatedAt < answer.updatedAt) publish(target, { data: answer.data, error: null, updatedAt: answer.updatedAt });
      }
    },
  };
}

export type QueryCache = ReturnType<typeof createQueryCache>;
