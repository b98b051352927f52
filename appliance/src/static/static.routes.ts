import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { readSettings } from '../settings/settings.service.js';
import { landingPage } from './landing-page.js';

/** Where the built apps are; src/static and dist/static sit at the same depth. */
const workspace = (name: string) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', name, 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The apps the appliance serves, by URL prefix, and the workspace that builds each. */
const APPS = [
  { prefix: '/waiter', dist: workspace('waiter-pwa'), name: 'waiter app' },
  { prefix: '/manager', dist: workspace('manager-dashboard'), name: 'manager dashboard' },
];

/** An app's page, with the restaurant's currency written in (amounts are shown in it). */
function appIndex(ctx: AppContext, dist: string, name: string) {
  const file = path.join(dist, 'index.html');
  if (!fs.existsSync(file)) return new Response(`The ${name} has not been built yet: run \`npm run build\`.`, { status: 503 });
  const currency = ctx.config.currency.replace(/[^A-Z]/g, '');
  const html = fs.readFileSync(file, 'utf8').replace(/(<meta name="tavli-currency" content=")[^"]*(")/, `$1${currency}$2`);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache' } });
}

function serveApp(router: Hono<AppEnv>, ctx: AppContext, { prefix, dist, name }: (typeof APPS)[number]) {
  const index = () => appIndex(ctx, dist, name);
  return (
    router
      // "/waiter" and "/waiter/" route alike (trailing slashes are ignored): only "/waiter/" is the app's scope.
      .get(prefix, (c) => (new URL(c.req.url).pathname.endsWith('/') ? index() : c.redirect(`${prefix}/`, 301)))
      .get(`${prefix}/index.html`, index)
      .use(
        `${prefix}/*`,
        serveStatic({
          root: dist,
          rewriteRequestPath: (file) => file.slice(prefix.length),
          // Hashed file names never change; everything else (sw.js, the manifest, icons) is revalidated.
          onFound: (file, c) => c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
        }),
      )
      // The app's own routes (no file extension) get the page; a missing file stays a 404.
      .get(`${prefix}/*`, (c, next) => (/\.\w+$/.test(c.req.path) ? next() : index()))
  );
}

export function staticRoutes(ctx: AppContext) {
  const router = new Hono<AppEnv>()
    .get('/', (c) => c.html(landingPage(readSettings(ctx.db, ctx.config).restaurant_name)))
    .use(
      '/images/*',
      serveStatic({
        root: ctx.imagesDir,
        rewriteRequestPath: (file) => file.replace(/^\/images/, ''),
        onFound: (_path, c) => c.header('Cache-Control', IMMUTABLE),
      }),
    );
  for (const app of APPS) serveApp(router, ctx, app);
  return router;
}
