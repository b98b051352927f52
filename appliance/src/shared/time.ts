import { DateTime } from 'luxon';

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

const dateTimeFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; text: string }>();

/**
 * "21/11/2026 22:40" in the restaurant's time zone. Tickets print often, so the formatter is
 * cached and so is the last minute formatted: today's time zones are offset by whole minutes, so one
 * UTC minute is one local minute.
 */
export function localDateTime(at: string, timeZone: string): string {
  let zone = dateTimeFormats.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, (zone = { format, minute: Number.NaN, text: '' }));
  }
  const minute = Math.floor(new Date(at).getTime() / 60_000);
  if (minute !== zone.minute) {
    const part = Object.fromEntries(zone.format.formatToParts(minute * 60_000).map((p) => [p.type, p.value]));
    zone.minute = minute;
    zone.text = `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
  }
  return zone.text;
}
