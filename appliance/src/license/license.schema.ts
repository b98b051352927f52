import { z } from '@hono/zod-openapi';

export const LicenseStatus = z
  .object({
    state: z.enum(['not_activated', 'active', 'locked', 'grace', 'expired', 'offline_warning', 'offline_too_long']),
    enforced: z.boolean(),
    site_id: z.string().nullable(),
    licensed: z.boolean(),
    lock_reason: z.string().nullable(),
    expires_at: z.string().nullable(),
    grace_remaining_s: z.number().nullable(),
    last_heartbeat_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    last_error: z.string().nullable(),
    cloud_reachable: z.boolean().nullable(),
    system_clock_behind: z.boolean(),
    license_time: z.string(),
  })
  .openapi('LicenseStatus');

export type LicenseStatus = z.infer<typeof LicenseStatus>;
