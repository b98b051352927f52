import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeMetrics } from '@tavli/test-kit/metrics';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

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
      const scrape = await scrapeMetrics(cloud.metricsUrl());
      expect(scrape.status).toBe(200);
      expect(scrape.sample('tavli_heartbeats_total{result="issued"}')).toBe(2);
      expect(scrape.sample('tavli_heartbeats_total{result="refused"}')).toBe(1);
      expect(scrape.sample('http_request_duration_seconds_count{method="POST",route="/api/heartbeat",status="200"}')).toBe(2);
      expect(scrape.sample('http_request_duration_seconds_count{method="POST",route="/api/sites",status="201"}')).toBe(1);
      if (variant.url) expect(scrape.sample('tavli_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect((await cloud.call('GET', '/metrics')).status).toBe(404);
    });
  });
});
