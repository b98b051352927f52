const USER_WINDOW_MS = 5 * 60_000;
const USER_MAX_FAILURES = 5;
const ADDRESS_WINDOW_MS = 60_000;
const ADDRESS_MAX_FAILURES = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Guessing protection for PINs and passwords. Five failures for one user within five minutes lock that user
 * for five minutes counted from the fifth failure; more than twenty failures from one address
 * within a minute lock the address until the oldest of them leaves the window.
 */
export function createLoginThrottle(now: () => number) {
  const userFailures = new Map<string, number[]>();
  const addressFailures = new Map<string, number[]>();

  const recent = (map: Map<string, number[]>, key: string, windowMs: number) => {
    const cutoff = now() - windowMs;
    const kept = (map.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) map.set(key, kept);
    else map.delete(key);
    return kept;
  };
  const retryAfter = (until: number) => ({ allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil((until - now()) / 1000)) });

  return {
    check(username: string, address: string): ThrottleVerdict {
      const byAddress = recent(addressFailures, address, ADDRESS_WINDOW_MS);
      if (byAddress.length >= ADDRESS_MAX_FAILURES) {
        return retryAfter(byAddress[byAddress.length - ADDRESS_MAX_FAILURES]! + ADDRESS_WINDOW_MS);
      }
      const byUser = recent(userFailures, username, USER_WINDOW_MS);
      if (byUser.length >= USER_MAX_FAILURES) {
        return retryAfter(byUser[USER_MAX_FAILURES - 1]! + USER_WINDOW_MS);
      }
      return { allowed: true };
    },
    recordFailure(username: string, address: string) {
      const t = now();
      const byUser = recent(userFailures, username, USER_WINDOW_MS);
      if (byUser.length < USER_MAX_FAILURES) userFailures.set(username, [...byUser, t]);
      addressFailures.set(address, [...recent(addressFailures, address, ADDRESS_WINDOW_MS), t]);
    },
    recordSuccess(username: string) {
      userFailures.delete(username);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
