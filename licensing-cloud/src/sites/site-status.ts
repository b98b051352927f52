const SILENT_AFTER_MS = 12 * 60 * 60 * 1000;

export const SITE_STATUSES = ['active', 'locked', 'expired', 'never_seen', 'silent'] as const;
type SiteStatus = (typeof SITE_STATUSES)[number];

type StatusFacts = { locked: number; license_expires_at: string; last_seen_at: string | null };

/** The one word a sysadmin sees first: a lock outranks expiry, which outranks silence. */
export function siteStatus(site: StatusFacts, now: Date): SiteStatus {
  if (site.locked === 1) return 'locked';
  if (site.license_expires_at <= now.toISOString()) return 'expired';
  if (site.last_seen_at === null) return 'never_seen';
  if (now.getTime() - Date.parse(site.last_seen_at) > SILENT_AFTER_MS) return 'silent';
  return 'active';
}
