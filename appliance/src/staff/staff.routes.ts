import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, errors, json, jsonBody } from '@tavli/server-kit/openapi';
import { guardedRouter, IdParam } from '../shared/openapi.js';
import { CreateStaffBody, StaffSchema, UpdateStaffBody } from './staff.schema.js';

const tags = ['staff'];
const manager = { security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });
const Unlocked = z.object({ unlocked: z.literal(true) });

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  ...manager,
  summary: 'All staff, active first (never PINs)',
  responses: { 200: json(z.array(StaffSchema), 'Staff'), ...errors() },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  ...manager,
  summary: 'Add a staff member (only an admin may add an admin)',
  request: jsonBody(CreateStaffBody),
  responses: { 201: json(StaffSchema, 'Created'), ...errors() },
});
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Edit, reset the PIN, (de)activate or set assistants',
  request: { params: IdParam, ...jsonBody(UpdateStaffBody) },
  responses: { 200: json(StaffSchema, 'Updated'), ...errors() },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Deactivate a staff member (their sessions end at once)',
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deactivated'), ...errors() },
});

const unlock = createRoute({
  method: 'post',
  path: '/{id}/unlock',
  tags,
  ...manager,
  summary: 'Let a staff member locked out by wrong PINs try again, from every phone (audited)',
  request: { params: IdParam },
  responses: { 200: json(Unlocked, 'Unlocked'), ...errors() },
});

export function staffRoutes(ctx: AppContext, { staff, auth }: Services, access: Access) {
  return guardedRouter(access.member)
    .openapi(list, (c) => c.json(staff.list(), 200))
    .openapi(create, async (c) => {
      const { pin, ...input } = c.req.valid('json');
      const pinHash = await staff.hashPin(pin);
      return mutateJson(c, ctx, 201, (tx) => staff.create(tx, c.get('user'), input, pinHash));
    })
    .openapi(update, async (c) => {
      const { pin, ...input } = c.req.valid('json');
      const pinHash = pin === undefined ? undefined : await staff.hashPin(pin);
      return mutateJson(c, ctx, 200, (tx) => staff.update(tx, c.get('user'), c.req.valid('param').id, input, pinHash));
    })
    .openapi(unlock, (c) =>
      mutateJson(c, ctx, 200, (tx) => {
        const username = staff.unlock(tx, c.get('user'), c.req.valid('param').id);
        tx.afterCommit(() => auth.clearLock(username));
        return { unlocked: true as const };
      }),
    )
    .openapi(remove, (c) => mutateJson(c, ctx, 200, (tx) => (staff.remove(tx, c.get('user'), c.req.valid('param').id), { deleted: true as const })));
}
