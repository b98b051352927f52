import { createRoute } from '@hono/zod-openapi';
import { bearer, json } from '@tavli/server-kit/openapi';
import { requireAdmin } from '../admins/admins.middleware.js';
import type { Services } from '../services.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import { createRouter, errors } from '../shared/openapi.js';
import type { CloudContext } from '../shared/context.js';
import { listActivity } from './activity.repository.js';
import { ActivityPageSchema, ActivityQuery, type ActivityQueryInput } from './activity.schema.js';

const list = createRoute({
  operationId: 'listActivity',
  method: 'get',
  path: '/',
  tags: ['activity'],
  security: bearer,
  summary: 'Every admin action, newest first: sign-ins and failures, registrations, edits, locks, unlocks, key rotations, deregistrations, admin changes',
  request: { query: ActivityQuery },
  responses: { 200: json(ActivityPageSchema, 'One page'), ...errors.signedIn({ 400: ['invalid_cursor'] }) },
});

const toAfter = ({ key, id }: { key: string; id: string }) => ({ at: key, id });

async function page({ db }: CloudContext, query: ActivityQueryInput) {
  const filter = { from: query.from, to: query.to, adminId: query.admin_id, action: query.action };
  const rows = await listActivity(db, filter, query.cursor === undefined ? undefined : toAfter(decodeCursor(query.cursor)), query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  const last = items.at(-1);
  return { items, next_cursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
}

/** The activity log: every admin may read it; nobody can change it (the database refuses). */
export function activityRoutes(ctx: CloudContext, { admins }: Services) {
  const router = createRouter();
  router.use(requireAdmin(admins));
  return router.openapi(list, async (c) => c.json(await page(ctx, c.req.valid('query')), 200));
}
