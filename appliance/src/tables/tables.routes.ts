import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { errors, guardedRouter, IdParam } from '../shared/openapi.js';
import { BatchTablesBody, CreateGroupBody, CreateTableBody, TableGroupSchema, TableSchema, UpdateGroupBody, UpdateTableBody } from './tables.schema.js';

const tags = ['tables'];
const manager = { security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });

const list = createRoute({
  operationId: 'listTables',
  method: 'get',
  path: '/',
  tags,
  security: bearer,
  summary: 'Every active table with its live state',
  responses: { 200: json(z.array(TableSchema), 'Tables'), ...errors.member() },
});
const create = createRoute({
  operationId: 'createTable',
  method: 'post',
  path: '/',
  summary: 'Add a table to a group',
  tags,
  ...manager,
  request: jsonBody(CreateTableBody),
  responses: { 201: json(TableSchema, 'Created'), ...errors.manager({ 404: ['not_found'], 409: ['label_taken'] }) },
});
const batch = createRoute({
  operationId: 'createTables',
  method: 'post',
  path: '/batch',
  tags,
  ...manager,
  summary: 'Create numbered tables, e.g. Β1…Β8',
  request: jsonBody(BatchTablesBody),
  responses: { 201: json(z.array(TableSchema), 'Created'), ...errors.manager({ 404: ['not_found'], 409: ['label_taken'] }) },
});
const listGroups = createRoute({
  operationId: 'listTableGroups',
  method: 'get',
  path: '/groups',
  summary: 'The table groups (rooms, terraces), in their order',
  tags,
  security: bearer,
  responses: { 200: json(z.array(TableGroupSchema), 'Groups'), ...errors.member() },
});
const createGroup = createRoute({
  operationId: 'createTableGroup',
  method: 'post',
  path: '/groups',
  summary: 'Add a table group',
  tags,
  ...manager,
  request: jsonBody(CreateGroupBody),
  responses: { 201: json(TableGroupSchema, 'Created'), ...errors.manager() },
});
const updateGroup = createRoute({
  operationId: 'updateTableGroup',
  method: 'put',
  path: '/groups/{id}',
  summary: 'Rename or reorder a table group',
  tags,
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdateGroupBody) },
  responses: { 200: json(TableGroupSchema, 'Updated'), ...errors.manager({ 404: ['not_found'] }) },
});
const deleteGroup = createRoute({
  operationId: 'deleteTableGroup',
  method: 'delete',
  path: '/groups/{id}',
  summary: 'Remove an empty table group',
  tags,
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.manager({ 404: ['not_found'], 409: ['group_not_empty'] }) },
});
const update = createRoute({
  operationId: 'updateTable',
  method: 'put',
  path: '/{id}',
  summary: 'Relabel a table, move it to another group or reorder it',
  tags,
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdateTableBody) },
  responses: { 200: json(TableSchema, 'Updated'), ...errors.manager({ 404: ['not_found'], 409: ['label_taken'] }) },
});
const remove = createRoute({
  operationId: 'deleteTable',
  method: 'delete',
  path: '/{id}',
  summary: 'Remove a table that has no open order',
  tags,
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.manager({ 404: ['not_found'], 409: ['table_in_use'] }) },
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
