import { OpenAPIHono, z, type Hook } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { AppEnv } from './env.js';

const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  const message = first ? `Invalid ${result.target}: ${first.path || 'value'}: ${first.message}` : 'Invalid request';
  return c.json({ error: { code: 'validation_failed', message, details } }, 400);
};

/** Every feature router: validation failures answer 400 in the house error shape. */
export const createRouter = (init: { getPath?: (request: Request) => string } = {}) =>
  new OpenAPIHono<AppEnv>({ ...init, defaultHook: validationHook });

export const jsonBody = <T extends ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const json = <T extends ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const errors = (description = 'Error') => ({
  default: { content: { 'application/json': { schema: ErrorSchema } }, description },
});

export const bearer = [{ bearerAuth: [] }];
