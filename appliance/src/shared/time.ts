import { DateTime } from 'luxon';

export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Timestamps are stored as ISO-8601 UTC strings, which sort and compare as text. */
export const isoNow = (clock: Clock = systemClock) => clock.now().toISOString();

/**
 * The business day that contains `at`, as UTC bounds. A restaurant's day starts at
 * `dayStart` local time (05:00 by default) because service runs past midnight.
 */
export function businessDayBounds(at: Date, timeZone: string, dayStart: string): { from: string; to: string } {
  const [hour, minute] = dayStart.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  let start = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (start > local) start = start.minus({ days: 1 });
  const end = start.plus({ days: 1 });
  return { from: start.toUTC().toISO()!, to: end.toUTC().toISO()! };
}

/** Accepts an ISO timestamp (with or without zone; without one it is read in `timeZone`). */
export function parseInstant(value: string, timeZone: string): string | undefined {
  const parsed = DateTime.fromISO(value, { zone: timeZone });
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
}
