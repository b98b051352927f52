import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('the appliance’s settings from its environment', () => {
  it('serves HTTPS on 8443 beside HTTP unless told otherwise, and not at all when off', () => {
    expect(loadConfig({}).httpsPort).toBe(8443);
    expect(loadConfig({ HTTPS_PORT: '443' }).httpsPort).toBe(443);
    expect(loadConfig({ HTTPS_PORT: 'off' }).httpsPort).toBeUndefined();
    expect(() => loadConfig({ HTTPS_PORT: 'on' })).toThrow();
  });

  it('does not let the licence be configured away: at most 72 hours of grace and 30 days offline', () => {
    expect(loadConfig({ LICENSE_GRACE_HOURS: '72', MAX_OFFLINE_DAYS: '30' }).licensing).toMatchObject({
      graceMs: 72 * 3_600_000,
      maxOfflineMs: 30 * 86_400_000,
    });
    expect(() => loadConfig({ LICENSE_GRACE_HOURS: '73' })).toThrow(/LICENSE_GRACE_HOURS/);
    expect(() => loadConfig({ MAX_OFFLINE_DAYS: '365' })).toThrow(/MAX_OFFLINE_DAYS/);
  });
});
