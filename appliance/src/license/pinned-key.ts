import crypto from 'node:crypto';
import type { JWK } from 'jose';

/** CLOUD_PUBLIC_KEY as a JWK, whether it was given as an SPKI PEM or as JWK JSON. */
export function parsePublicKey(text: string): JWK {
  if (text.trim().startsWith('{')) return JSON.parse(text) as JWK;
  return crypto.createPublicKey(text).export({ format: 'jwk' }) as JWK;
}
