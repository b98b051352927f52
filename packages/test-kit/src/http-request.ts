import http from 'node:http';
import https from 'node:https';

export type RawResponse = { status: number; headers: Headers; body: string };

/** How long an answer may still arrive after the connection was reset (a 413 before the body was read). */
const RESET_ANSWER_WAIT_MS = 1_000;

/**
 * One request on its own connection (no keep-alive pool), so a server that closed a socket
 * (a restart, an early 413) never fails the next test's request.
 */
export function request(
  url: string,
  options: {
    method: string;
    headers: Record<string, string>;
    body?: string | Buffer | undefined;
    /** For https: URLs, the only CA to trust and the name to expect (e.g. tavli.local while connecting to 127.0.0.1). */
    tls?: { ca: string; servername: string };
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const length = options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) };
    const send = url.startsWith('https:') ? https.request : http.request;
    const req = send(url, { method: options.method, headers: { ...length, ...options.headers }, agent: false, ...options.tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may answer (413) and close before reading an oversized body: give its answer
      // a moment to arrive; a connection reset with no answer at all is an error.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') setTimeout(() => reject(error), RESET_ANSWER_WAIT_MS);
      else reject(error);
    });
    req.end(options.body);
  });
}
