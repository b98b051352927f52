import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '@tavli/test-kit/http-request';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

/** The value of one sample line, e.g. `tavli_heartbeats_total{result="issued"}`. */
const sample = (scrape: string, series: string) =>
  Number(
    scrape
      .split('\n')
      .find((line) => line.startsWith(`${series} `))
      ?.split(' ')[1] ?? Number.NaN,
  );

forEachDatabase((variant) => {
  describe('metrics for Prometheus', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
    });
    afterAll(() => cloud.stop());

    it('count heartbeats by result and time requests by route, on the metrics port and not the public one', async () => {
      const site = await cloud.registerSite();
      await cloud.heartbeat(site.site_id, site.secret_key);
      await cloud.heartbeat(site.site_id, site.secret_key);
      await cloud.heartbeat(site.site_id, 'tvl_sk_wrong');
      const scrape = await request(cloud.metricsUrl(), { method: 'GET', headers: {} });
      expect(scrape.status).toBe(200);
      expect(sample(scrape.body, 'tavli_heartbeats_total{result="issued"}')).toBe(2);
      expect(sample(scrape.body, 'tavli_heartbeats_total{result="refused"}')).toBe(1);
      expect(sample(scrape.body, 'http_request_duration_seconds_count{method="POST",route="/api/heartbeat",status="200"}')).toBe(2);
      expect(sample(scrape.body, 'http_request_duration_seconds_count{method="POST",route="/api/sites",status="201"}')).toBe(1);
      if (variant.url) expect(sample(scrape.body, 'tavli_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect((await cloud.call('GET', '/metrics')).status).toBe(404);
    });
  });
});
