import { describe, expect, it } from 'vitest';
import { daysStrip, extendedBy } from './extend';

describe('extending a licence', () => {
  const now = new Date('2026-12-04T10:00:00.000Z');

  it('adds a month or a year to the current end, keeping the day where the month has it', () => {
    expect(extendedBy('2027-01-31T23:59:59.000Z', 1, now)).toBe('2027-02-28T23:59:59.000Z');
    expect(extendedBy('2027-03-15T23:59:59.000Z', 12, now)).toBe('2028-03-15T23:59:59.000Z');
  });

  it('counts from today for a licence that already ended', () => {
    expect(extendedBy('2026-01-10T00:00:00.000Z', 12, now)).toBe('2027-12-04T10:00:00.000Z');
  });
});

describe('the 30-day strip', () => {
  it('marks each of the last 30 days seen or not, oldest first', () => {
    const strip = daysStrip(['2026-12-04', '2026-11-20'], new Date('2026-12-04T10:00:00.000Z'));
    expect(strip).toHaveLength(30);
    expect(strip[0]!.day).toBe('2026-11-05');
    expect(strip.at(-1)).toEqual({ day: '2026-12-04', seen: true });
    expect(strip.filter((day) => day.seen).map((day) => day.day)).toEqual(['2026-11-20', '2026-12-04']);
  });
});
