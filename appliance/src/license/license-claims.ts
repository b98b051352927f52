import { importJWK, jwtVerify, type JWK } from 'jose';
import { z } from 'zod';

export const LICENSE_ISSUER = 'tavli-licensing-cloud';

const Claims = z.object({
  site_id: z.string(),
  licensed: z.boolean(),
  locked: z.boolean(),
  lock_reason: z.string().nullable(),
  expires_at: z.string(),
  server_time: z.string(),
  nonce: z.string(),
  seq: z.number().int().nonnegative(),
});

export type LicenseClaims = z.infer<typeof Claims>;

/**
 * The claims of a license whose Ed25519 signature verifies against the pinned cloud key and
 * which names this site; undefined for anything else (tampered, foreign, malformed).
 */
export async function verifyLicense(token: string, publicKey: JWK, siteId: string): Promise<LicenseClaims | undefined> {
  try {
    const key = await importJWK(publicKey, 'EdDSA');
    const { payload } = await jwtVerify(token, key, { algorithms: ['EdDSA'], issuer: LICENSE_ISSUER, subject: siteId });
    const claims = Claims.parse(payload);
    return claims.site_id === siteId ? claims : undefined;
  } catch {
    return undefined;
  }
}
