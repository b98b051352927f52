import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Env } from 'hono';
import type { ZodType } from 'zod';
import type { ErrorStatus } from './errors.js';

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

const STATUS_TEXT: Record<ErrorStatus, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  402: 'No valid licence',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported media type',
  421: 'Not this server',
  422: 'Unprocessable',
  423: 'Locked',
  429: 'Too many attempts',
  503: 'Unavailable',
  507: 'Disk full',
};

/** An error status with the codes it can carry, as a response object of the document. */
const errorResponse = (status: ErrorStatus, codes: readonly string[]) => ({
  description: `${STATUS_TEXT[status]}: ${codes.join(', ')}`,
  content: {
    'application/json': {
      schema: {
        type: 'object' as const,
        properties: {
          error: {
            type: 'object' as const,
            properties: {
              code: { type: 'string' as const, enum: [...codes] },
              message: { type: 'string' as const, description: 'For people; clients act on `code`' },
              details: { description: 'What was wrong, for some codes (such as the fields of `validation_failed`)' },
            },
            required: ['code', 'message'],
          },
        },
        required: ['error'],
      },
    },
  },
});

export type ErrorSpec<Code extends string> = Partial<Record<ErrorStatus, readonly Code[]>>;

/**
 * A service's error responses: each status an operation can answer, with the codes it can carry,
 * typed by the service's union of codes (the one its typed clients export). Later specs add codes
 * to a status that an earlier one named.
 */
export function errorAnswers<Code extends string>() {
  return (...specs: Array<ErrorSpec<Code>>) => {
    const merged = new Map<ErrorStatus, Set<Code>>();
    for (const spec of specs)
      for (const [status, codes] of Object.entries(spec) as Array<[`${ErrorStatus}`, readonly Code[]]>) {
        const known = merged.get(Number(status) as ErrorStatus) ?? new Set<Code>();
        for (const code of codes) known.add(code);
        merged.set(Number(status) as ErrorStatus, known);
      }
    return Object.fromEntries([...merged].map(([status, codes]) => [status, errorResponse(status, [...codes].sort())]));
  };
}

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

type Json = Record<string, unknown>;
export type Operation = Json & { security?: unknown[]; requestBody?: unknown; parameters?: unknown[]; responses: Record<string, Json> };

const codesOf = (response: Json | undefined): string[] => {
  const schema = (response?.content as Json | undefined)?.['application/json'] as { schema?: Json } | undefined;
  const error = (schema?.schema?.properties as Json | undefined)?.error as { properties?: { code?: { enum?: string[] } } } | undefined;
  return error?.properties?.code?.enum ?? [];
};

/** Adds error statuses and codes to an operation of a generated document, keeping the codes it lists already. */
export function addErrors(operation: Operation, spec: ErrorSpec<string>): void {
  for (const [key, codes] of Object.entries(spec) as Array<[string, readonly string[]]>) {
    const known = new Set([...codesOf(operation.responses[key]), ...codes]);
    operation.responses[key] = errorResponse(Number(key) as ErrorStatus, [...known].sort());
  }
}

/** What any request with parameters or a body can be refused for, before the route's own code runs. */
function addRequestErrors(operation: Operation): void {
  if (operation.parameters?.length) addErrors(operation, { 400: ['validation_failed'] });
  if (operation.requestBody) {
    addErrors(operation, { 400: ['bad_request', 'malformed_json', 'validation_failed'], 413: ['payload_too_large'], 415: ['unsupported_media_type'] });
  }
}

/**
 * zod's integers are safe integers: the server refuses anything past ±(2^53−1), so the document
 * says so, and a client that validates against it refuses the same values.
 */
function boundIntegers(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(boundIntegers);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const type = schema.type;
  if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) {
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) schema.minimum = Number.MIN_SAFE_INTEGER;
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) schema.maximum = Number.MAX_SAFE_INTEGER;
  }
  Object.values(schema).forEach(boundIntegers);
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export type ApiDocsOptions = {
  info: { title: string; version: string; description: string };
  /** What a service adds to every operation of its own (the appliance's licence and Idempotency-Key answers). */
  completeOperation?: (operation: Operation, method: (typeof METHODS)[number]) => void;
};

/**
 * The OpenAPI document at /api/openapi.json, generated from the routes' own schemas, and Swagger
 * UI at /api/docs, served from the service's own files (swagger-ui-dist): it works with no internet
 * and under a Content-Security-Policy of 'self'. The generated document is completed once: public
 * operations say so, every operation lists the request errors it can answer, integers carry their
 * bounds, and `servers` names this host.
 */
export function publishApiDocs<E extends Env>(app: OpenAPIHono<E>, { info, completeOperation }: ApiDocsOptions): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  let document: Json | undefined;
  const apiDocument = () => {
    const generated = app.getOpenAPI31Document({ openapi: '3.1.0', info, servers: [{ url: '/', description: 'This server' }] });
    for (const path of Object.values(generated.paths ?? {}))
      for (const method of METHODS) {
        const operation = path[method] as Operation | undefined;
        if (!operation) continue;
        operation.security ??= [];
        addRequestErrors(operation);
        completeOperation?.(operation, method);
      }
    boundIntegers(generated);
    return generated as unknown as Json;
  };
  app.get('/api/openapi.json', (c) => c.json((document ??= apiDocument())));
  app.get('/api/docs', (c) => c.html(docsPage(info.title)));
  app.get('/api/docs/start.js', (c) => c.body(DOCS_START, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}',
    serveStatic({ root: SWAGGER_UI_DIST, rewriteRequestPath: (path) => path.replace(/^\/api\/docs/, '') }),
  );
}
