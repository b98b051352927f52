import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export type FrontEnd = {
  /** Where it is served, e.g. "/waiter". */
  prefix: string;
  /** Its built files (Vite's dist/). */
  dist: string;
  /** How a person would call it, for the "not built yet" answer. */
  name: string;
  /** Rewrites its index.html before serving (e.g. writes the restaurant's currency in). */
  transformIndex?: (html: string) => string;
  /** Headers on every answer under the prefix (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
};

/**
 * Serves a built front end under its prefix: hashed assets cached for good, everything else
 * revalidated, and the page itself for the app's own routes (a missing file stays a 404).
 */
export function serveFrontEnd<E extends Env>(router: Hono<E>, { prefix, dist, name, transformIndex = (html) => html, headers = {} }: FrontEnd): void {
  const index = () => {
    const file = path.join(dist, 'index.html');
    if (!fs.existsSync(file)) return new Response(`The ${name} has not been built yet: run \`npm run build\`.`, { status: 503, headers });
    const html = transformIndex(fs.readFileSync(file, 'utf8'));
    return new Response(html, { headers: { ...headers, 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache' } });
  };
  router.use(`${prefix}/*`, async (c, next) => {
    await next();
    for (const [header, value] of Object.entries(headers)) c.header(header, value);
  });
  // "/waiter" and "/waiter/" route alike (trailing slashes are ignored): only "/waiter/" is the app's scope.
  router.get(prefix, (c) => (new URL(c.req.url).pathname.endsWith('/') ? index() : c.redirect(`${prefix}/`, 301)));
  router.get(`${prefix}/index.html`, index);
  router.use(
    `${prefix}/*`,
    serveStatic({
      root: dist,
      rewriteRequestPath: (file) => file.slice(prefix.length),
      // Hashed file names never change; everything else (sw.js, the manifest, icons) is revalidated.
      onFound: (file, c) => c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
    }),
  );
  router.get(`${prefix}/*`, (c, next) => (/\.\w+$/.test(c.req.path) ? next() : index()));
}
