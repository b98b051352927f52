import type { Access } from '../auth/access.js';
import { createRoute } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json } from '@tavli/server-kit/openapi';
import { errors, guardedRouter } from '../shared/openapi.js';
import { AuditPageSchema, AuditQuery } from './audit.schema.js';

const list = createRoute({
  operationId: 'listAuditEntries',
  method: 'get',
  path: '/',
  tags: ['audit'],
  security: bearer,
  middleware: requireManager,
  summary: 'The audit log, newest first: sign-ins (failed too), voids, cancellations, payments, menu and price changes, moves; who, when, from where',
  request: { query: AuditQuery },
  responses: { 200: json(AuditPageSchema, 'One page'), ...errors.manager({ 400: ['invalid_cursor', 'invalid_date'] }) },
});

export function auditRoutes(_ctx: AppContext, { audit }: Services, access: Access) {
  return guardedRouter(access.member).openapi(list, (c) => c.json(audit.page(c.req.valid('query')), 200));
}
