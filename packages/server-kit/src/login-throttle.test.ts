import { describe, expect, it } from 'vitest';
import { createLoginThrottle, MAX_TRACKED } from './login-throttle.js';

describe('sign-in throttling', () => {
  it('locks a user after five wrong attempts and tells how long to wait', () => {
    let now = 0;
    const throttle = createLoginThrottle(() => now);
    for (let i = 0; i < 5; i++) throttle.recordFailure('nikos', `10.0.0.${i}`);
    const verdict = throttle.check('nikos', '10.0.0.9');
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 300 });
    now += 300_001;
    expect(throttle.check('nikos', '10.0.0.9')).toEqual({ allowed: true });
  });

  it('keeps its memory bounded when someone sprays made-up usernames from many addresses', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 3 * MAX_TRACKED; i++) throttle.recordFailure(`guess-${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(throttle.tracked()).toEqual({ users: MAX_TRACKED, addresses: MAX_TRACKED });
  });

  it('still locks the user being guessed right now while the spray goes on', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) throttle.recordFailure('maria', '192.168.1.50');
    for (let i = 0; i < 2 * MAX_TRACKED; i++) {
      throttle.recordFailure(`guess-${i}`, `10.1.${(i >> 8) & 255}.${i & 255}`);
      if (i % 1000 === 0) throttle.recordFailure('maria', '192.168.1.50');
    }
    expect(throttle.check('maria', '192.168.1.51').allowed).toBe(false);
  });
});
