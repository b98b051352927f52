import { OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Env } from 'hono';
import type { ZodType } from 'zod';

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

const validationHook =
  <E extends Env>(): Hook<unknown, E, string, Response | undefined> =>
  (result, c) => {
    if (result.success) return undefined;
    const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = details[0];
    const message = first ? `Invalid ${result.target}: ${first.path || 'value'}: ${first.message}` : 'Invalid request';
    return c.json({ error: { code: 'validation_failed', message, details } }, 400);
  };

/** A service's router maker: every router it makes answers validation failures with 400 in the house error shape. */
export const routerFactory = <E extends Env>() => {
  const defaultHook = validationHook<E>();
  return (init: { getPath?: (request: Request) => string } = {}) => new OpenAPIHono<E>({ ...init, defaultHook });
};

export const jsonBody = <T extends ZodType>(schema: T, required = true) => ({
  body: { content: { 'application/json': { schema } }, required },
});

export const json = <T extends ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const errors = (description = 'Error') => ({
  default: { content: { 'application/json': { schema: ErrorSchema } }, description },
});

export const bearer = [{ bearerAuth: [] }];

const docsPage = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&"]/g, '')}</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<script src="/api/docs/swagger-ui-bundle.js" defer></script>
<script src="/api/docs/start.js" defer></script>
</head>
<body><div id="swagger-ui"></div></body>
</html>`;

/** Swagger UI's built files (swagger-ui-dist), found beside this package. */
const SWAGGER_UI_DIST = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const DOCS_START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/**
 * The OpenAPI document at /api/openapi.json, generated from the routes' own schemas, and Swagger
 * UI at /api/docs, served from the service's own files (swagger-ui-dist): it works with no internet
 * and under a Content-Security-Policy of 'self'.
 */
export function publishApiDocs<E extends Env>(app: OpenAPIHono<E>, info: { title: string; version: string; description: string }): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', (c) => c.html(docsPage(info.title)));
  app.get('/api/docs/start.js', (c) => c.body(DOCS_START, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}',
    serveStatic({ root: SWAGGER_UI_DIST, rewriteRequestPath: (path) => path.replace(/^\/api\/docs/, '') }),
  );
}
