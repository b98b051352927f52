import { publishApiDocs } from '../../appliance/src/kit/openapi.js';
import { requireAdmin } from './admins/admins.middleware.js';
import { adminsRoutes, authRoutes } from './admins/admins.routes.js';
import { heartbeatRoutes } from './heartbeat/heartbeat.routes.js';
import type { Services } from './services.js';
import type { CloudContext } from './shared/context.js';
import { limitBody } from './shared/body-limit.js';
import { createErrorHandler, handleNotFound } from '../../appliance/src/kit/error-handler.js';
import { createRouter } from './shared/openapi.js';
import { sitesRoutes } from './sites/sites.routes.js';
import { systemRoutes } from './system/system.routes.js';

const JSON_LIMIT_BYTES = 64 * 1024;

/** "/api/sites/" and "/api/sites" name the same resource. */
function pathWithoutTrailingSlash(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const queryAt = url.indexOf('?', start);
  const path = queryAt === -1 ? url.slice(start) : url.slice(start, queryAt);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function createApp(ctx: CloudContext, services: Services) {
  const app = createRouter({ getPath: pathWithoutTrailingSlash });
  app.onError(createErrorHandler('in the licensing cloud'));
  app.notFound(handleNotFound);
  app.use('/api/*', limitBody(JSON_LIMIT_BYTES));
  const admin = requireAdmin(services.admins);
  app.use('/api/admins/*', admin);
  app.use('/api/sites/*', admin);

  const api = app
    .route('/', systemRoutes(ctx))
    .route('/api/auth', authRoutes(services))
    .route('/api/admins', adminsRoutes(services))
    .route('/api/sites', sitesRoutes(services))
    .route('/api/heartbeat', heartbeatRoutes(services));

  publishApiDocs(app, {
    title: 'Tavli licensing cloud API',
    version: ctx.version,
    description: 'Sites, their keys and locks, heartbeats and signed licenses.',
  });
  return api;
}

export type AppType = ReturnType<typeof createApp>;
