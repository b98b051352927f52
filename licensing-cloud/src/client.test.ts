import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hcWithType } from './client.js';
import { ADMIN, startTestCloud, type TestCloud } from './test/harness.js';

describe('the typed client the sysadmin panel is built on', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud({ url: undefined });
  });
  afterAll(() => cloud.stop());

  it('signs in and lists sites with request and answer types taken from the routes', async () => {
    const registered = await cloud.registerSite({ name: 'Ταβέρνα του πελάτη' });
    const signIn = await hcWithType(cloud.url).api.auth.login.$post({ json: ADMIN });
    expect(signIn.status).toBe(200);
    if (signIn.status !== 200) return;
    const { token } = await signIn.json();
    const client = hcWithType(cloud.url, { headers: { authorization: `Bearer ${token}` } });
    const sites = await client.api.sites.$get({ query: { q: 'πελάτη' } });
    expect(sites.status).toBe(200);
    if (sites.status !== 200) return;
    const names = (await sites.json()).items.map((site) => site.name);
    expect(names).toContain('Ταβέρνα του πελάτη');
    expect(registered.name).toBe('Ταβέρνα του πελάτη');
  });
});
