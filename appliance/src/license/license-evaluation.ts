import type { LicenseClaims } from '@tavli/licensing-contract/license';

export type LicenseState = 'not_activated' | 'active' | 'locked' | 'grace' | 'expired' | 'offline_warning' | 'offline_too_long';

export type LicensePolicy = { graceMs: number; maxOfflineMs: number };

export type LicenseFacts = {
  claims: LicenseClaims | undefined;
  /** When a verified license first said "not licensed" (the cloud ended the licence early). */
  unlicensedSince: number | undefined;
  lastSuccessAt: number | undefined;
};

export type Evaluation = {
  state: LicenseState;
  /** The refusal for API calls, if any: 423 site_locked or a 402 code. */
  refusal: { status: 402 | 423; code: string } | undefined;
  graceEndsAt: number | undefined;
};

const allowed = (state: LicenseState, graceEndsAt?: number): Evaluation => ({ state, refusal: undefined, graceEndsAt });

/** Decides what the appliance may do from its last verified licence; `now` is licence time. */
export function evaluateLicense(facts: LicenseFacts, now: number, policy: LicensePolicy): Evaluation {
  const { claims } = facts;
  if (!claims) return { state: 'not_activated', refusal: { status: 402, code: 'not_activated' }, graceEndsAt: undefined };
  if (claims.locked) return { state: 'locked', refusal: { status: 423, code: 'site_locked' }, graceEndsAt: undefined };

  const expiresAt = Date.parse(claims.expires_at);
  const endedAt = claims.licensed ? (expiresAt <= now ? expiresAt : undefined) : Math.min(expiresAt, facts.unlicensedSince ?? Date.parse(claims.server_time));
  if (endedAt !== undefined) {
    const graceEndsAt = endedAt + policy.graceMs;
    if (now < graceEndsAt) return allowed('grace', graceEndsAt);
    return { state: 'expired', refusal: { status: 402, code: 'license_expired' }, graceEndsAt };
  }

  const offlineSince = facts.lastSuccessAt ?? Date.parse(claims.server_time);
  // The licence's own signed bound holds even if the stored "last heartbeat" was moved forward.
  const warnAt = Math.min(offlineSince + policy.maxOfflineMs, claims.offline_until ? Date.parse(claims.offline_until) : Infinity);
  if (now >= warnAt) {
    const graceEndsAt = warnAt + policy.graceMs;
    if (now < graceEndsAt) return allowed('offline_warning', graceEndsAt);
    return { state: 'offline_too_long', refusal: { status: 402, code: 'license_offline_too_long' }, graceEndsAt };
  }
  return allowed('active');
}
