import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { managerOrApproval, requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import { QueuedJobsSchema } from '../printing/printing.schema.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import { bearer, errors, json, jsonBody } from '@tavli/server-kit/openapi';
import { ApprovedReasonBody, guarded, guardedRouter, UuidParam } from '../shared/openapi.js';
import {
  AddedItemsSchema,
  AddItemsBody,
  AddWaiterBody,
  BillBody,
  CloseBody,
  ListOrdersQuery,
  MergeBody,
  MoveBody,
  OpenOrderBody,
  OrderPageSchema,
  OrderSchema,
  PaymentResultSchema,
  PayBody,
  ReprintBody,
} from './orders.schema.js';

const tags = ['orders'];
const auth = { tags, security: bearer };
const manager = { ...auth, middleware: requireManager };
const order = (description: string) => ({ 200: json(OrderSchema, description), ...errors() });
const LineParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  item_id: z.uuid().openapi({ param: { name: 'item_id', in: 'path' } }),
});

const open = createRoute({
  method: 'post',
  path: '/',
  ...auth,
  summary: "Open a table's order (the opener becomes its waiter)",
  request: jsonBody(OpenOrderBody),
  responses: { 201: json(OrderSchema, 'The open order'), ...errors() },
});
const list = createRoute({
  method: 'get',
  path: '/',
  ...manager,
  summary: 'Orders, newest first, filtered and paged',
  request: { query: ListOrdersQuery },
  responses: { 200: json(OrderPageSchema, 'A page of orders'), ...errors() },
});
const mine = createRoute({
  method: 'get',
  path: '/my',
  ...auth,
  summary: "The signed-in waiter's own and assisted active orders",
  responses: { 200: json(z.array(OrderSchema), 'Orders'), ...errors() },
});
const get = createRoute({ method: 'get', path: '/{id}', ...auth, request: { params: UuidParam }, responses: order('The order') });
const addItems = createRoute({
  method: 'post',
  path: '/{id}/items',
  ...auth,
  summary: 'Append lines; a line id already stored is answered, never stored twice',
  request: { params: UuidParam, ...jsonBody(AddItemsBody) },
  responses: { 201: json(AddedItemsSchema, 'The lines of this request and the order totals'), ...errors() },
});
const pay = createRoute({
  method: 'post',
  path: '/{id}/pay',
  ...auth,
  summary: 'Pay lines, or part of a line',
  request: { params: UuidParam, ...jsonBody(PayBody) },
  responses: { 201: json(PaymentResultSchema, 'The payment and the order'), ...errors() },
});
const close = createRoute({
  method: 'post',
  path: '/{id}/close',
  ...auth,
  summary: 'Close a paid order (a manager may close an unpaid one with a reason)',
  request: { params: UuidParam, ...jsonBody(CloseBody, false) },
  responses: order('Closed'),
});
const move = createRoute({
  method: 'post',
  path: '/{id}/move',
  ...auth,
  summary: 'Move the order to a free table',
  request: { params: UuidParam, ...jsonBody(MoveBody) },
  responses: order('Moved'),
});
const merge = createRoute({
  method: 'post',
  path: '/{id}/merge',
  ...auth,
  summary: "Merge another table's order into this one",
  request: { params: UuidParam, ...jsonBody(MergeBody) },
  responses: order('Merged'),
});
const addWaiter = createRoute({
  method: 'post',
  path: '/{id}/waiters',
  ...auth,
  summary: 'Add an assisting waiter',
  request: { params: UuidParam, ...jsonBody(AddWaiterBody) },
  responses: order('Waiter added'),
});
const voidLine = createRoute({
  method: 'delete',
  path: '/{id}/items/{item_id}',
  ...auth,
  summary: 'Void a line, with a reason (a manager, or a waiter with a manager’s approval)',
  request: { params: LineParams, ...jsonBody(ApprovedReasonBody) },
  responses: order('Line voided'),
});
const bill = createRoute({
  method: 'post',
  path: '/{id}/bill',
  ...auth,
  summary: "Print the customer's check (default: the bill printer)",
  request: { params: UuidParam, ...jsonBody(BillBody, false) },
  responses: { 202: json(QueuedJobsSchema, 'Queued for printing'), ...errors() },
});
const reprint = createRoute({
  method: 'post',
  path: '/{id}/reprint',
  ...auth,
  summary: "Reprint the order's kitchen tickets (or only item_ids), marked as a copy",
  request: { params: UuidParam, ...jsonBody(ReprintBody, false) },
  responses: { 202: json(QueuedJobsSchema, 'Queued for printing'), ...errors() },
});
const cancel = createRoute({
  method: 'delete',
  path: '/{id}',
  ...auth,
  summary: 'Cancel an order, with a reason (a manager, or a waiter with a manager’s approval)',
  request: { params: UuidParam, ...jsonBody(ApprovedReasonBody) },
  responses: order('Cancelled'),
});

export function ordersRoutes(ctx: AppContext, { orders, auth }: Services, access: Access) {
  const approved = managerOrApproval((username, pin, address) => auth.approve(username, pin, address));
  return guardedRouter(access.member)
    .openapi(open, (c) => mutateJson(c, ctx, 201, (tx) => orders.open(tx, c.get('user'), c.req.valid('json'))))
    .openapi(list, (c) => c.json(orders.list(c.req.valid('query')), 200))
    .openapi(mine, (c) => c.json(orders.mine(c.get('user')), 200))
    .openapi(get, (c) => c.json(orders.get(c.get('user'), c.req.valid('param').id), 200))
    .openapi(addItems, (c) => mutateJson(c, ctx, 201, (tx) => orders.addItems(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json').items)))
    .openapi(pay, (c) => mutateJson(c, ctx, 201, (tx) => orders.pay(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json'))))
    .openapi(close, (c) => mutateJson(c, ctx, 200, (tx) => orders.close(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json')?.reason)))
    .openapi(move, (c) => mutateJson(c, ctx, 200, (tx) => orders.move(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json').table_id)))
    .openapi(merge, (c) => mutateJson(c, ctx, 200, (tx) => orders.merge(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json').from_order_id)))
    .openapi(addWaiter, (c) => mutateJson(c, ctx, 200, (tx) => orders.addWaiter(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json').user_id)))
    .openapi(guarded(voidLine, [approved]), (c) => {
      const { id, item_id } = c.req.valid('param');
      return mutateJson(c, ctx, 200, (tx) => orders.voidLine(tx, c.get('user'), id, item_id, c.req.valid('json').reason));
    })
    .openapi(bill, (c) => mutateJson(c, ctx, 202, (tx) => orders.printBill(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json')?.printer_id)))
    .openapi(reprint, (c) => mutateJson(c, ctx, 202, (tx) => orders.reprint(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json')?.item_ids)))
    .openapi(guarded(cancel, [approved]), (c) =>
      mutateJson(c, ctx, 200, (tx) => orders.cancel(tx, c.get('user'), c.req.valid('param').id, c.req.valid('json').reason)),
    );
}
