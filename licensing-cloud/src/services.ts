import { createAdminsService } from './admins/admins.service.js';
import { createHeartbeatService } from './heartbeat/heartbeat.service.js';
import type { CloudContext } from './shared/context.js';
import { createSitesService } from './sites/sites.service.js';

export function createServices(ctx: CloudContext) {
  return {
    admins: createAdminsService(ctx),
    sites: createSitesService(ctx),
    heartbeat: createHeartbeatService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
