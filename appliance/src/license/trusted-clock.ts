import { performance } from 'node:perf_hooks';
import type { Clock } from '@tavli/server-kit/clock';

const BEHIND_TOLERANCE_MS = 5 * 60_000;

/**
 * The Pi has no battery clock, so the system time may start in the past or be set back by hand.
 * Licence time never goes behind the latest instant it has trusted (a verified server time or
 * the high-water mark kept from earlier runs) and from there moves on with the monotonic clock.
 */
export function createTrustedClock(system: Clock, highWaterMark: number) {
  let anchor = Math.max(highWaterMark, system.now().getTime());
  let anchoredAt = performance.now();

  const now = () => {
    const trusted = Math.max(system.now().getTime(), anchor + (performance.now() - anchoredAt));
    anchor = trusted;
    anchoredAt = performance.now();
    return trusted;
  };

  return {
    now: () => new Date(now()),
    /** A verified server time moves licence time forward, never back. */
    observe(serverTime: number) {
      if (serverTime > now()) {
        anchor = serverTime;
        anchoredAt = performance.now();
      }
    },
    /** True when the system clock is noticeably behind licence time. */
    systemClockBehind: () => system.now().getTime() < now() - BEHIND_TOLERANCE_MS,
  };
}
