import { z } from '@hono/zod-openapi';

export const HeartbeatHeaders = z.object({
  'x-site-id': z.string().max(64).optional().openapi({ description: 'The site id (UUID) given at registration' }),
  'x-site-key': z.string().max(128).optional().openapi({ description: 'The site’s secret key (tvl_sk_…)' }),
});

export const HeartbeatBody = z.object({
  version: z.string().trim().min(1).max(64),
  uptime_seconds: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  nonce: z.string().min(8).max(128).openapi({ description: 'Fresh random value; echoed inside the signed license' }),
});

export const HeartbeatResult = z
  .object({
    licensed: z.boolean().openapi({ description: 'The license term has not ended (a lock is reported separately)' }),
    locked: z.boolean(),
    lock_reason: z.string().nullable(),
    expires_at: z.string(),
    server_time: z.string(),
    license: z.string().openapi({ description: 'EdDSA JWT with the same facts plus site_id (sub), nonce and seq' }),
  })
  .openapi('HeartbeatResult');

export type HeartbeatResultView = z.infer<typeof HeartbeatResult>;
