import { SignJWT, jwtVerify } from 'jose';

/** `sessionVersion`: the admin's session version when signed; signing out moves it on. */
export async function signAdminToken(secret: Uint8Array, adminId: string, sessionVersion: number, now: Date, ttlMinutes: number): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ sv: sessionVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(adminId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlMinutes * 60)
    .sign(secret);
}

/** The admin id and session version a valid, unexpired token carries, or undefined. */
export async function verifyAdminToken(secret: Uint8Array, token: string, now: Date): Promise<{ id: string; sessionVersion: number } | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
    return payload.sub === undefined ? undefined : { id: payload.sub, sessionVersion: typeof payload.sv === 'number' ? payload.sv : -1 };
  } catch {
    return undefined;
  }
}
