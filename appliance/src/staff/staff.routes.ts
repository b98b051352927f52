import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { errors, guardedRouter, IdParam } from '../shared/openapi.js';
import { CreateStaffBody, StaffSchema, UpdateStaffBody } from './staff.schema.js';

const tags = ['staff'];
const manager = { security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });
const Unlocked = z.object({ unlocked: z.literal(true) });

const list = createRoute({
  operationId: 'listStaff',
  method: 'get',
  path: '/',
  tags,
  ...manager,
  summary: 'All staff, active first (never PINs)',
  responses: { 200: json(z.array(StaffSchema), 'Staff'), ...errors.manager() },
});
const create = createRoute({
  operationId: 'createStaff',
  method: 'post',
  path: '/',
  tags,
  ...manager,
  summary: 'Add a staff member (only an admin may add an admin)',
  request: jsonBody(CreateStaffBody),
  responses: { 201: json(StaffSchema, 'Created'), ...errors.manager({ 400: ['invalid_assistants'], 409: ['username_taken'] }) },
});
const update = createRoute({
  operationId: 'updateStaff',
  method: 'put',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Edit, reset the PIN, (de)activate or set assistants',
  request: { params: IdParam, ...jsonBody(UpdateStaffBody) },
  responses: {
    200: json(StaffSchema, 'Updated'),
    ...errors.manager({ 400: ['invalid_assistants'], 404: ['not_found'], 409: ['username_taken', 'cannot_deactivate_self', 'cannot_demote_self'] }),
  },
});
const remove = createRoute({
  operationId: 'deactivateStaff',
  method: 'delete',
  path: '/{id}',
  tags,
  ...manager,
  summary: 'Deactivate a staff member (their sessions end at once)',
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deactivated'), ...errors.manager({ 404: ['not_found'], 409: ['cannot_deactivate_self'] }) },
});

const unlock = createRoute({
  operationId: 'unlockStaff',
  method: 'post',
  path: '/{id}/unlock',
  tags,
  ...manager,
  summary: 'Let a staff member locked out by wrong PINs try again, from every phone (audited)',
  request: { params: IdParam },
  responses: { 200: json(Unlocked, 'Unlocked'), ...errors.manager({ 404: ['not_found'] }) },
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
