import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';

/**
 * Refuses bodies over maxBytes with 413. Node's parser never reads past Content-Length, so a
 * declared length is checked as a number; only chunked bodies go through hono's bodyLimit, whose
 * stream wrapping would otherwise cost every heartbeat a noticeable share of its time.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => new AppError(413, 'payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KB`);
  const streaming = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    if (Number(declared) > maxBytes) throw tooLarge();
    return next();
  };
}
