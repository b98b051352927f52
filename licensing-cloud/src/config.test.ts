import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('the cloud’s settings from its environment', () => {
  it('takes an empty variable (docker compose passes `${LICENSE_SIGNING_KEY_PREVIOUS:-}` as one) as not set', () => {
    const config = loadConfig({ LICENSE_SIGNING_KEY_PREVIOUS: '', METRICS_PORT: '', TRUSTED_PROXY_HOPS: '' });
    expect(config.previousLicenseSigningKey).toBeUndefined();
    expect(config.metrics).toBeUndefined();
    expect(config.trustedProxyHops).toBe(0);
  });

  it('serves metrics on their own port, on loopback unless told otherwise', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
  });
});
