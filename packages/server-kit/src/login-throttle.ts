import pLimit from 'p-limit';
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
 * One sign-in attempt, counted as a failure from the moment it is let through, so that attempts
 * racing in parallel all count before any of them is checked. Its outcome then settles it.
 */
export type Attempt = {
  /** A wrong PIN or password: it stays counted. */
  failed(): void;
  /** The right one: it no longer counts, and the user's failures are forgotten. */
  succeeded(): void;
  /** Neither (e.g. a second factor is still to come): it no longer counts. */
  cancelled(): void;
};

/** Slow hash checks running at once; the rest wait in a short queue, and beyond it are refused. */
const CHECKS_AT_ONCE = 2;
const CHECKS_QUEUED = 16;

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

  const verdict = (username: string, address: string): ThrottleVerdict => {
    const byAddress = recent(addressFailures, address, ADDRESS_WINDOW_MS);
    if (byAddress.length >= ADDRESS_MAX_FAILURES) {
      return retryAfter(byAddress[byAddress.length - ADDRESS_MAX_FAILURES]! + ADDRESS_WINDOW_MS);
    }
    const byUser = recent(userFailures, username, USER_WINDOW_MS);
    if (byUser.length >= USER_MAX_FAILURES) {
      return retryAfter(byUser[USER_MAX_FAILURES - 1]! + USER_WINDOW_MS);
    }
    return { allowed: true };
  };
  const record = (username: string, address: string, t: number) => {
    const byUser = recent(userFailures, username, USER_WINDOW_MS);
    remember(userFailures, username, byUser.length < USER_MAX_FAILURES ? [...byUser, t] : byUser);
    remember(addressFailures, address, [...recent(addressFailures, address, ADDRESS_WINDOW_MS), t]);
  };
  const withdraw = (map: Map<string, number[]>, key: string, t: number) => {
    const failures = map.get(key);
    const index = failures?.indexOf(t) ?? -1;
    if (failures && index >= 0) failures.splice(index, 1);
  };

  return {
    /** Lets an attempt through (counted at once), or refuses it with how long to wait. */
    attempt(username: string, address: string): Attempt | Extract<ThrottleVerdict, { allowed: false }> {
      const refused = verdict(username, address);
      if (!refused.allowed) return refused;
      const t = now();
      record(username, address, t);
      const settle = (forgetUser: boolean) => {
        withdraw(userFailures, username, t);
        withdraw(addressFailures, address, t);
        if (forgetUser) userFailures.delete(username);
      };
      return { failed: () => undefined, succeeded: () => settle(true), cancelled: () => settle(false) };
    },
    /** How many users and addresses are being tracked (memory use). */
    tracked: () => ({ users: userFailures.size, addresses: addressFailures.size }),
  };
}

/**
 * Runs the slow PIN or password checks (bcrypt) at most CHECKS_AT_ONCE at a time, so a burst of
 * sign-ins never starves the event loop: the health check, orders and prints go on. A check that
 * would wait behind more than CHECKS_QUEUED others is refused at once with a 429.
 */
export function createCheckGate(message: string) {
  const limit = pLimit(CHECKS_AT_ONCE);
  return <T>(check: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= CHECKS_QUEUED) return Promise.reject(tooManyAttempts(1, message));
    return limit(check);
  };
}

/** 429 too_many_attempts with Retry-After, for a sign-in the throttle refused. */
export const tooManyAttempts = (retryAfterSeconds: number, message: string) =>
  new AppError(429, 'too_many_attempts', message, { retry_after_s: retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
