import { z } from 'zod';

/** The `iss` of every licence the cloud signs. */
export const LICENSE_ISSUER = 'tavli-licensing-cloud';

/** What a signed licence asserts; the appliance keeps the last one whose signature verifies. */
export const LicenseClaims = z.object({
  site_id: z.string(),
  licensed: z.boolean(),
  locked: z.boolean(),
  lock_reason: z.string().nullable(),
  expires_at: z.string(),
  server_time: z.string(),
  nonce: z.string(),
  seq: z.number().int().nonnegative(),
});
export type LicenseClaims = z.infer<typeof LicenseClaims>;
