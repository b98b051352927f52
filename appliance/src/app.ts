import type { Context } from 'hono';
import { publishApiDocs } from '@tavli/server-kit/openapi';
import { observeRequests } from '@tavli/server-kit/observability';
import { compressAnswers } from '@tavli/server-kit/compression';
import { securityHeaders } from '@tavli/server-kit/security-headers';
import { limitBody } from '@tavli/server-kit/body-limit';
import { createAccess } from './auth/access.js';
import { authRoutes } from './auth/auth.routes.js';
import { eventsRoutes, stampEventId } from './events/events.routes.js';
import { licenseRoutes } from './license/license.routes.js';
import { menuRoutes } from './menu/menu.routes.js';
import { ordersRoutes } from './orders/orders.routes.js';
import { printersRoutes } from './printing/printers.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import type { Services } from './services.js';
import type { AppContext } from './shared/context.js';
import { createErrorHandler, handleNotFound } from '@tavli/server-kit/error-handler';
import { completeApplianceOperation, createRouter } from './shared/openapi.js';
import { documentEventStream } from './events/events.document.js';
import { pathWithoutTrailingSlash, routePath } from '@tavli/server-kit/paths';
import { staticRoutes } from './static/static.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { tablesRoutes } from './tables/tables.routes.js';
import { staffRoutes } from './staff/staff.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { joinApiRoutes, joinRoutes } from './join/join.routes.js';
import { plainHttpForJoiningOnly } from './https/plain-http.js';
import { knownHostOnly } from './host-check/known-host.js';
import { setupRoutes } from './setup/setup.routes.js';
import { backupsRoutes } from './backup/backups.routes.js';
import { updatesRoutes } from './updates/updates.routes.js';
import { setupFinished } from './setup/setup.service.js';

const JSON_LIMIT_BYTES = 256 * 1024;
const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** A release bundle: the appliance, its Node and its dependencies (about 70 MB). */
const BUNDLE_LIMIT_BYTES = 256 * 1024 * 1024;

const limits = { json: limitBody(JSON_LIMIT_BYTES), upload: limitBody(UPLOAD_LIMIT_BYTES), bundle: limitBody(BUNDLE_LIMIT_BYTES) };

/** A product's picture, sent as multipart/form-data: the one kind of request that gets the large limit. */
const isUpload = (c: Context) => /^\/api\/products(\/\d+\/image)?$/.test(routePath(c)) && /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');

export function createApp(ctx: AppContext, services: Services) {
  const app = createRouter({ getPath: pathWithoutTrailingSlash });
  app.onError(createErrorHandler('on the appliance'));
  app.notFound(handleNotFound);
  app.use('*', observeRequests(ctx.observability, { logRequests: ctx.config.logRequests }));
  app.use('*', securityHeaders());
  app.use('*', knownHostOnly(ctx.config.allowedHosts));
  if (ctx.https)
    app.use(
      '*',
      plainHttpForJoiningOnly(ctx.https, (pathname) => /^\/(setup(\/.*)?)?$/.test(pathname) && !setupFinished(ctx)),
    );
  app.use('*', compressAnswers());
  app.use('/api/*', stampEventId(ctx));
  app.use('/api/*', (c, next) => (routePath(c) === '/api/system/updates' ? limits.bundle : isUpload(c) ? limits.upload : limits.json)(c, next));

  const access = createAccess(ctx, services.license);
  const api = app
    .route('/api/auth', authRoutes(services, access))
    .route('/api/system', systemRoutes(ctx))
    .route('/api/system/license', licenseRoutes(services.license, access))
    .route('/api/system/backups', backupsRoutes(ctx, access))
    .route('/api/system/updates', updatesRoutes(ctx, access))
    .route('/api/tables', tablesRoutes(ctx, services, access))
    .route('/api/products', menuRoutes(ctx, services, access))
    .route('/api/orders', ordersRoutes(ctx, services, access))
    .route('/api/printers', printersRoutes(ctx, services, access))
    .route('/api/waiters', staffRoutes(ctx, services, access))
    .route('/api/reports', reportsRoutes(ctx, services, access))
    .route('/api/audit', auditRoutes(ctx, services, access))
    .route('/api/settings', settingsRoutes(ctx, services, access))
    .route('/api/join', joinApiRoutes(ctx, access))
    .route('/api/events', eventsRoutes(ctx, access));

  documentEventStream(app);
  publishApiDocs(app, {
    info: {
      title: 'Tavli appliance API',
      version: ctx.version,
      description: 'The restaurant appliance: orders, tables, menu, staff and reports.',
    },
    completeOperation: completeApplianceOperation,
  });
  if (ctx.https) app.route('/join', joinRoutes(ctx, ctx.https));
  app.route('/setup', setupRoutes(ctx, services));
  app.route('/', staticRoutes(ctx));
  return api;
}

export type AppType = ReturnType<typeof createApp>;
