import { describe, expect, it } from 'vitest';
import { createLoginThrottle, MAX_TRACKED } from './login-throttle.js';

type Throttle = ReturnType<typeof createLoginThrottle>;
const fail = (throttle: Throttle, username: string, address: string) => {
  const attempt = throttle.attempt(username, address);
  if ('failed' in attempt) attempt.failed();
};
/** Whether an attempt would be let through now (it is then withdrawn, as if it had not been made). */
const allowed = (throttle: Throttle, username: string, address: string) => {
  const attempt = throttle.attempt(username, address);
  if (!('cancelled' in attempt)) return false;
  attempt.cancelled();
  return true;
};

describe('sign-in throttling', () => {
  it('locks a user on the address that tried five wrong PINs, and tells how long to wait', () => {
    let now = 0;
    const throttle = createLoginThrottle(() => now);
    for (let i = 0; i < 5; i++) fail(throttle, 'nikos', '10.0.0.7');
    expect(throttle.attempt('nikos', '10.0.0.7')).toEqual({ allowed: false, retryAfterSeconds: 300 });
    now += 300_001;
    expect(allowed(throttle, 'nikos', '10.0.0.7')).toBe(true);
  });

  it('does not let one phone lock a colleague out everywhere: the colleague’s own phone still signs in', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) fail(throttle, 'nikos', '10.0.0.66');
    expect(allowed(throttle, 'nikos', '10.0.0.66')).toBe(false);
    expect(allowed(throttle, 'nikos', '10.0.0.7')).toBe(true);
  });

  it('locks a user everywhere after twenty wrong PINs from many addresses in a quarter of an hour, until a manager clears it', () => {
    let now = 0;
    const throttle = createLoginThrottle(() => now);
    for (let i = 0; i < 20; i++) fail(throttle, 'maria', `10.0.1.${i}`);
    expect(allowed(throttle, 'maria', '10.0.0.7')).toBe(false);
    throttle.clear('maria');
    expect(allowed(throttle, 'maria', '10.0.0.7')).toBe(true);
    for (let i = 0; i < 20; i++) fail(throttle, 'maria', `10.0.2.${i}`);
    now += 15 * 60_000 + 1;
    expect(allowed(throttle, 'maria', '10.0.0.7')).toBe(true);
  });

  it('counts attempts still being checked: the sixth of a parallel burst is refused before any answer', () => {
    const throttle = createLoginThrottle(() => 0);
    const inFlight = Array.from({ length: 5 }, () => throttle.attempt('maria', '192.168.1.50'));
    expect(inFlight.every((attempt) => 'failed' in attempt)).toBe(true);
    expect(throttle.attempt('maria', '192.168.1.50')).toMatchObject({ allowed: false });
  });

  it('forgets an attempt that succeeded, and one that was neither right nor wrong', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 4; i++) fail(throttle, 'maria', '192.168.1.50');
    const awaitingCode = throttle.attempt('maria', '192.168.1.50');
    if ('cancelled' in awaitingCode) awaitingCode.cancelled();
    const right = throttle.attempt('maria', '192.168.1.50');
    expect('succeeded' in right).toBe(true);
    if ('succeeded' in right) right.succeeded();
    for (let i = 0; i < 4; i++) fail(throttle, 'maria', '192.168.1.50');
    expect(allowed(throttle, 'maria', '192.168.1.50')).toBe(true);
  });

  it('keeps its memory bounded when someone sprays made-up usernames from many addresses', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 3 * MAX_TRACKED; i++) fail(throttle, `guess-${i}`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(throttle.tracked()).toEqual({ users: MAX_TRACKED, pairs: MAX_TRACKED, addresses: MAX_TRACKED });
  });

  it('still locks the user being guessed right now while the spray goes on', () => {
    const throttle = createLoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) fail(throttle, 'maria', '192.168.1.50');
    for (let i = 0; i < 2 * MAX_TRACKED; i++) {
      fail(throttle, `guess-${i}`, `10.1.${(i >> 8) & 255}.${i & 255}`);
      if (i % 1000 === 0) fail(throttle, 'maria', '192.168.1.50');
    }
    expect(allowed(throttle, 'maria', '192.168.1.50')).toBe(false);
  });
});
