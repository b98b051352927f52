import crypto from 'node:crypto';

/** Recognisable in logs and by secret scanners. */
const SITE_KEY_PREFIX = 'tvl_sk_';

export const newSiteKey = () => SITE_KEY_PREFIX + crypto.randomBytes(32).toString('base64url');

/** SHA-256, not bcrypt: the key has 256 random bits, so a fast hash is enough and heartbeats stay cheap. */
export const hashSiteKey = (key: string) => crypto.createHash('sha256').update(key).digest();

/** Constant-time comparison of a presented key's hash with the stored hex hash. */
export const keyMatches = (storedHex: string | undefined, presentedHash: Buffer) =>
  storedHex !== undefined && crypto.timingSafeEqual(Buffer.from(storedHex, 'hex'), presentedHash);
