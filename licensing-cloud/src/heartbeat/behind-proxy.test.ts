import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../test/harness.js';

describe('behind the TLS proxy (TRUSTED_PROXY_HOPS=1)', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ url: undefined }, { TRUSTED_PROXY_HOPS: '1', HEARTBEATS_PER_MINUTE_PER_ADDRESS: '3' });
  });
  afterAll(() => cloud.stop());

  const beatFrom = async (forwardedFor: string) => {
    const site = await cloud.registerSite();
    return (
      await cloud.call('POST', '/api/heartbeat', {
        headers: { 'X-Site-ID': site.site_id, 'X-Site-Key': site.secret_key, 'X-Forwarded-For': forwardedFor },
        body: { version: '1.0.0', uptime_seconds: 1, nonce: 'n'.repeat(16) },
      })
    ).status;
  };

  it('limits each restaurant by the address the proxy saw, not all of them together as the proxy', async () => {
    expect([await beatFrom('203.0.113.7'), await beatFrom('203.0.113.7'), await beatFrom('203.0.113.7')]).toEqual([200, 200, 200]);
    expect(await beatFrom('203.0.113.7')).toBe(429);
    expect(await beatFrom('198.51.100.4')).toBe(200);
  });

  it('ignores addresses a client wrote into X-Forwarded-For itself', async () => {
    // The client claims to be someone new each time; the proxy appends the address it really saw.
    const statuses = [];
    for (const claimed of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) statuses.push(await beatFrom(`${claimed}, 192.0.2.55`));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
