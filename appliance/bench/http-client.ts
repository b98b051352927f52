import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

/** One answered request; times are `performance.now()` milliseconds in this process. */
export type HttpAnswer = { status: number; text: string; sentAt: number; answeredAt: number };

export type RequestOptions = { token?: string | undefined; body?: unknown };

export type HttpClient = {
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  close(): void;
};

/**
 * A cheap load client: node:http over a keep-alive pool to 127.0.0.1 (one socket per concurrent
 * request, up to `maxSockets`). `answeredAt` is taken at the response's last byte. With `tls`,
 * the same over HTTPS, trusting only that CA and expecting that server name.
 */
export function createHttpClient(
  port: number,
  options: { maxSockets?: number; timeoutMs?: number; tls?: { ca: string; servername: string } } = {},
): HttpClient {
  const maxSockets = options.maxSockets ?? 32;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pool = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  const agent = options.tls ? new https.Agent({ ...pool, ...options.tls }) : new http.Agent(pool);
  const send = options.tls ? https.request : http.request;
  return {
    request: (method, path, { token, body } = {}) =>
      new Promise<HttpAnswer>((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const headers: http.OutgoingHttpHeaders = {};
        if (payload !== undefined) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = Buffer.byteLength(payload);
        }
        if (token) headers.authorization = `Bearer ${token}`;
        const sentAt = performance.now();
        const req = send({ host: '127.0.0.1', port, method, path, headers, agent, timeout: timeoutMs }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), sentAt, answeredAt: performance.now() }));
          res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(payload);
      }),
    close: () => agent.destroy(),
  };
}

/** The answer's JSON body, after checking its status; setup steps fail loudly with the server's words. */
export function expectJson<T>(answer: HttpAnswer, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as T;
}
