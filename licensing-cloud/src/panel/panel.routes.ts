import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { serveFrontEnd } from '@tavli/server-kit/front-end';

/** The built sysadmin panel (`npm -w sysadmin-panel run build`); src/panel and dist/panel sit at the same depth. */
const PANEL_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sysadmin-panel/dist');

export function panelRoutes() {
  const router = new Hono();
  router.get('/', (c) => c.redirect('/admin/', 302));
  serveFrontEnd(router, { prefix: '/admin', dist: PANEL_DIST, name: 'sysadmin panel' });
  return router;
}
