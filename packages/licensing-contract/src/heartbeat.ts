import { z } from 'zod';

/** Where an appliance reports in, and how it names itself: written once for the cloud and the appliance. */
export const HEARTBEAT_PATH = '/api/heartbeat';
export const JWKS_PATH = '/.well-known/jwks.json';
export const SITE_ID_HEADER = 'x-site-id';
export const SITE_KEY_HEADER = 'x-site-key';

export { REFUSED_SITE_KEY } from './refusals.js';

export const HeartbeatRequest = z.object({
  version: z.string().trim().min(1).max(64),
  uptime_seconds: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  nonce: z.string().min(8).max(128).describe('Fresh random value; echoed inside the signed license'),
  last_seq: z
    .number()
    .int()
    .min(-1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('The number of the newest licence the appliance holds (-1: none); one older than the cloud issued since suggests an old database put back'),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const HeartbeatAnswer = z.object({
  licensed: z.boolean().describe('The license term has not ended (a lock is reported separately)'),
  locked: z.boolean(),
  lock_reason: z.string().nullable(),
  expires_at: z.string(),
  server_time: z.string(),
  offline_until: z.string().describe('Until when this licence may serve offline (server_time + 30 days)'),
  license: z.string().describe('EdDSA JWT with the same facts plus site_id (sub), nonce and seq'),
  key_endorsement: z
    .string()
    .optional()
    .describe(
      'While the cloud rotates its signing key: a JWS by the previous key over the new public key, so appliances that trust the old key take the new one',
    ),
});
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;
