import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../shared/context.js';
import { json } from '@tavli/server-kit/openapi';
import { canWrite } from '../db/database-health.js';
import { createRouter } from '../shared/openapi.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']).openapi({ description: '`degraded` while anything in `problems` stands; the appliance still serves' }),
    version: z.string(),
    uptime_s: z.number(),
    db: z.enum(['ok', 'damaged', 'locked']).openapi({
      description:
        '`damaged`: quick_check found faults at start-up, and only the recovery page is served (backup/recovery.ts); `locked`: another program holds the write lock',
    }),
    problems: z.array(z.string()),
    restore_from: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Only with `db: damaged`: the newest sound backup, for `tavli restore` (null when there is none)' }),
  })
  .openapi('Health');

/** The health answer, as the appliance and its recovery server (backup/recovery.ts) both give it. */
export type HealthAnswer = z.infer<typeof Health>;

const health = createRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and the database’s state (no auth): answers 200 while the appliance serves, saying what is wrong',
  responses: { 200: json(Health, 'Healthy') },
});

export function systemRoutes(ctx: AppContext) {
  return createRouter().openapi(health, (c) => {
    ctx.db.sqlite.prepare('SELECT 1').get();
    const locked = !canWrite(ctx.db);
    const problems = [...(locked ? ['database_locked'] : []), ...(ctx.db.diskNearlyFull() ? ['disk_nearly_full'] : [])];
    const db = locked ? 'locked' : 'ok';
    const uptime_s = Math.round((Date.now() - ctx.startedAt) / 1000);
    return c.json({ status: problems.length ? ('degraded' as const) : ('ok' as const), version: ctx.version, uptime_s, db, problems }, 200);
  });
}
