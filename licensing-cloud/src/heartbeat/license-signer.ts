import { loadOrCreateSecretFile } from '@tavli/server-kit/secrets';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_ENDORSEMENT_TYPE, LICENSE_ISSUER, type LicenseClaims } from '@tavli/licensing-contract/license';
import { calculateJwkThumbprint, CompactSign, importPKCS8, SignJWT, type JWK } from 'jose';

export type LicenseSigner = {
  jwks: { keys: JWK[] };
  sign(claims: LicenseClaims, now: Date): Promise<string>;
  /** During a rotation: the previous key's endorsement of this one, sent with every heartbeat answer. */
  endorsement: string | undefined;
};

/** An Ed25519 private key (PKCS8 PEM), its public JWK with its thumbprint as `kid`. */
async function signingKey(pem: string, name: string) {
  const keyObject = crypto.createPrivateKey(pem);
  if (keyObject.asymmetricKeyType !== 'ed25519') throw new Error(`${name}: expected an Ed25519 private key (PKCS8 PEM)`);
  const publicJwk = crypto.createPublicKey(keyObject).export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, jwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' } as JWK, privateKey: await importPKCS8(pem, 'EdDSA') };
}

/**
 * The PKCS8 PEM kept in DATA_DIR/secrets, generated on first start (replicas sharing the folder
 * all read the one that won), with its SPKI public half beside it for the operator.
 */
function loadOrCreateKeyPem(dataDir: string): string {
  const pem = loadOrCreateSecretFile(dataDir, 'license-signing.key', () =>
    crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const publicFile = path.join(dataDir, 'secrets', 'license-signing.pub');
  if (!fs.existsSync(publicFile)) fs.writeFileSync(publicFile, crypto.createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString(), { mode: 0o644 });
  return pem;
}

/**
 * Ed25519 (EdDSA) license signing, from LICENSE_SIGNING_KEY when given, else from DATA_DIR. With
 * the retiring key as well (LICENSE_SIGNING_KEY_PREVIOUS), the JWKS publishes both, new first, and
 * the retiring key endorses the new one for the appliances that still trust it.
 */
export async function loadLicenseSigner(dataDir: string, givenPem: string | undefined, previousPem?: string): Promise<LicenseSigner> {
  const { kid, jwk, privateKey } = await signingKey(givenPem ?? loadOrCreateKeyPem(dataDir), 'LICENSE_SIGNING_KEY');
  const previous = previousPem === undefined ? undefined : await signingKey(previousPem, 'LICENSE_SIGNING_KEY_PREVIOUS');
  const endorsement = previous
    ? await new CompactSign(new TextEncoder().encode(JSON.stringify({ jwk })))
        .setProtectedHeader({ alg: 'EdDSA', kid: previous.kid, typ: KEY_ENDORSEMENT_TYPE })
        .sign(previous.privateKey)
    : undefined;
  return {
    jwks: { keys: [jwk, ...(previous ? [previous.jwk] : [])] },
    endorsement,
    sign: (claims, now) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
        .setIssuer(LICENSE_ISSUER)
        .setSubject(claims.site_id)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .sign(privateKey),
  };
}
