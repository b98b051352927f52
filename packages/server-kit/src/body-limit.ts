import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';

/** Past this much, a refused body is not read any further: the client may then see the connection reset. */
const DISCARD_AT_MOST = 16 * 1024 * 1024;

/**
 * Reads a refused body to its end and drops it. A connection closed (`Connection: close`) with
 * unread data on it is reset by the kernel, and the reset can reach the client before the 413 does.
 */
async function discard(request: Request): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done && read <= DISCARD_AT_MOST; chunk = await reader.read()) read += chunk.value.byteLength;
  } catch {
    // The client went away: nobody is left to answer.
  }
}

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
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    if (Number(declared) > maxBytes) {
      if (Number(declared) <= DISCARD_AT_MOST) await discard(c.req.raw);
      throw tooLarge();
    }
    return next();
  };
}
