import type { Context } from 'hono';

/** "/api/tables/" and "/api/tables" name the same resource; routing sees the path without the slash. */
export function pathWithoutTrailingSlash(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const queryAt = url.indexOf('?', start);
  const path = queryAt === -1 ? url.slice(start) : url.slice(start, queryAt);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** The request's path as the router matched it. */
export const routePath = (c: Context) => pathWithoutTrailingSlash(c.req.raw);
