import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeartbeatAnswer } from '@tavli/licensing-contract/heartbeat';
import type { LicenseClaims } from '@tavli/licensing-contract/license';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

forEachDatabase((variant) => {
  describe('stopping a replica (a deploy, a scale-down)', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant, { HEARTBEATS_PER_MINUTE_PER_SITE: '1000', HEARTBEATS_PER_MINUTE_PER_ADDRESS: '1000' });
    });
    afterAll(() => cloud.stop());

    it('answers every heartbeat it has taken in before it stops: no licence number is issued without reaching its appliance', async () => {
      const site = await cloud.registerSite();
      const seqOf = (answer: { body: HeartbeatAnswer }) => decodeJwt<LicenseClaims>(answer.body.license).seq;
      const first = await cloud.heartbeat<HeartbeatAnswer>(site.site_id, site.secret_key);
      const burst = Promise.allSettled(Array.from({ length: 200 }, () => cloud.heartbeat<HeartbeatAnswer>(site.site_id, site.secret_key)));
      await new Promise((resolve) => setTimeout(resolve, 30));
      await cloud.restart();
      const settled = await burst;
      // Connections still waiting in the kernel's queue when the listener closed are refused; the
      // appliance tries again. Every heartbeat the cloud read was answered, and answered well.
      const answered = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.filter((answer) => answer.status !== 200).map((answer) => answer.status)).toEqual([]);
      const seqs = answered.map(seqOf).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, index) => seqOf(first) + 1 + index));
      const after = await cloud.heartbeat<HeartbeatAnswer>(site.site_id, site.secret_key);
      expect(seqOf(after)).toBe(seqOf(first) + answered.length + 1);
    });
  });
});
