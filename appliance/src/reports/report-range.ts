import { badRequest } from '../shared/errors.js';
import { businessDayBounds, parseInstant } from '../shared/time.js';
import type { ReportRange } from './reports.schema.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const FOUR_DIGIT_YEAR = /^\d{4}-/;

/** A date means the start of that business day; anything else must be an ISO timestamp. */
/** Where business days begin: the restaurant's time zone and the business-day start (HH:MM). */
export type BusinessDays = { timeZone: string; businessDayStart: string };

export function instant(name: string, value: string, { timeZone, businessDayStart }: BusinessDays): string {
  const parsed = parseInstant(DATE_ONLY.test(value) ? `${value}T${businessDayStart}` : value, timeZone);
  if (parsed === undefined || !FOUR_DIGIT_YEAR.test(parsed)) {
    throw badRequest('invalid_date', `${name} must be a date (YYYY-MM-DD) or an ISO timestamp`, { [name]: value });
  }
  return parsed;
}

/**
 * The UTC range a report covers, end exclusive. Without bounds: the current business day. With
 * one bound: the business day it falls in (so `?from=2025-06-14` is that day's report).
 */
export function reportRange(query: { from?: string | undefined; to?: string | undefined }, now: Date, config: BusinessDays): ReportRange {
  const dayOf = (at: Date) => businessDayBounds(at, config.timeZone, config.businessDayStart);
  const from = query.from === undefined ? undefined : instant('from', query.from, config);
  const to = query.to === undefined ? undefined : instant('to', query.to, config);
  const range = {
    from: from ?? dayOf(to === undefined ? now : new Date(Date.parse(to) - 1)).from,
    to: to ?? dayOf(from === undefined ? now : new Date(from)).to,
  };
  if (range.from >= range.to) throw badRequest('invalid_range', '`from` must be before `to`', range);
  return range;
}
