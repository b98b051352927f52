import { LICENSE_ISSUER, LicenseClaims } from '@tavli/licensing-contract/license';
import { importJWK, jwtVerify, type JWK } from 'jose';

/**
 * The claims of a license whose Ed25519 signature verifies against the pinned cloud key and
 * which names this site; undefined for anything else (tampered, foreign, malformed).
 */
export async function verifyLicense(token: string, publicKey: JWK, siteId: string): Promise<LicenseClaims | undefined> {
  try {
    const key = await importJWK(publicKey, 'EdDSA');
    const { payload } = await jwtVerify(token, key, { algorithms: ['EdDSA'], issuer: LICENSE_ISSUER, subject: siteId });
    const claims = LicenseClaims.parse(payload);
    return claims.site_id === siteId ? claims : undefined;
  } catch {
    return undefined;
  }
}
