import type { LicenseStatus } from './api';

/** What the licence banner says, if it shows at all. */
export type LicenseBanner = { kind: 'locked' | 'expired' | 'grace' | 'offline'; reason?: string; graceHours?: number };

/** Every state the appliance can report (a new one fails to compile here until it is given a banner). */
const BANNER_KIND: Record<LicenseStatus['state'], LicenseBanner['kind'] | undefined> = {
  active: undefined,
  grace: 'grace',
  offline_warning: 'offline',
  locked: 'locked',
  expired: 'expired',
  offline_too_long: 'expired',
  not_activated: 'expired',
};

/** The banner for the appliance's licence status; undefined when there is nothing to warn about. */
export function licenseBanner(status: LicenseStatus): LicenseBanner | undefined {
  if (!status.enforced) return undefined; // a demo or development appliance
  const kind = BANNER_KIND[status.state];
  if (!kind) return undefined;
  const graceHours = status.grace_remaining_s === null ? undefined : Math.max(0, Math.ceil(status.grace_remaining_s / 3600));
  return { kind, ...(status.lock_reason ? { reason: status.lock_reason } : {}), ...(graceHours === undefined ? {} : { graceHours }) };
}
