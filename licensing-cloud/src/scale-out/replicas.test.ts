import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud, type TestReplica } from '../test/harness.js';
import type { HeartbeatAnswer } from '@tavli/licensing-contract/heartbeat';
import type { LicenseClaims } from '@tavli/licensing-contract/license';

const postgresUrl = process.env.TEST_DATABASE_URL;
const SITES = 10;
const HEARTBEATS = 1_000;

// Replicas share one PostgreSQL database (and one data volume), as `docker compose up --scale cloud=2` runs them.
describe.skipIf(!postgresUrl)('two cloud replicas on one PostgreSQL', () => {
  let cloud: TestCloud;
  let replica: TestReplica;
  beforeAll(async () => {
    cloud = await startTestCloud({ url: postgresUrl }, { HEARTBEATS_PER_MINUTE_PER_SITE: '1000', HEARTBEATS_PER_MINUTE_PER_ADDRESS: '10000' });
    replica = await cloud.startReplica();
  });
  afterAll(async () => {
    await replica?.stop();
    await cloud?.stop();
  });

  it("hand out each site's licence numbers once and without gaps, with heartbeats for the same sites reaching both at once", async () => {
    const sites = await Promise.all(Array.from({ length: SITES }, () => cloud.registerSite()));
    const answers = await Promise.all(
      Array.from({ length: HEARTBEATS }, (_, n) => {
        const site = sites[n % SITES]!;
        return (n % 2 ? replica : cloud).heartbeat<HeartbeatAnswer>(site.site_id, site.secret_key);
      }),
    );
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.status)).toEqual([]);
    const seqsBySite = new Map<string, number[]>();
    for (const { body } of answers) {
      const { site_id, seq } = decodeJwt<LicenseClaims>(body.license);
      seqsBySite.set(site_id, [...(seqsBySite.get(site_id) ?? []), seq]);
    }
    for (const site of sites) {
      const seqs = seqsBySite.get(site.site_id)!.sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: HEARTBEATS / SITES }, (_, n) => seqs[0]! + n));
    }
  });

  it('accept a sysadmin signed in on the other replica: the token secret is shared through the data volume', async () => {
    const token = await cloud.adminToken();
    expect((await replica.call('GET', '/api/sites', { token })).status).toBe(200);
  });
});
