import { HEARTBEAT_PATH, HeartbeatAnswer, JWKS_PATH, SITE_ID_HEADER, SITE_KEY_HEADER, type HeartbeatRequest } from '@tavli/licensing-contract/heartbeat';
import type { JWK } from 'jose';

const TIMEOUT_MS = 10_000;

export type HeartbeatOutcome =
  | { kind: 'ok'; license: string; keyEndorsement: string | undefined }
  | { kind: 'refused'; status: number; code: string }
  | { kind: 'unreachable'; message: string };

/** The appliance's only conversation with the licensing cloud. */
export function createCloudClient(cloudUrl: string, siteId: string, siteKey: string) {
  // Relative to the cloud's address, so a cloud served under a path prefix works too.
  const base = cloudUrl.endsWith('/') ? cloudUrl : `${cloudUrl}/`;
  const url = (pathname: string) => new URL(pathname.slice(1), base).toString();
  return {
    async heartbeat(body: HeartbeatRequest): Promise<HeartbeatOutcome> {
      try {
        const response = await fetch(url(HEARTBEAT_PATH), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SITE_ID_HEADER]: siteId, [SITE_KEY_HEADER]: siteKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const answer: unknown = await response.json().catch(() => undefined);
        const accepted = HeartbeatAnswer.safeParse(answer);
        if (response.ok && accepted.success) return { kind: 'ok', license: accepted.data.license, keyEndorsement: accepted.data.key_endorsement };
        const code = (answer as { error?: { code?: unknown } } | undefined)?.error?.code;
        return { kind: 'refused', status: response.status, code: typeof code === 'string' ? code : `http_${response.status}` };
      } catch (error) {
        return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      }
    },
    /** The cloud's signing key, for pinning on first contact. */
    async signingKey(): Promise<JWK | undefined> {
      try {
        const response = await fetch(url(JWKS_PATH), { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const jwks = (await response.json()) as { keys?: JWK[] };
        return jwks.keys?.find((key) => key.crv === 'Ed25519');
      } catch {
        return undefined;
      }
    },
  };
}

export type CloudClient = ReturnType<typeof createCloudClient>;
