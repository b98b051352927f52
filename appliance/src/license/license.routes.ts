import type { Access } from '../auth/access.js';
import { createRoute } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { bearer, json } from '@tavli/server-kit/openapi';
import { createRouter, errors, guarded } from '../shared/openapi.js';
import { LicenseStatus } from './license.schema.js';
import type { LicenseService } from './license.service.js';

const tags = ['system'];
const status = createRoute({
  operationId: 'getLicenseStatus',
  method: 'get',
  path: '/',
  tags,
  summary: "The site's licence as the appliance last verified it (no sign-in needed)",
  responses: { 200: json(LicenseStatus, 'Licence status') },
});
const refresh = createRoute({
  operationId: 'refreshLicense',
  method: 'post',
  path: '/refresh',
  tags,
  summary: 'Ask the licensing cloud now (managers; at most once every 10 s)',
  security: bearer,
  middleware: requireManager,
  responses: { 200: json(LicenseStatus, 'Licence status after the heartbeat'), ...errors.signedIn({ 403: ['forbidden'], 429: ['too_many_refreshes'] }) },
});

export function licenseRoutes(license: LicenseService, access: Access) {
  return createRouter()
    .openapi(status, (c) => c.json(license.status(), 200))
    .openapi(guarded(refresh, access.signedIn), async (c) => c.json(await license.refresh(), 200));
}
