import { SignJWT, jwtVerify } from 'jose';
import type { StaffUser } from '../shared/env.js';

export const TOKEN_TTL_SECONDS = 8 * 60 * 60;
/** However often it is refreshed, a session ends this long after the PIN that began it. */
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

/** What a token says beyond who: the user's token version when it was made, and when the PIN was typed. */
export type Session = { userId: number; version: number; authTime: number; expiresAt: number };

export async function signToken(secret: Uint8Array, user: StaffUser, now: Date, session: { version: number; authTime?: number }): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: user.role, username: user.username, tv: session.version, auth_time: session.authTime ?? iat })
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
export type TokenVerifier = (token: string, now: Date) => Promise<Session | undefined>;

export function createTokenVerifier(secret: Uint8Array): TokenVerifier {
  const verified = new Map<string, Session>();
  return async (token: string, now: Date): Promise<Session | undefined> => {
    const known = verified.get(token);
    if (known) return known.expiresAt > now.getTime() ? known : undefined;
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
      const userId = Number(payload.sub);
      if (!Number.isInteger(userId) || userId <= 0 || payload.exp === undefined) return undefined;
      // Tokens made before versions existed carry none: version 0, and their issue time as the PIN's.
      const version = typeof payload.tv === 'number' ? payload.tv : 0;
      const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : (payload.iat ?? 0);
      const session = { userId, version, authTime, expiresAt: payload.exp * 1000 };
      if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
      verified.set(token, session);
      return session;
    } catch {
      return undefined;
    }
  };
}
