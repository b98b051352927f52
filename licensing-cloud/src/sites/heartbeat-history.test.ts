import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

type Heartbeat = { at: string; ip: string; version: string; result: 'ok' | 'locked' | 'wrong_key' };
type Page = { items: Heartbeat[]; next_cursor: string | null };
const DAY = 24 * 60 * 60 * 1000;

forEachDatabase((variant) => {
  describe('a site’s heartbeat history', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
    });
    afterAll(() => cloud.stop());

    const history = async (siteId: string, query = '') =>
      (await cloud.call<Page>('GET', `/api/sites/${siteId}/heartbeats${query}`, { token: await cloud.adminToken() })).body;

    it('shows each heartbeat newest first with its result: ok, locked, and the old key refused after a rotation', async () => {
      const site = await cloud.registerSite();
      const token = await cloud.adminToken();
      await cloud.heartbeat(site.site_id, site.secret_key, { version: '1.0.0' });
      cloud.clock.advance(1000);
      await cloud.call('POST', `/api/sites/${site.site_id}/lock`, { token, body: { reason: 'unpaid' } });
      await cloud.heartbeat(site.site_id, site.secret_key, { version: '1.0.1' });
      cloud.clock.advance(1000);
      await cloud.call('POST', `/api/sites/${site.site_id}/rotate-key`, { token });
      expect((await cloud.heartbeat(site.site_id, site.secret_key, { version: '1.0.2' })).status).toBe(401);
      const { items } = await history(site.site_id);
      expect(items.map((heartbeat) => [heartbeat.version, heartbeat.result])).toEqual([
        ['1.0.2', 'wrong_key'],
        ['1.0.1', 'locked'],
        ['1.0.0', 'ok'],
      ]);
      expect(items[0]!.ip).toMatch(/127\.0\.0\.1/);
    });

    it('pages through the history and marks the days the site was seen', async () => {
      const site = await cloud.registerSite();
      for (let day = 0; day < 5; day++) {
        await cloud.heartbeat(site.site_id, site.secret_key, { version: `2.0.${day}` });
        cloud.clock.advance(DAY);
      }
      const versions: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await history(site.site_id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        versions.push(...page.items.map((heartbeat) => heartbeat.version));
        cursor = page.next_cursor;
      } while (cursor);
      expect(versions).toEqual(['2.0.4', '2.0.3', '2.0.2', '2.0.1', '2.0.0']);
      const detail = (await cloud.call<{ seen_days: string[] }>('GET', `/api/sites/${site.site_id}`, { token: await cloud.adminToken() })).body;
      expect(detail.seen_days).toHaveLength(5);
      expect(detail.seen_days).toEqual([...detail.seen_days].sort());
    });

    it('forgets heartbeats after 90 days', async () => {
      const site = await cloud.registerSite();
      await cloud.heartbeat(site.site_id, site.secret_key, { version: 'old' });
      cloud.clock.advance(91 * DAY);
      await cloud.heartbeat(site.site_id, site.secret_key, { version: 'new' });
      await cloud.restart();
      expect((await history(site.site_id)).items.map((heartbeat) => heartbeat.version)).toEqual(['new']);
    });

    it('records only a bounded number of attempts a minute under site ids that do not exist', async () => {
      // 100: below the 120 heartbeats a minute one address may send, above the 60 stored.
      const guesses = Array.from({ length: 100 }, () => crypto.randomUUID());
      for (const siteId of guesses) expect((await cloud.heartbeat(siteId, 'tvl_sk_guess')).status).toBe(401);
      const { db } = openDatabase(cloud.database);
      try {
        const stored = await db.selectFrom('site_heartbeats').select('site_id').where('site_id', 'in', guesses).execute();
        expect(stored.length).toBeGreaterThan(0);
        expect(stored.length).toBeLessThanOrEqual(60);
      } finally {
        await db.destroy();
      }
    });
  });
});
