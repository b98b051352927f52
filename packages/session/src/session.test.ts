import { describe, expect, it } from 'vitest';
import { createSessionStore, hasRole, msUntilRefresh } from './session';

const tokenEnding = (at: number) => `x.${btoa(JSON.stringify({ exp: Math.floor(at / 1000) })).replace(/=+$/, '')}.y`;

describe('a signed-in session', () => {
  it('hands every new token to the API client and keeps who was signed in when it runs out', () => {
    const seen: Array<string | undefined> = [];
    const useSession = createSessionStore<{ name: string }>('test.session', (token) => seen.push(token));
    const token = tokenEnding(Date.now() + 3_600_000);
    useSession.getState().signIn(token, { name: 'Μαρία' });
    expect(useSession.getState().expiresAt).toBe(Math.floor((Date.now() + 3_600_000) / 1000) * 1000);
    useSession.getState().expire();
    expect(useSession.getState()).toMatchObject({ token: undefined, lastUser: { name: 'Μαρία' }, ended: true });
    expect(seen.slice(-2)).toEqual([token, undefined]);
  });

  it('renews a token a quarter of an hour before it ends, at once if that is past', () => {
    expect(msUntilRefresh(10 * 3_600_000, 0)).toBe(10 * 3_600_000 - 15 * 60_000);
    expect(msUntilRefresh(60_000, 0)).toBe(0);
  });

  it('ranks roles: a manager passes a manager check, a waiter does not', () => {
    const ranking = ['waiter', 'manager', 'admin'] as const;
    expect(hasRole(ranking, 'admin', 'manager')).toBe(true);
    expect(hasRole(ranking, 'waiter', 'manager')).toBe(false);
  });
});
