import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { bearer, errors, json } from '@tavli/server-kit/openapi';
import { createRouter } from '../shared/openapi.js';
import type { LicenseService } from './license.service.js';

const LicenseStatus = z
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

const tags = ['system'];
const status = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: "The site's licence as the appliance last verified it (no sign-in needed)",
  responses: { 200: json(LicenseStatus, 'Licence status'), ...errors() },
});
const refresh = createRoute({
  method: 'post',
  path: '/refresh',
  tags,
  summary: 'Ask the licensing cloud now (managers; at most once every 10 s)',
  security: bearer,
  middleware: requireManager,
  responses: { 200: json(LicenseStatus, 'Licence status after the heartbeat'), ...errors() },
});

export function licenseRoutes(license: LicenseService) {
  return createRouter()
    .openapi(status, (c) => c.json(license.status(), 200))
    .openapi(refresh, async (c) => c.json(await license.refresh(), 200));
}
