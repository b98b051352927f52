import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminView } from '../shared/env.js';
import { ADMIN, forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';
import type { ErrorBody } from '@tavli/server-kit/errors';

type LoginResult = { token: string; admin: AdminView };

forEachDatabase((variant) => {
  describe('sysadmin sign-in and admin management', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
    });
    afterAll(() => cloud.stop());

    const login = (username: string, password: string) => cloud.call<LoginResult & ErrorBody>('POST', '/api/auth/login', { body: { username, password } });

    it('signs in the admin seeded from the environment, ignoring the case of the name', async () => {
      const response = await login('ROOT', ADMIN.password);
      expect(response.status).toBe(200);
      expect(response.body.admin).toMatchObject({ username: 'root', is_active: true });
      expect(response.body.token.split('.')).toHaveLength(3);
      expect(JSON.stringify(response.body)).not.toMatch(/hash/i);
    });

    it('refuses a wrong password and an unknown name alike with 401', async () => {
      for (const [username, password] of [
        ['root', 'wrong password'],
        ['nobody', 'wrong password'],
      ] as const) {
        const response = await login(username, password);
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('invalid_credentials');
      }
    });

    it('answers 401 to admin endpoints without a token or with a forged one', async () => {
      expect((await cloud.call<ErrorBody>('GET', '/api/admins')).status).toBe(401);
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA';
      const response = await cloud.call<ErrorBody>('GET', '/api/sites', { token: forged });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    });

    it('lets an admin add another admin, who can then sign in; a taken name is a 409', async () => {
      const token = await cloud.adminToken();
      const created = await cloud.call<AdminView>('POST', '/api/admins/', { token, body: { username: 'Eleni', password: 'a long passphrase' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'eleni', is_active: true });
      expect((await login('eleni', 'a long passphrase')).status).toBe(200);
      const again = await cloud.call<ErrorBody>('POST', '/api/admins', { token, body: { username: 'eleni', password: 'another passphrase' } });
      expect(again.status).toBe(409);
      const list = await cloud.call<AdminView[]>('GET', '/api/admins', { token });
      expect(list.body.map((a) => a.username)).toEqual(['eleni', 'root']);
    });

    it('disabling an admin stops their sign-in and their existing token at once', async () => {
      const token = await cloud.adminToken();
      const created = await cloud.call<AdminView>('POST', '/api/admins', { token, body: { username: 'nikos', password: 'nikos passphrase' } });
      const nikosToken = (await login('nikos', 'nikos passphrase')).body.token;
      expect((await cloud.call('GET', '/api/sites', { token: nikosToken })).status).toBe(200);
      const disabled = await cloud.call<AdminView>('PUT', `/api/admins/${created.body.id}`, { token, body: { is_active: false } });
      expect(disabled.body.is_active).toBe(false);
      expect((await cloud.call('GET', '/api/sites', { token: nikosToken })).status).toBe(401);
      expect((await login('nikos', 'nikos passphrase')).status).toBe(401);
    });

    it('does not let an admin disable themselves (the fleet never loses its last admin that way)', async () => {
      const { body } = await login('root', ADMIN.password);
      const response = await cloud.call<ErrorBody>('PUT', `/api/admins/${body.admin.id}`, { token: body.token, body: { is_active: false } });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('cannot_disable_self');
    });

    it('answers 400 in the house shape for bad input, never 500', async () => {
      const token = await cloud.adminToken();
      const cases = [
        cloud.call<ErrorBody>('POST', '/api/admins', { token, body: { username: 'x', password: 'short' } }),
        cloud.call<ErrorBody>('POST', '/api/admins', { token, body: '{not json' }),
        cloud.call<ErrorBody>('PUT', '/api/admins/not-a-uuid', { token, body: { is_active: true } }),
        cloud.call<ErrorBody>('PUT', `/api/admins/${crypto.randomUUID()}`, { token, body: {} }),
        cloud.call<ErrorBody>('POST', '/api/auth/login', { body: { username: 'root' } }),
      ];
      for (const response of await Promise.all(cases)) {
        expect(response.status).toBe(400);
        expect(response.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      }
    });

    it('locks a username after five failures, even for the right password, with Retry-After', async () => {
      const token = await cloud.adminToken();
      await cloud.call('POST', '/api/admins', { token, body: { username: 'giorgos', password: 'giorgos passphrase' } });
      for (let i = 0; i < 5; i++) expect((await login('giorgos', 'guess number ' + i)).status).toBe(401);
      const locked = await login('giorgos', 'giorgos passphrase');
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(200);
      expect((await login('root', ADMIN.password)).status).toBe(200);
      cloud.clock.advance(5 * 60_000 + 1000);
      expect((await login('giorgos', 'giorgos passphrase')).status).toBe(200);
    });

    it('checks no more than five of a burst of parallel guesses: the right password hidden among 100 is never found', async () => {
      const token = await cloud.adminToken();
      await cloud.call('POST', '/api/admins', { token, body: { username: 'vera', password: 'vera passphrase' } });
      const guesses = Array.from({ length: 100 }, (_, i) => (i === 50 ? 'vera passphrase' : `guess number ${i}`));
      const statuses = (await Promise.all(guesses.map((password) => login('vera', password)))).map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toEqual([]);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(95);
      cloud.clock.advance(5 * 60_000 + 1000);
      expect((await login('vera', 'vera passphrase')).status).toBe(200);
    });

    it('locks an address that tries many names, until a minute has passed', async () => {
      for (let i = 0; i < 20; i++) await login(`stranger${i}`, 'some password');
      const blocked = await login('root', ADMIN.password);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      cloud.clock.advance(61_000);
      expect((await login('root', ADMIN.password)).status).toBe(200);
    });
  });
});
