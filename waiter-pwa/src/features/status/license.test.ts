import { describe, expect, it } from 'vitest';
import { makeLicenseStatus } from '../../test/factories';
import { licenseBanner } from './license';

describe('the licence banner', () => {
  it('shows nothing on an active site, or on an appliance that does not enforce a licence', () => {
    expect(licenseBanner(makeLicenseStatus())).toBeUndefined();
    expect(licenseBanner(makeLicenseStatus({ state: 'locked', enforced: false }))).toBeUndefined();
  });

  it('says a locked site is locked, and why', () => {
    expect(licenseBanner(makeLicenseStatus({ state: 'locked', lock_reason: 'unpaid invoice' }))).toEqual({ kind: 'locked', reason: 'unpaid invoice' });
  });

  it('counts the grace period in whole hours, rounded up', () => {
    expect(licenseBanner(makeLicenseStatus({ state: 'grace', grace_remaining_s: 3601 }))).toEqual({ kind: 'grace', graceHours: 2 });
    expect(licenseBanner(makeLicenseStatus({ state: 'offline_warning', grace_remaining_s: 0 }))).toEqual({ kind: 'offline', graceHours: 0 });
  });

  it('treats an expired, never activated or too long offline site as expired', () => {
    for (const state of ['expired', 'not_activated', 'offline_too_long'] as const) expect(licenseBanner(makeLicenseStatus({ state }))?.kind).toBe('expired');
  });
});
