import crypto from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteDetail } from '../sites/sites.schema.js';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';
import type { ErrorBody } from '@tavli/server-kit/errors';
import type { HeartbeatAnswer } from '@tavli/licensing-contract/heartbeat';
import { LICENSE_ISSUER, type LicenseClaims } from '@tavli/licensing-contract/license';

type Answer = HeartbeatAnswer & ErrorBody;

forEachDatabase((variant) => {
  describe('heartbeats and signed licenses', () => {
    let cloud: TestCloud;
    let token: string;
    let verifyLicense: (license: string) => Promise<LicenseClaims & JWTPayload>;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
      token = await cloud.adminToken();
      const jwks = createRemoteJWKSet(new URL(`${cloud.url}/.well-known/jwks.json`));
      verifyLicense = async (license) => (await jwtVerify<LicenseClaims>(license, jwks, { algorithms: ['EdDSA'], issuer: LICENSE_ISSUER })).payload;
    });
    afterAll(() => cloud.stop());

    const history = async (siteId: string) => (await cloud.call<SiteDetail>('GET', `/api/sites/${siteId}`, { token })).body.heartbeats;

    it('refuses a flood under one site id with 429 and Retry-After before checking any key, while other sites go on', async () => {
      const [flooded, other] = [await cloud.registerSite(), await cloud.registerSite()];
      const answers = [];
      for (let n = 0; n < 25; n++) answers.push(await cloud.heartbeat<Answer>(flooded.site_id, n % 2 ? flooded.secret_key : 'tvl_sk_guess'));
      expect(answers.slice(0, 20).every((answer) => answer.status !== 429)).toBe(true);
      const refused = answers.slice(20);
      expect(refused.map((answer) => answer.status)).toEqual([429, 429, 429, 429, 429]);
      expect(refused[0]!.body.error.code).toBe('too_many_heartbeats');
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await history(flooded.site_id)).length).toBe(20);
      expect((await cloud.heartbeat<Answer>(other.site_id, other.secret_key)).status).toBe(200);
    });

    it('marks a site whose appliance holds an older licence than it was issued since (an old database put back), not a fresh install or one lost answer', async () => {
      const site = await cloud.registerSite();
      const beat = async (last_seq: number) =>
        (await verifyLicense((await cloud.heartbeat<Answer>(site.site_id, site.secret_key, { last_seq })).body.license)).seq;
      const suspectedAt = async () => (await cloud.call<SiteDetail>('GET', `/api/sites/${site.site_id}`, { token })).body.tampering_suspected_at;
      let held = await beat(-1);
      held = await beat(held);
      held = await beat(held);
      // The answer to this one is lost: the appliance still holds the one before, and says so next time.
      await beat(held);
      await beat(held);
      expect(await suspectedAt()).toBeNull();
      await beat(1);
      expect(await suspectedAt()).toEqual(expect.any(String));
    });

    it('answers a heartbeat with a license whose EdDSA signature verifies against the published key', async () => {
      const site = await cloud.registerSite();
      const nonce = crypto.randomBytes(16).toString('base64url');
      const response = await cloud.heartbeat<Answer>(site.site_id, site.secret_key, { nonce });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ licensed: true, locked: false, lock_reason: null, expires_at: site.license_expires_at });
      const claims = await verifyLicense(response.body.license);
      expect(claims).toMatchObject({
        sub: site.site_id,
        site_id: site.site_id,
        nonce,
        licensed: true,
        locked: false,
        lock_reason: null,
        expires_at: site.license_expires_at,
        server_time: response.body.server_time,
        seq: expect.any(Number),
      });
    });

    it('gives every license a larger sequence number than the last, even under concurrent heartbeats', async () => {
      const site = await cloud.registerSite();
      const first = await verifyLicense((await cloud.heartbeat<Answer>(site.site_id, site.secret_key)).body.license);
      // 18 at once: with the first and the last, the 20 a site may send in a minute.
      const burst = await Promise.all(Array.from({ length: 18 }, () => cloud.heartbeat<Answer>(site.site_id, site.secret_key)));
      const seqs = await Promise.all(burst.map(async (r) => (await verifyLicense(r.body.license)).seq));
      expect(new Set(seqs).size).toBe(18);
      expect(Math.min(...seqs)).toBeGreaterThan(first.seq);
      const last = await verifyLicense((await cloud.heartbeat<Answer>(site.site_id, site.secret_key)).body.license);
      expect(last.seq).toBe(first.seq + 19);
    });

    it('refuses a wrong key or an unknown site with 401, and records the attempt', async () => {
      const site = await cloud.registerSite();
      const wrong = await cloud.heartbeat<Answer>(site.site_id, 'tvl_sk_' + 'A'.repeat(43));
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_site_key');
      expect((await cloud.heartbeat(crypto.randomUUID(), site.secret_key)).status).toBe(401);
      expect((await cloud.call('POST', '/api/heartbeat', { body: { version: '1', uptime_seconds: 1, nonce: 'abcdefgh' } })).status).toBe(401);
      expect(await history(site.site_id)).toEqual([expect.objectContaining({ ok: false, version: '1.2.3' })]);
      const detail = (await cloud.call<SiteDetail>('GET', `/api/sites/${site.site_id}`, { token })).body;
      expect(detail).toMatchObject({ status: 'never_seen', last_seen_at: null });
    });

    it('tells a locked site it is locked and why, and an unlocked one that it is not', async () => {
      const site = await cloud.registerSite();
      await cloud.call('POST', `/api/sites/${site.site_id}/lock`, { token, body: { reason: 'Contract ended' } });
      const locked = await cloud.heartbeat<Answer>(site.site_id, site.secret_key);
      expect(locked.body).toMatchObject({ locked: true, lock_reason: 'Contract ended' });
      expect(await verifyLicense(locked.body.license)).toMatchObject({ locked: true, lock_reason: 'Contract ended' });
      await cloud.call('POST', `/api/sites/${site.site_id}/unlock`, { token });
      const unlocked = await cloud.heartbeat<Answer>(site.site_id, site.secret_key);
      expect(await verifyLicense(unlocked.body.license)).toMatchObject({ locked: false, lock_reason: null });
    });

    it('says licensed: false once the license end date has passed', async () => {
      const site = await cloud.registerSite({ license_expires_at: new Date(cloud.clock.now().getTime() - 60_000).toISOString() });
      const response = await cloud.heartbeat<Answer>(site.site_id, site.secret_key);
      expect(response.status).toBe(200);
      expect(response.body.licensed).toBe(false);
      expect((await verifyLicense(response.body.license)).licensed).toBe(false);
    });

    it('after a key rotation refuses the old key and accepts the new one', async () => {
      const site = await cloud.registerSite();
      const rotated = await cloud.call<{ secret_key: string }>('POST', `/api/sites/${site.site_id}/rotate-key`, { token });
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret_key).not.toBe(site.secret_key);
      expect((await cloud.heartbeat(site.site_id, site.secret_key)).status).toBe(401);
      expect((await cloud.heartbeat(site.site_id, rotated.body.secret_key)).status).toBe(200);
      expect((await history(site.site_id)).map((h) => h.ok)).toEqual([true, false]);
    });

    it('answers 400 for a malformed heartbeat body', async () => {
      const site = await cloud.registerSite();
      for (const body of [
        { version: '1.0' },
        { version: '1.0', uptime_seconds: -1, nonce: 'abcdefgh' },
        { version: '1.0', uptime_seconds: 5, nonce: 'short' },
      ]) {
        const response = await cloud.call<ErrorBody>('POST', '/api/heartbeat/', {
          headers: { 'X-Site-ID': site.site_id, 'X-Site-Key': site.secret_key },
          body,
        });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('validation_failed');
      }
    });

    it('reports health and publishes one Ed25519 key with a key id', async () => {
      expect((await cloud.call('GET', '/health')).body).toEqual({ status: 'ok', db: 'ok', version: expect.any(String) });
      const jwks = await cloud.call<{ keys: Array<Record<string, string>> }>('GET', '/.well-known/jwks.json');
      expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String) })]);
      expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/);
    });
  });
});
