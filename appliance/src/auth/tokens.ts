import { SignJWT, jwtVerify } from 'jose';
import type { StaffUser } from '../shared/env.js';

export const TOKEN_TTL_SECONDS = 8 * 60 * 60;

export async function signToken(secret: Uint8Array, user: StaffUser, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: user.role, username: user.username })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_TTL_SECONDS)
    .sign(secret);
}

const CACHE_LIMIT = 1_000;

/**
 * Verifies tokens, remembering the ones already verified until they expire: every request
 * carries one, and a signature check costs far more than the rest of an item-add's checks.
 */
export type TokenVerifier = (token: string, now: Date) => Promise<number | undefined>;

export function createTokenVerifier(secret: Uint8Array): TokenVerifier {
  const verified = new Map<string, { userId: number; expiresAt: number }>();
  return async (token: string, now: Date): Promise<number | undefined> => {
    const known = verified.get(token);
    if (known) return known.expiresAt > now.getTime() ? known.userId : undefined;
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
      const userId = Number(payload.sub);
      if (!Number.isInteger(userId) || userId <= 0 || payload.exp === undefined) return undefined;
      if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
      verified.set(token, { userId, expiresAt: payload.exp * 1000 });
      return userId;
    } catch {
      return undefined;
    }
  };
}
