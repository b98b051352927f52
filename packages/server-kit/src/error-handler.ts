import crypto from 'node:crypto';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from './errors.js';

const httpCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const errorJson = (c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) =>
  c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);

/** AppError → its status; framework errors → their 4xx; anything else → a logged 500 naming the service. */
export const createErrorHandler =
  (service: string): ErrorHandler =>
  (error, c) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return c.json(error.toBody(), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const message = error.message || (error.status === 400 ? 'Malformed request body' : 'Request refused');
      return errorJson(c, error.status as ContentfulStatusCode, httpCodes[error.status] ?? 'bad_request', message);
    }
    if (error instanceof SyntaxError) return errorJson(c, 400, 'malformed_json', 'The request body is not valid JSON');
    const requestId = crypto.randomUUID();
    console.error(`[${requestId}] ${c.req.method} ${c.req.path}`, error);
    return errorJson(c, 500, 'internal_error', `Something went wrong ${service}`, { request_id: requestId });
  };

export const handleNotFound = (c: Context) => errorJson(c, 404, 'not_found', `No such endpoint: ${c.req.method} ${c.req.path}`);
