let marked = false;

/** "tavli:interactive": the first screen shows real data and answers taps (read by each app's scripts/perf.ts). */
export function markInteractive(): void {
  if (marked || typeof performance === 'undefined') return;
  marked = true;
  performance.mark('tavli:interactive');
}
