import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { getSetting } from '../settings/settings.repository.js';
import { landingPage } from './landing-page.js';

export function staticRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(landingPage(getSetting(ctx.db, 'restaurant_name') ?? 'Tavli')))
    .use(
      '/images/*',
      serveStatic({
        root: ctx.imagesDir,
        rewriteRequestPath: (path) => path.replace(/^\/images/, ''),
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
}
