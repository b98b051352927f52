import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const THRESHOLD_BYTES = 1024;
/** Answers built whole in memory (c.json, c.html), which Hono sends without a length. */
const WHOLE_IN_MEMORY = /^(application\/json|text\/html)/;

/**
 * Answers of 1 KB and more (JSON, HTML, CSS, JS) gzipped on the fly when the client accepts it,
 * with `Vary: Accept-Encoding`. Never the live event stream (text/event-stream is not compressible
 * here: a compressor would hold events back until its buffer fills), and never what is already
 * compressed (the front ends' precompressed brotli and gzip files, images).
 */
export function compressAnswers(): MiddlewareHandler {
  const gzip = compress({ threshold: THRESHOLD_BYTES });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      // The compressor leaves a short answer alone only if it knows the length; without an
      // Accept-Encoding it leaves everything alone, so the answer is not copied for nothing.
      if (
        !/gzip|deflate/.test(c.req.header('accept-encoding') ?? '') ||
        c.res.headers.has('content-length') ||
        !c.res.body ||
        !WHOLE_IN_MEMORY.test(c.res.headers.get('content-type') ?? '')
      )
        return;
      const body = await c.res.arrayBuffer();
      const headers = new Headers(c.res.headers);
      headers.set('content-length', String(body.byteLength));
      c.res = new Response(body, { status: c.res.status, statusText: c.res.statusText, headers });
    });
}
