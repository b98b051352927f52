import { sql } from 'kysely';

const HOUR_MS = 60 * 60 * 1000;
/** No heartbeat for this long: the site is silent (the appliance beats every 6 hours). */
const SILENT_AFTER_MS = 24 * HOUR_MS;
/** An expired licence keeps working this long on the appliance (LICENSE_GRACE_HOURS' default). */
const GRACE_MS = 24 * HOUR_MS;
/** A licence ending within this is "expiring": time to call the owner. */
const EXPIRING_WITHIN_MS = 14 * 24 * HOUR_MS;

/** Most urgent first: the order the words are checked in. */
export const SITE_STATUSES = ['locked', 'expired', 'grace', 'never_seen', 'silent', 'expiring', 'active'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The one word a sysadmin sees first, computed by the database (so the list can filter and page
 * by it): a lock outranks expiry and grace, which outrank never seen, silence and expiring soon.
 * Times are ISO strings, which compare in time order on both databases.
 */
export function siteStatusSql(now: Date) {
  const at = now.getTime();
  return sql<SiteStatus>`case
    when locked = 1 then 'locked'
    when license_expires_at <= ${iso(at - GRACE_MS)} then 'expired'
    when license_expires_at <= ${iso(at)} then 'grace'
    when last_seen_at is null then 'never_seen'
    when last_seen_at < ${iso(at - SILENT_AFTER_MS)} then 'silent'
    when license_expires_at <= ${iso(at + EXPIRING_WITHIN_MS)} then 'expiring'
    else 'active'
  end`;
}
