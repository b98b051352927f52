import type { JWK } from 'jose';

const TIMEOUT_MS = 10_000;

export type HeartbeatAnswer = { kind: 'ok'; license: string } | { kind: 'refused'; status: number; code: string } | { kind: 'unreachable'; message: string };

/** The appliance's only conversation with the licensing cloud. */
export function createCloudClient(cloudUrl: string, siteId: string, siteKey: string) {
  const url = (pathname: string) => new URL(pathname, cloudUrl.endsWith('/') ? cloudUrl : `${cloudUrl}/`).toString();

  return {
    async heartbeat(body: { version: string; uptime_seconds: number; nonce: string }): Promise<HeartbeatAnswer> {
      try {
        const response = await fetch(url('api/heartbeat'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-site-id': siteId, 'x-site-key': siteKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const answer = (await response.json().catch(() => ({}))) as { license?: unknown; error?: { code?: string } };
        if (response.ok && typeof answer.license === 'string') return { kind: 'ok', license: answer.license };
        return { kind: 'refused', status: response.status, code: answer.error?.code ?? `http_${response.status}` };
      } catch (error) {
        return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      }
    },

    /** The cloud's signing key, for pinning on first contact. */
    async signingKey(): Promise<JWK | undefined> {
      try {
        const response = await fetch(url('.well-known/jwks.json'), { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const jwks = (await response.json()) as { keys?: JWK[] };
        return jwks.keys?.find((key) => key.crv === 'Ed25519');
      } catch {
        return undefined;
      }
    },
  };
}

export type CloudClient = ReturnType<typeof createCloudClient>;
