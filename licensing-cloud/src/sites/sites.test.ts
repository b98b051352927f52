import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';
import type { ErrorBody } from '@tavli/server-kit/errors';
import type { SiteDetail, SiteView } from './sites.schema.js';

const HOUR = 3_600_000;

forEachDatabase((variant) => {
  describe('the site registry', () => {
    let cloud: TestCloud;
    let token: string;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
      token = await cloud.adminToken();
    });
    afterAll(() => cloud.stop());

    const getSite = (id: string) => cloud.call<SiteDetail & ErrorBody>('GET', `/api/sites/${id}`, { token });

    it('shows a new site’s secret key once, at registration, and never again', async () => {
      const site = await cloud.registerSite({ name: 'Το Κύμα' });
      expect(site.site_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(site.secret_key).toMatch(/^tvl_sk_[A-Za-z0-9_-]{43}$/);
      expect(site).toMatchObject({ name: 'Το Κύμα', status: 'never_seen', locked: false, last_seen_at: null });
      const detail = await getSite(site.site_id);
      const list = await cloud.call<{ items: SiteView[] }>('GET', '/api/sites?limit=200', { token });
      for (const body of [detail.body, list.body]) {
        expect(JSON.stringify(body)).not.toContain(site.secret_key);
        expect(JSON.stringify(body)).not.toMatch(/secret_key|key_hash/);
      }
      expect(list.body.items.map((s) => s.site_id)).toContain(site.site_id);
    });

    it('gives every site a different key', async () => {
      const [a, b] = await Promise.all([cloud.registerSite(), cloud.registerSite()]);
      expect(a!.secret_key).not.toBe(b!.secret_key);
    });

    it('moves a site from never seen to active on a heartbeat, expiring 14 days before its end, silent after 24 quiet hours, in grace past its end and expired a day later', async () => {
      const inHours = (hours: number) => new Date(cloud.clock.now().getTime() + hours * HOUR).toISOString();
      const site = await cloud.registerSite({ license_expires_at: inHours(14 * 24 + 2) });
      expect((await getSite(site.site_id)).body.status).toBe('never_seen');
      expect((await cloud.heartbeat(site.site_id, site.secret_key, { version: '2.0.1', uptime_seconds: 42 })).status).toBe(200);
      const seen = (await getSite(site.site_id)).body;
      expect(seen).toMatchObject({ status: 'active', version: '2.0.1', uptime_seconds: 42, last_seen_ip: expect.stringMatching(/127\.0\.0\.1/) });
      expect(seen.heartbeats).toHaveLength(1);
      cloud.clock.advance(3 * HOUR);
      expect((await getSite(site.site_id)).body.status).toBe('expiring');
      cloud.clock.advance(22 * HOUR);
      expect((await getSite(site.site_id)).body.status).toBe('silent');
      expect((await cloud.heartbeat(site.site_id, site.secret_key)).status).toBe(200);
      expect((await getSite(site.site_id)).body.status).toBe('expiring');
      const endAt = (hours: number) => cloud.call<SiteView>('PUT', `/api/sites/${site.site_id}`, { token, body: { license_expires_at: inHours(hours) } });
      expect((await endAt(-1)).body.status).toBe('grace');
      expect((await endAt(-25)).body.status).toBe('expired');
    });

    it('lists sites a page at a time: search by name, owner or e-mail, filter by status, sort by expiry or last seen', async () => {
      type Page = { items: SiteView[]; next_cursor: string | null };
      const list = (query: string) => cloud.call<Page>('GET', `/api/sites?${query}`, { token });
      const tag = Math.random().toString(36).slice(2, 8);
      const days = (n: number) => new Date(cloud.clock.now().getTime() + n * 24 * HOUR).toISOString();
      const sites = [];
      for (const [name, owner, expires] of [
        [`Kyma ${tag}`, 'Sofia Andreou', 300],
        [`Thalassa ${tag}`, 'Nikos Georgiou', 100],
        [`Ouzeri 100%_${tag}`, 'Eleni Kosta', 200],
        [`Petra ${tag}`, 'Sofia Mavrou', 50],
      ] as const) {
        sites.push(
          await cloud.registerSite({
            name,
            owner_name: owner,
            contact_email: `${owner.split(' ')[0]!.toLowerCase()}.${tag}@example.gr`,
            license_expires_at: days(expires),
          }),
        );
      }
      await cloud.heartbeat(sites[1]!.site_id, sites[1]!.secret_key);
      await cloud.call('POST', `/api/sites/${sites[3]!.site_id}/lock`, { token, body: { reason: 'unpaid' } });

      const names = async (query: string) => (await list(query)).body.items.map((site) => site.name);
      expect(await names(`q=${tag.toUpperCase()}&sort=expiry`)).toEqual([`Petra ${tag}`, `Thalassa ${tag}`, `Ouzeri 100%_${tag}`, `Kyma ${tag}`]);
      expect(await names(`q=sofia&sort=name`)).toEqual(expect.arrayContaining([`Kyma ${tag}`, `Petra ${tag}`]));
      expect(await names(`q=${encodeURIComponent(`100%_${tag}`)}`)).toEqual([`Ouzeri 100%_${tag}`]);
      expect(await names(`q=${encodeURIComponent(`1%0`)}${tag}`)).toEqual([]);
      expect(await names(`q=eleni.${tag}`)).toEqual([`Ouzeri 100%_${tag}`]);
      expect(await names(`q=${tag}&status=locked`)).toEqual([`Petra ${tag}`]);
      expect((await names(`q=${tag}&sort=last_seen`))[0]).toBe(`Thalassa ${tag}`);

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Page } = await list(`q=${tag}&sort=expiry&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        paged.push(...page.body.items.map((site) => site.name));
        cursor = page.body.next_cursor;
      } while (cursor);
      expect(paged).toEqual(await names(`q=${tag}&sort=expiry`));
      expect((await list('cursor=bm9wZQ')).status).toBe(400);
      expect((await list('status=happy')).status).toBe(400);
    });

    it('locks a site with a reason and unlocks it', async () => {
      const site = await cloud.registerSite();
      const locked = await cloud.call<SiteView>('POST', `/api/sites/${site.site_id}/lock`, { token, body: { reason: 'Unpaid invoice 2026-03' } });
      expect(locked.status).toBe(200);
      expect(locked.body).toMatchObject({ status: 'locked', locked: true, lock_reason: 'Unpaid invoice 2026-03', locked_at: expect.any(String) });
      const unlocked = await cloud.call<SiteView>('POST', `/api/sites/${site.site_id}/unlock/`, { token });
      expect(unlocked.body).toMatchObject({ status: 'never_seen', locked: false, lock_reason: null, locked_at: null });
    });

    it('edits a site’s owner details and license end date', async () => {
      const site = await cloud.registerSite();
      const response = await cloud.call<SiteView>('PUT', `/api/sites/${site.site_id}`, {
        token,
        body: { owner_name: 'Nikos Georgiou', license_expires_at: '2031-01-01T02:00:00+02:00' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ owner_name: 'Nikos Georgiou', license_expires_at: '2031-01-01T00:00:00.000Z', name: site.name });
    });

    it('deletes a site with its history; it is then 404', async () => {
      const site = await cloud.registerSite();
      await cloud.heartbeat(site.site_id, site.secret_key);
      expect((await cloud.call('DELETE', `/api/sites/${site.site_id}`, { token })).status).toBe(200);
      expect((await getSite(site.site_id)).status).toBe(404);
      expect((await cloud.call('DELETE', `/api/sites/${site.site_id}`, { token })).status).toBe(404);
      expect((await cloud.heartbeat(site.site_id, site.secret_key)).status).toBe(401);
    });

    it('answers 404 for an unknown site and 400 for bad input, never 500', async () => {
      expect((await getSite(crypto.randomUUID())).status).toBe(404);
      const bad = [
        getSite('123'),
        cloud.call<ErrorBody>('POST', '/api/sites', { token, body: { name: 'x' } }),
        cloud.call<ErrorBody>('POST', '/api/sites', {
          token,
          body: { name: 'x', owner_name: 'y', contact_email: 'not-an-email', license_expires_at: '2030-01-01T00:00:00Z' },
        }),
        cloud.call<ErrorBody>('POST', '/api/sites', {
          token,
          body: { name: 'x', owner_name: 'y', contact_email: 'a@b.gr', license_expires_at: 'next year' },
        }),
        cloud.call<ErrorBody>('POST', `/api/sites/${crypto.randomUUID()}/lock`, { token, body: { reason: '' } }),
        cloud.call<ErrorBody>('PUT', `/api/sites/${crypto.randomUUID()}`, { token, body: {} }),
      ];
      for (const response of await Promise.all(bad)) {
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('validation_failed');
      }
    });

    it('needs an admin token for every site endpoint, with or without a trailing slash', async () => {
      for (const path of ['/api/sites', '/api/sites/', `/api/sites/${crypto.randomUUID()}`]) {
        expect((await cloud.call('GET', path)).status).toBe(401);
      }
      expect((await cloud.call('POST', `/api/sites/${crypto.randomUUID()}/rotate-key`)).status).toBe(401);
    });
  });
});
