import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../shared/env.js';
import type { LicenseService } from './license.service.js';

const messages: Record<string, string> = {
  site_locked: 'This site is locked by the licence provider',
  license_expired: 'The licence has expired',
  license_offline_too_long: 'The appliance has not reached the licensing service for too long',
  not_activated: 'This appliance has not been activated yet',
};

/** Refuses API calls the licence does not allow: 423 when locked, 402 when expired or never activated. */
export const enforceLicense = (license: LicenseService) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const verdict = license.evaluate();
    if (!verdict.refusal) {
      if (verdict.state !== 'active') c.header('X-License-State', verdict.state);
      return next();
    }
    const { status, code } = verdict.refusal;
    const lockReason = code === 'site_locked' ? { lock_reason: license.status().lock_reason } : {};
    return c.json({ error: { code, message: messages[code] ?? code, ...lockReason } }, status);
  });
