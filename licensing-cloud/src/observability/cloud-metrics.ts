import { Counter, Gauge } from 'prom-client';
import type { MiddlewareHandler } from 'hono';
import type { OpenDatabase } from '../db/database.js';
import { metric, type Observability } from '@tavli/server-kit/observability';

/** What a heartbeat's answer status means, as the metric's `result` label. */
function heartbeatResult(status: number): string {
  if (status === 200) return 'issued';
  if (status === 401) return 'refused';
  if (status === 429) return 'rate_limited';
  return status < 500 ? 'invalid' : 'failed';
}

/** Counts heartbeats by result (put before the rate limits, so that their refusals count too). */
export function countHeartbeats({ metrics }: Observability): MiddlewareHandler {
  const heartbeats = metric(
    metrics,
    'tavli_heartbeats_total',
    (name) => new Counter({ name, help: 'Heartbeats answered, by result', labelNames: ['result'] as const, registers: [metrics] }),
  );
  return async (c, next) => {
    await next();
    heartbeats.inc({ result: heartbeatResult(c.res.status) });
  };
}

/** The PostgreSQL pool's connections, read when Prometheus scrapes. */
export function observePool({ metrics }: Observability, pool: OpenDatabase['pool']): void {
  if (!pool) return;
  new Gauge({
    name: 'tavli_db_pool_connections',
    help: 'PostgreSQL pool connections, by state (total, idle, and requests waiting for one)',
    labelNames: ['state'] as const,
    registers: [metrics],
    collect() {
      const now = pool();
      this.set({ state: 'total' }, now.total);
      this.set({ state: 'idle' }, now.idle);
      this.set({ state: 'waiting' }, now.waiting);
    },
  });
}
