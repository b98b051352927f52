import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@tavli/server-kit/errors';
import { forEachDatabase, startTestCloud, type TestCloud } from '../test/harness.js';

type Login = { token: string } & ErrorBody;

forEachDatabase((variant) => {
  describe('two-step sign-in with an authenticator app (TOTP, RFC 6238)', () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(variant);
    });
    afterAll(() => cloud.stop());

    const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6 }).generate({ timestamp: at.getTime() });
    const login = (code?: string) =>
      cloud.call<Login>('POST', '/api/auth/login', { body: { username: 'sofia', password: 'a long passphrase', ...(code ? { code } : {}) } });

    it('enrols with a first code, then asks for a code at sign-in, refuses a wrong or replayed one, and takes each recovery code once', async () => {
      const owner = await cloud.adminToken();
      await cloud.call('POST', '/api/admins', { token: owner, body: { username: 'sofia', password: 'a long passphrase' } });
      const token = (await login()).body.token;
      const enrolment = await cloud.call<{ secret: string; uri: string }>('POST', '/api/auth/totp', { token });
      expect(enrolment.body.uri).toMatch(/^otpauth:\/\/totp\/Tavli:sofia\?/);
      const { secret } = enrolment.body;
      expect((await cloud.call<ErrorBody>('POST', '/api/auth/totp/verify', { token, body: { code: '000000' } })).body.error.code).toBe('invalid_code');
      expect((await login()).status).toBe(200);

      const verified = await cloud.call<{ recovery_codes: string[] }>('POST', '/api/auth/totp/verify', {
        token,
        body: { code: codeAt(secret, cloud.clock.now()) },
      });
      expect(verified.status).toBe(200);
      expect(verified.body.recovery_codes).toHaveLength(10);
      expect((await cloud.call<{ totp_enabled: boolean }>('GET', '/api/auth/me', { token })).body.totp_enabled).toBe(true);

      const withoutCode = await login();
      expect(withoutCode.status).toBe(401);
      expect(withoutCode.body.error.code).toBe('code_required');
      expect(withoutCode.body.token).toBeUndefined();
      expect((await login('123456')).body.error.code).toBe('invalid_code');

      cloud.clock.advance(60_000);
      const code = codeAt(secret, cloud.clock.now());
      expect((await login(code)).status).toBe(200);
      expect((await login(code)).body.error.code).toBe('invalid_code');

      const [recovery] = verified.body.recovery_codes;
      expect((await login(recovery)).status).toBe(200);
      expect((await login(recovery)).status).toBe(401);
      const log = (
        await cloud.call<{ items: Array<{ action: string; details: Record<string, unknown> }> }>('GET', '/api/audit?action=login_failed', { token: owner })
      ).body.items;
      expect(log.some((entry) => entry.details.second_factor === true)).toBe(true);
    });
  });
});
