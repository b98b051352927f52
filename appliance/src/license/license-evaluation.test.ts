import { describe, expect, it } from 'vitest';
import { evaluateLicense } from './license-evaluation.js';

const DAY = 86_400_000;
const policy = { graceMs: DAY, maxOfflineMs: 30 * DAY };
const issuedAt = Date.UTC(2026, 11, 4);
const claims = {
  site_id: 'site',
  licensed: true,
  locked: false,
  lock_reason: null,
  expires_at: new Date(issuedAt + 365 * DAY).toISOString(),
  server_time: new Date(issuedAt).toISOString(),
  offline_until: new Date(issuedAt + 30 * DAY).toISOString(),
  nonce: 'n',
  seq: 7,
};

describe('a licence’s offline life', () => {
  it('ends at its own signed offline_until, even when the stored last heartbeat was moved forward', () => {
    const forged = { claims, unlicensedSince: undefined, lastSuccessAt: issuedAt + 300 * DAY };
    expect(evaluateLicense(forged, issuedAt + 29 * DAY, policy).state).toBe('active');
    expect(evaluateLicense(forged, issuedAt + 30 * DAY + 1, policy).state).toBe('offline_warning');
    expect(evaluateLicense(forged, issuedAt + 31 * DAY + 1, policy)).toMatchObject({ state: 'offline_too_long', refusal: { status: 402 } });
  });

  it('keeps the appliance’s own bound for a licence signed before offline_until existed', () => {
    const { offline_until: _none, ...older } = claims;
    const facts = { claims: older, unlicensedSince: undefined, lastSuccessAt: issuedAt + 10 * DAY };
    expect(evaluateLicense(facts, issuedAt + 39 * DAY, policy).state).toBe('active');
    expect(evaluateLicense(facts, issuedAt + 41 * DAY + 1, policy).state).toBe('offline_too_long');
  });
});
