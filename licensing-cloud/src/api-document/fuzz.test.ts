import { fuzzApi } from '@tavli/test-kit/api-fuzz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type RegisteredSite, type TestCloud } from '../test/harness.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

describe(`the licensing cloud under ${REQUESTS} made-up requests (seed ${SEED}: FUZZ_SEED=${SEED} repeats the run)`, () => {
  let cloud: TestCloud;
  let token: string;
  let sites: RegisteredSite[];
  beforeAll(async () => {
    cloud = await startTestCloud({ url: undefined });
    token = await cloud.adminToken();
    sites = [await cloud.registerSite(), await cloud.registerSite(), await cloud.registerSite()];
  });
  afterAll(() => cloud.stop());

  it('answers every one below 500, with a status and a body its API document gives', async () => {
    const document = (await cloud.call<Record<string, unknown>>('GET', '/api/openapi.json')).body;
    const admins = (await cloud.call<Array<{ id: string; username: string }>>('GET', '/api/admins', { token })).body;
    const { problems, statuses } = await fuzzApi(cloud.url, document, {
      requests: REQUESTS,
      seed: SEED,
      credentials: [
        {},
        { authorization: 'Bearer e30.e30.x' },
        ...Array.from({ length: 4 }, () => ({ authorization: `Bearer ${token}` })),
        ...sites.map((site) => ({ 'x-site-id': site.site_id, 'x-site-key': site.secret_key })),
        { 'x-site-id': sites[0]!.site_id, 'x-site-key': 'tvl_sk_wrong' },
      ],
      // Signing out, or a new password for the fuzzer's own admin, would end the run's session: they have tests of their own.
      skip: ['signOut'],
      knownValues: (_template, parameter) =>
        parameter === 'site_id' ? sites.map((site) => site.site_id) : admins.filter((admin) => admin.username !== 'root').map((admin) => admin.id),
    });
    console.log(`fuzz (seed ${SEED}): ${REQUESTS} requests; statuses ${JSON.stringify(statuses)}`);
    expect(problems.slice(0, 15)).toEqual([]);
    expect(Object.keys(statuses).filter((status) => Number(status) < 300).length).toBeGreaterThan(0);
  }, 600_000);
});
