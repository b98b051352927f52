import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { serveFrontEnd } from '@tavli/server-kit/front-end';

/** The built sysadmin panel (`npm -w sysadmin-panel run build`); src/panel and dist/panel sit at the same depth. */
const PANEL_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sysadmin-panel/dist');

/**
 * Only this origin's own scripts, styles, images (and QR codes drawn as data: URLs) and API; no
 * framing, no plugins, no inline script. The panel needs no CORS, and the cloud allows none.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function panelRoutes() {
  const router = new Hono();
  router.get('/', (c) => c.redirect('/admin/', 302));
  serveFrontEnd(router, { prefix: '/admin', dist: PANEL_DIST, name: 'sysadmin panel', headers: SECURITY_HEADERS });
  return router;
}
