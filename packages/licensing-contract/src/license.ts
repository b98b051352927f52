import { z } from 'zod';

/** How long an appliance may go on with one licence and no newer one, at most. */
export const LICENSE_OFFLINE_DAYS = 30;

/**
 * The `typ` of a key endorsement: a JWS that the retiring licence-signing key signs over the next
 * key's public JWK (the payload `{ "jwk": … }`). It is the only way an appliance moves its trust
 * from the key it holds to another.
 */
export const KEY_ENDORSEMENT_TYPE = 'tavli-key-endorsement';

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
  /**
   * Until when this licence may serve without a newer one: the cloud's time plus
   * LICENSE_OFFLINE_DAYS. Signed, so a forged "last heartbeat" in the appliance's database cannot
   * stretch it. Absent only in licences signed before it existed.
   */
  offline_until: z.string().optional(),
  nonce: z.string(),
  seq: z.number().int().nonnegative(),
});
export type LicenseClaims = z.infer<typeof LicenseClaims>;
