import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../shared/context.js';
import { json } from '@tavli/server-kit/openapi';
import { createRouter } from '../shared/openapi.js';

const Health = z.object({ status: z.literal('ok'), version: z.string(), uptime_s: z.number(), db: z.literal('ok') }).openapi('Health');

const health = createRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database check (no auth)',
  responses: { 200: json(Health, 'Healthy') },
});

export function systemRoutes(ctx: AppContext) {
  return createRouter().openapi(health, (c) => {
    ctx.db.sqlite.prepare('SELECT 1').get();
    return c.json({ status: 'ok' as const, version: ctx.version, uptime_s: Math.round((Date.now() - ctx.startedAt) / 1000), db: 'ok' as const }, 200);
  });
}
