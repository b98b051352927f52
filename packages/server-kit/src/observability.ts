import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { pino, type DestinationStream, type Logger } from 'pino';
import { collectDefaultMetrics, Histogram, Registry, type Metric } from 'prom-client';
import { clientAddress } from './client-address.js';

export type { Logger } from 'pino';

/** A service's log (JSON lines on stdout) and its metrics, made once at start. */
export type Observability = { log: Logger; metrics: Registry };

/**
 * `processMetrics` adds Node's own (CPU, memory, event-loop delay): only where /metrics is served,
 * since the event-loop monitor samples for as long as the process lives.
 */
export function createObservability(
  service: string,
  { logLevel = 'info', destination, processMetrics = false }: { logLevel?: string; destination?: DestinationStream; processMetrics?: boolean } = {},
): Observability {
  const log = pino({ level: logLevel, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  const metrics = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: metrics });
  return { log, metrics };
}

/**
 * The metric named `name` in `metrics`, made by `make` the first time: whatever builds it (an app,
 * a router) may be built again on the same registry, as tests do.
 */
export function metric<T extends Metric>(metrics: Registry, name: string, make: (name: string) => T): T {
  return (metrics.getSingleMetric(name) as T | undefined) ?? make(name);
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * One log line per request (its id, method, path, status, duration and client) and the request
 * latency histogram. The request id is the caller's X-Request-Id when it looks like one (the
 * proxy's), else a new one, and goes back in the answer. The query string is never logged: the
 * event stream carries its token there.
 */
export function observeRequests({ log, metrics }: Observability, { logRequests }: { logRequests: boolean }): MiddlewareHandler {
  const latency = metric(
    metrics,
    'http_request_duration_seconds',
    (name) =>
      new Histogram({
        name,
        help: 'Time from request to answer headers, by route',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [metrics],
      }),
  );
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    await next();
    c.header('X-Request-Id', id);
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c, -1) || 'unmatched';
    latency.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    if (logRequests) {
      const path = c.req.path;
      log.info(
        { id, method: c.req.method, path, route, status: c.res.status, duration_ms: Math.round(seconds * 10_000) / 10, client: clientAddress(c) },
        'request',
      );
    }
  };
}

/**
 * Prometheus' /metrics on a port of its own: reachable on the internal network (or loopback) where
 * the scraper is, never through the public proxy. Resolves with the port it listens on.
 */
export function serveMetrics(metrics: Registry, { port, host }: { port: number; host: string }): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.metrics().then(
      (body) => response.writeHead(200, { 'Content-Type': metrics.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
