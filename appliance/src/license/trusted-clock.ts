import { performance } from 'node:perf_hooks';
import type { Clock } from '@tavli/server-kit/clock';

const BEHIND_TOLERANCE_MS = 5 * 60_000;

/**
 * The Pi has no battery clock, so the system time may start in the past or be set back by hand.
 * Licence time never goes behind the latest instant it has trusted (a verified server time or
 * the high-water mark kept from earlier runs) and from there moves on with the monotonic clock.
 * A verified server time is the authority both ways: it also brings licence time back from a
 * system clock that ran ahead (a boot two years in the future must not expire the licence for good).
 */
export function createTrustedClock(system: Clock, highWaterMark: number) {
  let anchor = Math.max(highWaterMark, system.now().getTime());
  let anchoredAt = performance.now();
  /** How far the system clock was ahead of the cloud at the last verified server time. */
  let systemAhead = 0;

  const now = () => {
    const trusted = Math.max(system.now().getTime() - systemAhead, anchor + (performance.now() - anchoredAt));
    anchor = trusted;
    anchoredAt = performance.now();
    return trusted;
  };

  return {
    now: () => new Date(now()),
    /**
     * A server time from a fresh licence this appliance verified (signed, answering its own
     * nonce): licence time becomes it, forward or back.
     */
    observe(serverTime: number) {
      anchor = serverTime;
      anchoredAt = performance.now();
      systemAhead = Math.max(0, system.now().getTime() - serverTime);
    },
    /** True when the system clock is noticeably behind licence time. */
    systemClockBehind: () => system.now().getTime() < now() - BEHIND_TOLERANCE_MS,
  };
}
