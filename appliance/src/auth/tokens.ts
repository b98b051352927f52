import { SignJWT, jwtVerify } from 'jose';
import type { AuthUser } from '../shared/env.js';

export const TOKEN_TTL_SECONDS = 8 * 60 * 60;

export async function signToken(secret: Uint8Array, user: AuthUser, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ role: user.role, username: user.username })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_TTL_SECONDS)
    .sign(secret);
}

/** The user id a valid, unexpired token names, or undefined. */
export async function verifyToken(secret: Uint8Array, token: string, now: Date): Promise<number | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
    const id = Number(payload.sub);
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
