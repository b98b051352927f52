/**
 * Keeps a list from the appliance fresh when a GET and live events race: only the latest GET
 * counts, and rows an event changed while that GET was in flight keep the event's version (the
 * GET may have been answered before the change; every later change brings its own event).
 */
export function createFreshness<K>() {
  let generation = 0;
  let touched = new Set<K>();
  return {
    /** Before a GET: answers the token to hand to `merge` with its answer. */
    start(): number {
      touched = new Set();
      return ++generation;
    },
    /** A live event changed (or removed) this row. */
    touch(key: K): void {
      touched.add(key);
    },
    /** The rows to show once the GET answered; undefined when a later GET superseded it. */
    merge<T>(token: number, fetched: T[], current: T[], key: (row: T) => K): T[] | undefined {
      if (token !== generation) return undefined;
      return [...fetched.filter((row) => !touched.has(key(row))), ...current.filter((row) => touched.has(key(row)))];
    },
  };
}
