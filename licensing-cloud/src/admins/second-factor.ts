import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_S = 30;
const RECOVERY_CODES = 10;

const totpFor = (username: string, secret: string) =>
  new TOTP({ issuer: 'Tavli', label: username, secret: Secret.fromBase32(secret), period: PERIOD_S, digits: 6 });

/** A new TOTP secret (160 bits, base32) and the otpauth:// URI an authenticator app scans (RFC 6238). */
export function newTotp(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(username, secret).toString() };
}

/**
 * The time step of `code` if it is right now (one step of clock drift either way) and newer than
 * `lastStep`; undefined otherwise, so a code seen once (or an older one) is never accepted again.
 */
export function acceptedStep(username: string, secret: string, code: string, now: Date, lastStep: number | null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(username, secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_S) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

const hash = (code: string) =>
  crypto
    .createHash('sha256')
    .update(code.replace(/[^a-z0-9]/gi, '').toLowerCase())
    .digest('hex');

/** Ten single-use recovery codes ("xxxxx-xxxxx"), shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const text = crypto.randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
  return { codes, hashes: codes.map(hash) };
}

/** The hashes left once `code` is used, or undefined when it is not one of them. */
export function useRecoveryCode(hashes: string[], code: string): string[] | undefined {
  const used = hash(code);
  return hashes.includes(used) ? hashes.filter((candidate) => candidate !== used) : undefined;
}
