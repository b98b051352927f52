import { AppError } from './errors.js';

const USER_WINDOW_MS = 5 * 60_000;
const USER_MAX_FAILURES = 5;
const ADDRESS_WINDOW_MS = 60_000;
const ADDRESS_MAX_FAILURES = 20;
/**
 * How many users and addresses each map tracks at most. Spraying made-up usernames must not grow
 * memory without limit; the least recently failed entries go first. Reaching the cap needs
 * thousands of failures, which the per-address limit spreads over many addresses and minutes.
 */
export const MAX_TRACKED = 10_000;

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
  /** Stores the key as the most recently failed one, forgetting the least recent beyond the cap. */
  const remember = (map: Map<string, number[]>, key: string, failures: number[]) => {
    map.delete(key);
    map.set(key, failures);
    for (const oldest of map.keys()) {
      if (map.size <= MAX_TRACKED) break;
      map.delete(oldest);
    }
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
      remember(userFailures, username, byUser.length < USER_MAX_FAILURES ? [...byUser, t] : byUser);
      remember(addressFailures, address, [...recent(addressFailures, address, ADDRESS_WINDOW_MS), t]);
    },
    recordSuccess(username: string) {
      userFailures.delete(username);
    },
    /** How many users and addresses are being tracked (memory use). */
    tracked: () => ({ users: userFailures.size, addresses: addressFailures.size }),
  };
}

/** 429 too_many_attempts with Retry-After, for a sign-in the throttle refused. */
export const tooManyAttempts = (retryAfterSeconds: number, message: string) =>
  new AppError(429, 'too_many_attempts', message, { retry_after_s: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
