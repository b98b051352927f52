/**
 * The one string an installer pastes (or scans as a QR code) into an appliance's first-boot setup:
 * where the licensing cloud is, which site this is, and its secret key.
 */
export type SetupCode = { cloud_url: string; site_id: string; site_key: string };

const PREFIX = 'tavli-setup-1:';

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)));

export const encodeSetupCode = (code: SetupCode): string => PREFIX + toBase64Url(JSON.stringify([code.cloud_url, code.site_id, code.site_key]));

/** The setup code's parts, or undefined for anything that is not one. */
export function decodeSetupCode(text: string): SetupCode | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) return undefined;
  try {
    const parts: unknown = JSON.parse(fromBase64Url(trimmed.slice(PREFIX.length)));
    if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((part) => typeof part === 'string')) return undefined;
    const [cloud_url, site_id, site_key] = parts as [string, string, string];
    return /^https?:\/\//.test(cloud_url) ? { cloud_url, site_id, site_key } : undefined;
  } catch {
    return undefined;
  }
}
