import type { Clock } from '@tavli/server-kit/clock';

/** A clock the test moves by hand (shared with the licensing cloud where both run); it starts at the real time. */
export type TestClock = Clock & { advance(ms: number): void };
export const createTestClock = (): TestClock => {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
};
