import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeats } from './heartbeat-scheduler.js';

const MINUTE = 60_000;
const HOURS_6 = 6 * 60 * MINUTE;

describe('heartbeat timing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Runs the scheduler against scripted outcomes and returns when each heartbeat happened. */
  async function beatsFor(outcomes: boolean[], runForMs: number) {
    const at: number[] = [];
    const start = Date.now();
    const stop = startHeartbeats(
      {
        heartbeat: async () => {
          at.push(Date.now() - start);
          return outcomes.shift() ?? true;
        },
        saveHighWaterMark: async () => undefined,
      },
      HOURS_6,
    );
    await vi.advanceTimersByTimeAsync(runForMs);
    stop();
    return at;
  }

  it('beats at start-up, then every six hours give or take the jitter that keeps a fleet apart', async () => {
    // The third beat comes at most 2 × 6.6 h = 13.2 h in, the fourth at least 3 × 5.4 h = 16.2 h: 14 h holds exactly three, whatever the jitter.
    const at = await beatsFor([true, true, true], 14 * 60 * MINUTE);
    expect(at[0]).toBe(0);
    expect(at[1]).toBeGreaterThanOrEqual(HOURS_6 * 0.9);
    expect(at[1]).toBeLessThanOrEqual(HOURS_6 * 1.1);
    expect(at).toHaveLength(3);
  });

  it('retries within minutes when the cloud cannot be reached, backing off, never waiting six hours', async () => {
    const at = await beatsFor([false, false, false, true], 20 * MINUTE);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(0.9 * MINUTE);
    expect(gaps[0]).toBeLessThanOrEqual(1.1 * MINUTE);
    expect(gaps[1]).toBeGreaterThanOrEqual(1.8 * MINUTE);
    expect(gaps[2]).toBeGreaterThanOrEqual(3.6 * MINUTE);
    expect(at).toHaveLength(4);
  });
});
