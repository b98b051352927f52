import { publishApiDocs } from '@tavli/server-kit/openapi';
import { compressAnswers } from '@tavli/server-kit/compression';
import { securityHeaders } from '@tavli/server-kit/security-headers';
import { activityRoutes } from './activity/activity.routes.js';
import { adminsRoutes, authRoutes } from './admins/admins.routes.js';
import { heartbeatRoutes, SITE_KEY_SCHEMES } from './heartbeat/heartbeat.routes.js';
import type { Services } from './services.js';
import type { CloudContext } from './shared/context.js';
import { limitBody } from '@tavli/server-kit/body-limit';
import { behindProxies } from '@tavli/server-kit/client-address';
import { observeRequests } from '@tavli/server-kit/observability';
import { pathWithoutTrailingSlash } from '@tavli/server-kit/paths';
import { createErrorHandler, handleNotFound } from '@tavli/server-kit/error-handler';
import { createRouter } from './shared/openapi.js';
import { sitesRoutes } from './sites/sites.routes.js';
import { panelRoutes } from './panel/panel.routes.js';
import { systemRoutes } from './system/system.routes.js';

const JSON_LIMIT_BYTES = 64 * 1024;

export function createApp(ctx: CloudContext, services: Services) {
  const app = createRouter({ getPath: pathWithoutTrailingSlash });
  app.onError(createErrorHandler('in the licensing cloud'));
  app.notFound(handleNotFound);
  app.use('*', behindProxies(ctx.config.trustedProxyHops));
  app.use('*', observeRequests(ctx.observability, { logRequests: ctx.config.logRequests }));
  app.use('*', securityHeaders());
  app.use('*', compressAnswers());
  app.use('/api/*', limitBody(JSON_LIMIT_BYTES));

  const api = app
    .route('/', systemRoutes(ctx))
    .route('/api/auth', authRoutes(services))
    .route('/api/admins', adminsRoutes(services))
    .route('/api/sites', sitesRoutes(services))
    .route('/api/heartbeat', heartbeatRoutes(services, ctx.config.heartbeatLimits, ctx.observability))
    .route('/api/audit', activityRoutes(ctx, services));

  for (const [name, scheme] of Object.entries(SITE_KEY_SCHEMES)) app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  publishApiDocs(app, {
    info: {
      title: 'Tavli licensing cloud API',
      version: ctx.version,
      description: 'Sites, their keys and locks, heartbeats and signed licenses.',
    },
  });
  app.route('/', panelRoutes());
  return api;
}

export type AppType = ReturnType<typeof createApp>;
