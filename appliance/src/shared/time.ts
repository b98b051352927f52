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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "21/11/2026 22:40" in the restaurant's time zone; formatters are cached, as tickets print often. */
export function localDateTime(at: string, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}
