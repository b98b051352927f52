import type { Access } from '../auth/access.js';
import { createRoute } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { mutateJson } from '../idempotency/idempotency.js';
import { PrintJobSchema } from '../printing/printing.schema.js';
import { errors, guardedRouter } from '../shared/openapi.js';
import { PrintShiftBody, ShiftQuery, ShiftReportSchema } from './reports.schema.js';

const shift = createRoute({
  operationId: 'getShiftReport',
  method: 'get',
  path: '/shift',
  tags: ['reports'],
  security: bearer,
  middleware: requireManager,
  summary: 'Takings, tips, VAT per rate, per waiter and product, voids and open orders',
  request: { query: ShiftQuery },
  responses: { 200: json(ShiftReportSchema, 'Shift report'), ...errors.manager({ 400: ['invalid_date', 'invalid_range'] }) },
});

const printShift = createRoute({
  operationId: 'printShiftReport',
  method: 'post',
  path: '/shift/print',
  tags: ['reports'],
  security: bearer,
  middleware: requireManager,
  summary: 'Print the end-of-day ("Z") summary of the same range on the bill printer, in Greek',
  request: { query: ShiftQuery, ...jsonBody(PrintShiftBody, false) },
  responses: {
    202: json(PrintJobSchema, 'Queued for printing'),
    ...errors.manager({ 400: ['invalid_date', 'invalid_range'], 404: ['not_found'], 409: ['no_bill_printer'] }),
  },
});

export function reportsRoutes(ctx: AppContext, { reports }: Services, access: Access) {
  return guardedRouter(access.member)
    .openapi(shift, (c) => c.json(reports.shift(c.req.valid('query')), 200))
    .openapi(printShift, (c) => mutateJson(c, ctx, 202, (tx) => reports.printShift(tx, c.get('user'), c.req.valid('query'), c.req.valid('json')?.printer_id)));
}
