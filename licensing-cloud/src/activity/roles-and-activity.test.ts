import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@tavli/server-kit/errors';
import { openDatabase } from '../db/database.js';
import { ADMIN, forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

type Admin = { id: string; username: string; role: string };
type Activity = {
  items: Array<{ action: string; username: string; admin_id: string | null; target: string | null; address: string; details: Record<string, unknown> }>;
  next_cursor: string | null;
};

forEachDatabase((variant) => {
  describe('admin roles, sign-out and the activity log', () => {
    let cloud: TestCloud;
    let owner: string;
    const signIn = async (username: string, password: string) =>
      (await cloud.call<{ token: string }>('POST', '/api/auth/login', { body: { username, password } })).body.token;
    const addAdmin = async (username: string, role?: string) =>
      (await cloud.call<Admin>('POST', '/api/admins', { token: owner, body: { username, password: 'a long passphrase', ...(role ? { role } : {}) } })).body;

    beforeAll(async () => {
      cloud = await startTestCloud(variant);
      owner = await cloud.adminToken();
    });
    afterAll(() => cloud.stop());

    it('lets a viewer read sites and the log but refuses every write, in the API itself', async () => {
      const site = await cloud.registerSite();
      await addAdmin('vera', 'viewer');
      const viewer = await signIn('vera', 'a long passphrase');
      expect((await cloud.call('GET', '/api/sites', { token: viewer })).status).toBe(200);
      expect((await cloud.call('GET', `/api/sites/${site.site_id}`, { token: viewer })).status).toBe(200);
      expect((await cloud.call('GET', '/api/audit', { token: viewer })).status).toBe(200);
      const writes = [
        cloud.call<ErrorBody>('POST', '/api/sites', {
          token: viewer,
          body: { name: 'X', owner_name: 'Y', contact_email: 'y@example.gr', license_expires_at: '2030-01-01T00:00:00.000Z' },
        }),
        cloud.call<ErrorBody>('PUT', `/api/sites/${site.site_id}`, { token: viewer, body: { name: 'Renamed' } }),
        cloud.call<ErrorBody>('POST', `/api/sites/${site.site_id}/lock`, { token: viewer, body: { reason: 'unpaid' } }),
        cloud.call<ErrorBody>('POST', `/api/sites/${site.site_id}/unlock`, { token: viewer }),
        cloud.call<ErrorBody>('POST', `/api/sites/${site.site_id}/rotate-key`, { token: viewer }),
        cloud.call<ErrorBody>('DELETE', `/api/sites/${site.site_id}`, { token: viewer }),
        cloud.call<ErrorBody>('GET', '/api/admins', { token: viewer }),
      ];
      for (const response of await Promise.all(writes)) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('forbidden');
      }
      expect((await cloud.call<{ name: string }>('GET', `/api/sites/${site.site_id}`, { token: owner })).body.name).toBe(site.name);
    });

    it('lets an operator change sites but not manage admins; a new admin is an operator unless made otherwise', async () => {
      const created = await addAdmin('olga');
      expect(created.role).toBe('operator');
      const operator = await signIn('olga', 'a long passphrase');
      const site = await cloud.registerSite();
      expect((await cloud.call('POST', `/api/sites/${site.site_id}/lock`, { token: operator, body: { reason: 'unpaid' } })).status).toBe(200);
      expect((await cloud.call('GET', '/api/admins', { token: operator })).status).toBe(403);
      expect(
        (await cloud.call('POST', '/api/admins', { token: operator, body: { username: 'mallory', password: 'a long passphrase', role: 'owner' } })).status,
      ).toBe(403);
      expect((await cloud.call('PUT', `/api/admins/${created.id}`, { token: operator, body: { role: 'owner' } })).status).toBe(403);
    });

    it('ends the session on the server at sign-out, and every session of an admin whose password is reset', async () => {
      const admin = await addAdmin('petros', 'operator');
      const first = await signIn('petros', 'a long passphrase');
      const second = await signIn('petros', 'a long passphrase');
      const me = await cloud.call<Record<string, unknown>>('GET', '/api/auth/me', { token: first });
      expect(me.status).toBe(200);
      expect(Object.keys(me.body).sort()).toEqual(['created_at', 'id', 'is_active', 'role', 'totp_enabled', 'username']);
      expect((await cloud.call('POST', '/api/auth/logout', { token: first })).status).toBe(200);
      expect((await cloud.call('GET', '/api/sites', { token: first })).status).toBe(401);
      expect((await cloud.call('GET', '/api/sites', { token: second })).status).toBe(401);

      const third = await signIn('petros', 'a long passphrase');
      expect((await cloud.call('PUT', `/api/admins/${admin.id}`, { token: owner, body: { password: 'another long passphrase' } })).status).toBe(200);
      expect((await cloud.call('GET', '/api/sites', { token: third })).status).toBe(401);
      expect((await cloud.call('GET', '/api/sites', { token: owner })).status).toBe(200);
    });

    it('records every admin action with who, when, from where and what changed, newest first, paged', async () => {
      await cloud.call('POST', '/api/auth/login', { body: { username: ADMIN.username, password: 'wrong password' } });
      const site = await cloud.registerSite({ name: 'Ouzeri Lesvos' });
      await cloud.call('PUT', `/api/sites/${site.site_id}`, { token: owner, body: { owner_name: 'Nikos' } });
      await cloud.call('POST', `/api/sites/${site.site_id}/lock`, { token: owner, body: { reason: 'Απλήρωτο' } });
      await cloud.call('POST', `/api/sites/${site.site_id}/rotate-key`, { token: owner });
      const log = (await cloud.call<Activity>('GET', '/api/audit?limit=200', { token: owner })).body.items;
      const about = log.filter((entry) => entry.target === site.site_id).map((entry) => entry.action);
      expect(about).toEqual(['key_rotated', 'site_locked', 'site_updated', 'site_registered']);
      expect(log.find((entry) => entry.action === 'site_locked' && entry.target === site.site_id)).toMatchObject({
        username: 'root',
        address: '127.0.0.1',
        details: { reason: 'Απλήρωτο' },
      });
      expect(log.find((entry) => entry.action === 'site_updated' && entry.target === site.site_id)?.details).toEqual({
        owner_name: { from: 'Maria Papadopoulou', to: 'Nikos' },
      });
      expect(log.some((entry) => entry.action === 'login_failed' && entry.username === 'root')).toBe(true);
      expect(log.some((entry) => entry.action === 'admin_created' && entry.details.username === 'vera')).toBe(true);

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { status: number; body: Activity } = await cloud.call<Activity>('GET', `/api/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
          token: owner,
        });
        expect(response.status).toBe(200);
        paged.push(...response.body.items.map((entry) => `${entry.action}:${entry.target}`));
        cursor = response.body.next_cursor;
      } while (cursor);
      expect(paged).toEqual(log.map((entry) => `${entry.action}:${entry.target}`));
      const locks = (await cloud.call<Activity>('GET', '/api/audit?action=site_locked', { token: owner })).body.items;
      expect(locks.every((entry) => entry.action === 'site_locked')).toBe(true);
      expect((await cloud.call<ErrorBody>('GET', '/api/audit?cursor=bm9wZQ', { token: owner })).body.error.code).toBe('invalid_cursor');
    });

    it('keeps the log append-only: the database itself refuses an update or a delete', async () => {
      const { db } = openDatabase(cloud.database);
      try {
        await expect(db.updateTable('admin_activity').set({ action: 'nothing' }).execute()).rejects.toThrow(/append-only/);
        await expect(db.deleteFrom('admin_activity').execute()).rejects.toThrow(/append-only/);
        expect(
          Number(
            (
              await db
                .selectFrom('admin_activity')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ).toBeGreaterThan(5);
      } finally {
        await db.destroy();
      }
    });
  });
});
