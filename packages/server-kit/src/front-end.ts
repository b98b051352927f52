import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';
import { etag } from 'hono/etag';

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
};

/**
 * Serves a built front end under its prefix: hashed assets cached for good, everything else
 * revalidated by ETag (304 when unchanged), and the page itself for the app's own routes (a
 * missing file stays a 404). Text files go out as the build's brotli or gzip copy when the browser
 * accepts it (`Vary: Accept-Encoding`).
 */
export function serveFrontEnd<E extends Env>(router: Hono<E>, { prefix, dist, name, transformIndex = (html) => html }: FrontEnd): void {
  const index = () => {
    const file = path.join(dist, 'index.html');
    if (!fs.existsSync(file)) return new Response(`The ${name} has not been built yet: run \`npm run build\`.`, { status: 503 });
    const html = transformIndex(fs.readFileSync(file, 'utf8'));
    return new Response(html, { headers: { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache' } });
  };
  // Weak: the same file is sent as brotli, gzip or raw bytes. Hashed assets need none (never revalidated).
  const revalidated = etag({ weak: true });
  router.use(`${prefix}/*`, (c, next) => (c.req.path.includes('/assets/') ? next() : revalidated(c, next)));
  // "/waiter" and "/waiter/" route alike (trailing slashes are ignored): only "/waiter/" is the app's scope.
  router.get(prefix, (c) => (new URL(c.req.url).pathname.endsWith('/') ? index() : c.redirect(`${prefix}/`, 301)));
  router.get(`${prefix}/index.html`, index);
  router.use(
    `${prefix}/*`,
    serveStatic({
      root: dist,
      precompressed: true,
      rewriteRequestPath: (file) => file.slice(prefix.length),
      // Hashed file names never change; everything else (sw.js, the manifest, icons) is revalidated.
      onFound: (file, c) => c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
    }),
  );
  router.get(`${prefix}/*`, (c, next) => (/\.\w+$/.test(c.req.path) ? next() : index()));
}
