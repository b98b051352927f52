import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { serveFrontEnd } from '@tavli/server-kit/front-end';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { readSettings } from '../settings/settings.service.js';
import { LANDING_CSS, landingPage } from './landing-page.js';
import { setupFinished } from '../setup/setup.service.js';

/** Where the built apps are; src/static and dist/static sit at the same depth. */
const workspace = (name: string) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', name, 'dist');

/** The apps the appliance serves, by URL prefix, and the workspace that builds each. */
const APPS = [
  { prefix: '/waiter', dist: workspace('waiter-pwa'), name: 'waiter app' },
  { prefix: '/manager', dist: workspace('manager-dashboard'), name: 'manager dashboard' },
];

export function staticRoutes(ctx: AppContext) {
  const router = new Hono<AppEnv>()
    .get('/', (c) => (setupFinished(ctx) ? c.html(landingPage(readSettings(ctx.db, ctx.config).restaurant_name)) : c.redirect('/setup/', 303)))
    .get('/landing.css', (c) => c.body(LANDING_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }))
    .use(
      '/images/*',
      serveStatic({
        root: ctx.imagesDir,
        rewriteRequestPath: (file) => file.replace(/^\/images/, ''),
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
  // The apps' pages carry the restaurant's currency (amounts are shown in it).
  const currency = ctx.config.currency.replace(/[^A-Z]/g, '');
  const withCurrency = (html: string) => html.replace(/(<meta name="tavli-currency" content=")[^"]*(")/, `$1${currency}$2`);
  for (const app of APPS) serveFrontEnd(router, { ...app, transformIndex: withCurrency });
  return router;
}
