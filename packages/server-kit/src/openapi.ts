import { OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
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

/** The OpenAPI document at /api/openapi.json, generated from the routes' own schemas, and Swagger UI at /api/docs. */
export function publishApiDocs<E extends Env>(app: OpenAPIHono<E>, info: { title: string; version: string; description: string }): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));
}
