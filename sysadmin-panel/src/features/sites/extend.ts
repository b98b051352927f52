/** The licence end moved on by months from the later of its current end and now (an expired site gets a full term). */
export function extendedBy(currentEnd: string, months: number, now: Date): string {
  const from = new Date(Math.max(Date.parse(currentEnd), now.getTime()));
  const day = from.getUTCDate();
  from.setUTCDate(1);
  from.setUTCMonth(from.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)).getUTCDate();
  from.setUTCDate(Math.min(day, lastDay));
  return from.toISOString();
}

/** The last 30 UTC days, oldest first, each marked seen or not. */
export function daysStrip(seenDays: string[], now: Date, days = 30): Array<{ day: string; seen: boolean }> {
  const seen = new Set(seenDays);
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(now.getTime() - (days - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return { day, seen: seen.has(day) };
  });
}
