import { SignJWT, jwtVerify } from 'jose';

export async function signAdminToken(secret: Uint8Array, adminId: string, now: Date, ttlMinutes: number): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(adminId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlMinutes * 60)
    .sign(secret);
}

/** The admin id a valid, unexpired token names, or undefined. */
export async function verifyAdminToken(secret: Uint8Array, token: string, now: Date): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
    return payload.sub;
  } catch {
    return undefined;
  }
}
