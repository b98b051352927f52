/**
 * Performance marks the benchmark (scripts/perf.ts) reads: when a live table change arrived, and
 * "tavli:floor-update", how long from there until the floor had taken it into the page.
 */
const EVENT = 'tavli:table-event';

export function markTableEvent(): void {
  performance.mark(EVENT);
}

/** After the floor committed: measures from the oldest unmeasured table event. */
export function measureFloorUpdate(): void {
  if (performance.getEntriesByName(EVENT, 'mark').length === 0) return;
  performance.measure('tavli:floor-update', EVENT);
  performance.clearMarks(EVENT);
}
