import crypto from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';
import type { ErrorBody } from '@tavli/server-kit/errors';

type Jwks = { keys: Array<{ kid: string; x: string }> };

forEachDatabase((variant) => {
  describe('the service around the API', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
    });
    afterAll(() => cloud.stop());

    it('keeps its generated signing key across a restart, so appliances keep trusting it', async () => {
      const before = (await cloud.call<Jwks>('GET', '/.well-known/jwks.json')).body.keys[0]!;
      await cloud.restart();
      expect((await cloud.call<Jwks>('GET', '/.well-known/jwks.json')).body.keys[0]).toEqual(before);
    });

    it('publishes OpenAPI docs that name every endpoint', async () => {
      const spec = await cloud.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      expect(Object.keys(spec.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/auth/login',
          '/api/admins',
          '/api/sites',
          '/api/sites/{site_id}/lock',
          '/api/heartbeat',
          '/.well-known/jwks.json',
          '/health',
        ]),
      );
      const docs = await fetch(`${cloud.url}/api/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
    });

    it('answers unknown endpoints and oversized bodies in the house error shape', async () => {
      const missing = await cloud.call<ErrorBody>('GET', '/api/nothing-here');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
      const huge = await cloud.call<ErrorBody>('POST', '/api/auth/login', { body: { username: 'x'.repeat(100_000), password: 'y' } });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('payload_too_large');
    });
  });

  describe('a signing key given in LICENSE_SIGNING_KEY', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    let cloud: TestCloud;
    beforeAll(async () => {
      // As an environment usually carries it: one line with literal \n.
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n');
      cloud = await startTestCloud(variant, { LICENSE_SIGNING_KEY: pem });
    });
    afterAll(() => cloud.stop());

    it('signs licenses that verify with that key’s public half', async () => {
      const published = (await cloud.call<Jwks>('GET', '/.well-known/jwks.json')).body.keys[0]!;
      expect(published.x).toBe(publicKey.export({ format: 'jwk' }).x);
      const site = await cloud.registerSite();
      const response = await cloud.heartbeat<{ license: string }>(site.site_id, site.secret_key);
      const spki = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'EdDSA');
      const { payload, protectedHeader } = await jwtVerify(response.body.license, spki);
      expect(payload.sub).toBe(site.site_id);
      expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: published.kid });
    });
  });
});
