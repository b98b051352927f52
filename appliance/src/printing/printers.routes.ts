import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import { PrintJobSchema, PrintJobsQuery } from '../printing/printing.schema.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, json, jsonBody } from '@tavli/server-kit/openapi';
import { errors, guardedRouter, IdParam } from '../shared/openapi.js';
import { CreatePrinterBody, PrinterSchema, PrinterStatusSchema, TestResultSchema, UpdatePrinterBody } from './printers.schema.js';

const tags = ['printers'];
const manager = { tags, security: bearer, middleware: requireManager };
const Deleted = z.object({ deleted: z.literal(true) });

const list = createRoute({
  operationId: 'listPrinters',
  method: 'get',
  path: '/',
  ...manager,
  summary: 'Printers with their live state',
  responses: { 200: json(z.array(PrinterSchema), 'Printers'), ...errors.manager() },
});
const status = createRoute({
  operationId: 'listPrinterStatuses',
  method: 'get',
  path: '/status',
  tags,
  security: bearer,
  summary: 'Which printers are up and how many jobs wait (any signed-in user; live as printer.updated events)',
  responses: { 200: json(z.array(PrinterStatusSchema), 'Printer states'), ...errors.member() },
});
const jobs = createRoute({
  operationId: 'listPrintJobs',
  method: 'get',
  path: '/jobs',
  ...manager,
  summary: 'Print jobs, newest first, with a text preview of each',
  request: { query: PrintJobsQuery },
  responses: { 200: json(z.array(PrintJobSchema), 'Jobs'), ...errors.manager() },
});
const cancelJob = createRoute({
  operationId: 'cancelPrintJob',
  method: 'post',
  path: '/jobs/{id}/cancel',
  ...manager,
  summary: 'Stop retrying a waiting job (its lines stop waiting)',
  request: { params: IdParam },
  responses: { 200: json(PrintJobSchema, 'Cancelled'), ...errors.manager({ 404: ['not_found'], 409: ['job_not_queued'] }) },
});
const retryJob = createRoute({
  operationId: 'retryPrintJob',
  method: 'post',
  path: '/jobs/{id}/retry',
  ...manager,
  summary: 'Try a waiting job’s printer again now instead of at its next scheduled retry',
  request: { params: IdParam },
  responses: { 202: json(PrintJobSchema, 'Retrying'), ...errors.manager({ 404: ['not_found'], 409: ['job_not_queued'] }) },
});
const get = createRoute({
  operationId: 'getPrinter',
  method: 'get',
  path: '/{id}',
  summary: 'A printer with its live state',
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(PrinterSchema, 'Printer'), ...errors.manager({ 404: ['not_found'] }) },
});
const create = createRoute({
  operationId: 'createPrinter',
  method: 'post',
  path: '/',
  summary: 'Add a network printer (ESC/POS over TCP)',
  ...manager,
  request: jsonBody(CreatePrinterBody),
  responses: {
    201: json(PrinterSchema, 'Created'),
    ...errors.manager({ 400: ['unknown_encoding', 'invalid_fallback', 'invalid_printer_address'], 404: ['not_found'], 409: ['name_taken'] }),
  },
});
const update = createRoute({
  operationId: 'updatePrinter',
  method: 'put',
  path: '/{id}',
  summary: 'Change a printer’s address, zone, code page or fallback',
  ...manager,
  request: { params: IdParam, ...jsonBody(UpdatePrinterBody) },
  responses: {
    200: json(PrinterSchema, 'Updated'),
    ...errors.manager({ 400: ['unknown_encoding', 'invalid_fallback', 'invalid_printer_address'], 404: ['not_found'], 409: ['name_taken'] }),
  },
});
const remove = createRoute({
  operationId: 'deletePrinter',
  method: 'delete',
  path: '/{id}',
  summary: 'Remove a printer no product prints on and no job waits for',
  ...manager,
  request: { params: IdParam },
  responses: { 200: json(Deleted, 'Deleted'), ...errors.manager({ 404: ['not_found'], 409: ['printer_in_use', 'printer_has_jobs'] }) },
});
const test = createRoute({
  operationId: 'printTestPage',
  method: 'post',
  path: '/{id}/test',
  ...manager,
  summary: 'Print a test page now and say whether the printer took it',
  request: { params: IdParam },
  responses: { 200: json(TestResultSchema, 'Whether it printed'), ...errors.manager({ 404: ['not_found'] }) },
});

export function printersRoutes(ctx: AppContext, { printers, printing }: Services, access: Access) {
  return (
    guardedRouter(access.member)
      .openapi(list, (c) => c.json(printers.list(), 200))
      .openapi(status, (c) => c.json(printers.status(), 200))
      .openapi(jobs, (c) => {
        const query = c.req.valid('query');
        return c.json(printing.jobs({ printerId: query.printer_id, status: query.status, limit: query.limit }), 200);
      })
      .openapi(cancelJob, (c) => mutateJson(c, ctx, 200, (tx) => printing.cancel(tx, c.get('user'), c.req.valid('param').id)))
      .openapi(retryJob, (c) => c.json(printing.retry(c.req.valid('param').id), 202))
      .openapi(get, (c) => c.json(printers.get(c.req.valid('param').id), 200))
      .openapi(create, (c) => mutateJson(c, ctx, 201, (tx) => printers.create(tx, c.get('user'), c.req.valid('json'))))
      .openapi(update, (c) => mutateJson(c, ctx, 200, (tx) => printers.update(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
      .openapi(remove, (c) => mutateJson(c, ctx, 200, (tx) => (printers.remove(tx, c.get('user'), c.req.valid('param').id), { deleted: true as const })))
      // Awaits the printer on purpose (the manager asked "does it print?"); an Idempotency-Key replay is answered by the middleware.
      .openapi(test, async (c) => c.json(await printers.test(c.req.valid('param').id), 200))
  );
}
