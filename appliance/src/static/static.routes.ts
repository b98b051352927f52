import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { AppContext } from '../shared/context.js';
import type { AppEnv } from '../shared/env.js';
import { getSetting } from '../settings/settings.repository.js';
import { landingPage } from './landing-page.js';

/** The built waiter app (`npm -w waiter-pwa run build`); src/static and dist/static sit at the same depth. */
const WAITER_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../waiter-pwa/dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The waiter app's page, with the restaurant's currency written in (prices are shown in it). */
function waiterIndex(ctx: AppContext, c: Context<AppEnv>) {
  const file = path.join(WAITER_DIST, 'index.html');
  if (!fs.existsSync(file)) return c.text('The waiter app has not been built yet: run `npm run build`.', 503);
  const html = fs.readFileSync(file, 'utf8').replace(/(<meta name="tavli-currency" content=")[^"]*(")/, `$1${ctx.config.currency.replace(/[^A-Z]/g, '')}$2`);
  return c.html(html, 200, { 'Cache-Control': 'no-cache' });
}

export function staticRoutes(ctx: AppContext) {
  return (
    new Hono<AppEnv>()
      .get('/', (c) => c.html(landingPage(getSetting(ctx.db, 'restaurant_name') ?? 'Tavli')))
      .use(
        '/images/*',
        serveStatic({
          root: ctx.imagesDir,
          rewriteRequestPath: (path) => path.replace(/^\/images/, ''),
          onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
        }),
      )
      // "/waiter" and "/waiter/" route alike (trailing slashes are ignored): only "/waiter/" is the app's scope.
      .get('/waiter', (c) => (new URL(c.req.url).pathname.endsWith('/') ? waiterIndex(ctx, c) : c.redirect('/waiter/', 301)))
      .get('/waiter/index.html', (c) => waiterIndex(ctx, c))
      .use(
        '/waiter/*',
        serveStatic({
          root: WAITER_DIST,
          rewriteRequestPath: (path) => path.replace(/^\/waiter/, ''),
          // Hashed file names never change; everything else (sw.js, the manifest, icons) is revalidated.
          onFound: (file, c) => c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
        }),
      )
      // The app's own routes (no file extension) get the page; a missing file stays a 404.
      .get('/waiter/*', (c, next) => (/\.\w+$/.test(c.req.path) ? next() : waiterIndex(ctx, c)))
  );
}
