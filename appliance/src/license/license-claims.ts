import { KEY_ENDORSEMENT_TYPE, LICENSE_ISSUER, LicenseClaims } from '@tavli/licensing-contract/license';
import { compactVerify, importJWK, jwtVerify, type JWK } from 'jose';

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

/**
 * The key an endorsement hands trust to, when it was signed by the key the appliance trusts now
 * (the cloud rotating its signing key); undefined for anything else.
 */
export async function endorsedKey(endorsement: string, trusted: JWK): Promise<JWK | undefined> {
  try {
    const { payload, protectedHeader } = await compactVerify(endorsement, await importJWK(trusted, 'EdDSA'), { algorithms: ['EdDSA'] });
    if (protectedHeader.typ !== KEY_ENDORSEMENT_TYPE) return undefined;
    const { jwk } = JSON.parse(new TextDecoder().decode(payload)) as { jwk?: JWK };
    if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return undefined;
    return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  } catch {
    return undefined;
  }
}
