import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushOutcome } from './outbox';
import { startReplayTriggers } from './triggers';

describe('when the outbox replays', () => {
  let windowEvents: EventTarget;
  let documentEvents: EventTarget;
  let visible: boolean;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    windowEvents = new EventTarget();
    documentEvents = new EventTarget();
    visible = true;
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const start = (flush: () => Promise<FlushOutcome>, hasWork = () => true) => {
    stop = startReplayTriggers(flush, {
      hasWork,
      windowEvents,
      documentEvents,
      isVisible: () => visible,
      baseDelayMs: 1_000,
      maxDelayMs: 8_000,
      maxBlockedDelayMs: 60_000,
    });
  };

  it('replays as soon as the phone is back online', () => {
    const flush = vi.fn(async (): Promise<FlushOutcome> => 'done');
    start(flush);
    windowEvents.dispatchEvent(new Event('online'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('replays when the app comes back to the foreground, not when it goes to the background', () => {
    const flush = vi.fn(async (): Promise<FlushOutcome> => 'done');
    start(flush);
    visible = false;
    documentEvents.dispatchEvent(new Event('visibilitychange'));
    visible = true;
    documentEvents.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('retries on a timer that backs off while the appliance cannot be reached', async () => {
    const calls: number[] = [];
    const flush = vi.fn(async (): Promise<FlushOutcome> => (calls.push(Date.now()), 'offline'));
    start(flush);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000);
    const gaps = calls.slice(1).map((at, index) => at - calls[index]!);
    expect(gaps).toEqual([2_000, 4_000, 8_000, 8_000]);
  });

  it('waits longer and longer while the site is locked, instead of asking every few seconds', async () => {
    const calls: number[] = [];
    const flush = vi.fn(async (): Promise<FlushOutcome> => (calls.push(Date.now()), 'blocked'));
    start(flush);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 32_000 + 60_000 + 60_000);
    const gaps = calls.slice(1).map((at, index) => at - calls[index]!);
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('stays quiet on the timer when nothing is queued', async () => {
    const flush = vi.fn(async (): Promise<FlushOutcome> => 'done');
    start(flush, () => false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flush).not.toHaveBeenCalled();
  });
});
