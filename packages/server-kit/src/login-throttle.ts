import pLimit from 'p-limit';
import { AppError } from './errors.js';

/** Wrong attempts for one user from one address: five in five minutes lock that pair for five minutes. */
const PAIR = { windowMs: 5 * 60_000, max: 5 };
/**
 * Wrong attempts for one user from anywhere: a ceiling far above a mistyping waiter (twenty in a
 * quarter of an hour), so that guessing from many addresses gets at most 20 tries per 15 minutes
 * (about 2 % of 4-digit PINs in a day) while nobody can lock a colleague out from one phone.
 */
const USER = { windowMs: 15 * 60_000, max: 20 };
/** Wrong attempts from one address, whatever the names: twenty in a minute lock the address. */
const ADDRESS = { windowMs: 60_000, max: 20 };
/**
 * How many keys each map tracks at most. Spraying made-up usernames must not grow memory without
 * limit; the least recently failed entries go first. Reaching the cap needs thousands of failures,
 * which the per-address limit spreads over many addresses and minutes.
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
 * Guessing protection for PINs and passwords, by (user, address), by user across addresses, and by
 * address across users (see PAIR, USER and ADDRESS). A lock lasts until its oldest counted failure
 * leaves the window; a manager can clear a user's locks.
 */
export function createLoginThrottle(now: () => number) {
  const pairFailures = new Map<string, number[]>();
  const userFailures = new Map<string, number[]>();
  const addressFailures = new Map<string, number[]>();
  const pairKey = (username: string, address: string) => `${username}\n${address}`;

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
  const limits = (username: string, address: string) =>
    [
      [addressFailures, address, ADDRESS],
      [pairFailures, pairKey(username, address), PAIR],
      [userFailures, username, USER],
    ] as const;

  const verdict = (username: string, address: string): ThrottleVerdict => {
    for (const [map, key, { windowMs, max }] of limits(username, address)) {
      const failures = recent(map, key, windowMs);
      if (failures.length >= max) {
        const until = failures[failures.length - max]! + windowMs;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now()) / 1000)) };
      }
    }
    return { allowed: true };
  };

  return {
    /** Lets an attempt through (counted at once), or refuses it with how long to wait. */
    attempt(username: string, address: string): Attempt | Extract<ThrottleVerdict, { allowed: false }> {
      const refused = verdict(username, address);
      if (!refused.allowed) return refused;
      const t = now();
      for (const [map, key, { windowMs }] of limits(username, address)) remember(map, key, [...recent(map, key, windowMs), t]);
      const withdraw = () => {
        for (const [map, key] of limits(username, address)) {
          const failures = map.get(key);
          const index = failures?.indexOf(t) ?? -1;
          if (failures && index >= 0) failures.splice(index, 1);
        }
      };
      return {
        failed: () => undefined,
        // The right PIN from this address forgets this address's failures for the user, not others'.
        succeeded: () => {
          withdraw();
          pairFailures.delete(pairKey(username, address));
        },
        cancelled: withdraw,
      };
    },
    /** A manager's "let them try again": the user's locks, from every address, are lifted. */
    clear(username: string) {
      userFailures.delete(username);
      for (const key of pairFailures.keys()) if (key.startsWith(`${username}\n`)) pairFailures.delete(key);
    },
    /** How many users and addresses are being tracked (memory use). */
    tracked: () => ({ users: userFailures.size, pairs: pairFailures.size, addresses: addressFailures.size }),
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
