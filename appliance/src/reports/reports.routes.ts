import type { Access } from '../auth/access.js';
import { createRoute } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, errors, json } from '@tavli/server-kit/openapi';
import { guardedRouter } from '../shared/openapi.js';
import { ShiftQuery, ShiftReportSchema } from './reports.schema.js';

const shift = createRoute({
  method: 'get',
  path: '/shift',
  tags: ['reports'],
  security: bearer,
  middleware: requireManager,
  summary: 'Takings, tips, VAT per rate, per waiter and product, voids and open orders',
  request: { query: ShiftQuery },
  responses: { 200: json(ShiftReportSchema, 'Shift report'), ...errors() },
});

export function reportsRoutes(_ctx: AppContext, { reports }: Services, access: Access) {
  return guardedRouter(access.member).openapi(shift, (c) => c.json(reports.shift(c.req.valid('query')), 200));
}
