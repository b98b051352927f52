import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, errors, json, jsonBody } from '@tavli/server-kit/openapi';
import { guardedRouter, IdParam } from '../shared/openapi.js';
import { BatchTablesBody, CreateGroupBody, CreateTableBody, TableGroupSchema, TableSchema, UpdateGroupBody, UpdateTableBody } from './tables.schema.js';

const tags = ['tables'];
const manager = { security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  summary: 'Every active table with its live state',
  responses: { 200: json(z.array(TableSchema), 'Tables'), ...errors() },
});
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  ...manager,
  request: jsonBody(CreateTableBody),
  responses: { 201: json(TableSchema, 'Created'), ...errors() },
});
const batch = createRoute({
  method: 'post',
  path: '/batch',
  tags,
  ...manager,
  summary: 'Create numbered tables, e.g. Β1…Β8',
  request: jsonBody(BatchTablesBody),
  responses: { 201: json(z.array(TableSchema), 'Created'), ...errors() },
});
const listGroups = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  security: bearer,
  responses: { 200: json(z.array(TableGroupSchema), 'Groups'), ...errors() },
});
const createGroup = createRoute({
  method: 'post',
  path: '/groups',
  tags,
  ...manager,
  request: jsonBody(CreateGroupBody),
  responses: { 201: json(TableGroupSchema, 'Created'), ...errors() },
});
const updateGroup = createRoute({
  method: 'put',
  path: '/groups/{id}',
  tags,
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdateGroupBody) },
  responses: { 200: json(TableGroupSchema, 'Updated'), ...errors() },
});
const deleteGroup = createRoute({
  method: 'delete',
  path: '/groups/{id}',
  tags,
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors() },
});
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdateTableBody) },
  responses: { 200: json(TableSchema, 'Updated'), ...errors() },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors() },
});

export function tablesRoutes(ctx: AppContext, { tables }: Services, access: Access) {
  const deleted = { deleted: true as const };
  return guardedRouter(access.member)
    .openapi(list, (c) => c.json(tables.list(), 200))
    .openapi(create, (c) => mutateJson(c, ctx, 201, (tx) => tables.create(tx, c.get('user'), c.req.valid('json'))))
    .openapi(batch, (c) => mutateJson(c, ctx, 201, (tx) => tables.createBatch(tx, c.get('user'), c.req.valid('json'))))
    .openapi(listGroups, (c) => c.json(tables.groups(), 200))
    .openapi(createGroup, (c) => mutateJson(c, ctx, 201, (tx) => tables.createGroup(tx, c.get('user'), c.req.valid('json'))))
    .openapi(updateGroup, (c) => mutateJson(c, ctx, 200, (tx) => tables.updateGroup(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
    .openapi(deleteGroup, (c) => mutateJson(c, ctx, 200, (tx) => (tables.removeGroup(tx, c.get('user'), c.req.valid('param').id), deleted)))
    .openapi(update, (c) => mutateJson(c, ctx, 200, (tx) => tables.update(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
    .openapi(remove, (c) => mutateJson(c, ctx, 200, (tx) => (tables.remove(tx, c.get('user'), c.req.valid('param').id), deleted)));
}
