import type { Access } from '../auth/access.js';
import { createRoute, z } from '@hono/zod-openapi';
import { managerOrApproval, requireManager } from '../auth/auth.middleware.js';
import { mutateJson } from '../idempotency/idempotency.js';
import { QueuedJobsSchema } from '../printing/printing.schema.js';
import type { Services } from '../services.js';
import type { AppContext } from '../shared/context.js';
import type { ErrorCode } from '../shared/errors.js';
import { bearer, json, jsonBody, type ErrorSpec } from '@tavli/server-kit/openapi';
import { ApprovedReasonBody, errors, guarded, guardedRouter, UuidParam } from '../shared/openapi.js';
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
/** What any change to an existing order can meet: not there, another waiter's, or already closed. */
const ON_ORDER = { 403: ['forbidden'], 404: ['not_found'], 409: ['order_closed'] } as const;
/** Lines priced from the menu: a choice the product does not offer, or a product that cannot be sold now. */
const NEW_LINES = {
  400: ['invalid_choice', 'duplicate_line_id'],
  404: ['not_found'],
  409: ['product_unavailable', 'out_of_stock', 'line_id_conflict'],
} as const;
/** A waiter acting with a manager's approval: refused PIN, or throttled after wrong ones. */
const APPROVED = { 403: ['approval_refused'], 429: ['too_many_attempts'] } as const;
const order = (description: string, ...specs: Array<ErrorSpec<ErrorCode>>) => ({
  200: json(OrderSchema, description),
  ...errors.member(ON_ORDER, ...specs),
});
const LineParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  item_id: z.uuid().openapi({ param: { name: 'item_id', in: 'path' } }),
});

const open = createRoute({
  operationId: 'openOrder',
  method: 'post',
  path: '/',
  ...auth,
  summary: "Open a table's order (the opener becomes its waiter)",
  request: jsonBody(OpenOrderBody),
  responses: { 201: json(OrderSchema, 'The open order'), ...errors.member({ 404: ['not_found'], 409: ['table_occupied', 'order_id_conflict'] }) },
});
const list = createRoute({
  operationId: 'listOrders',
  method: 'get',
  path: '/',
  ...manager,
  summary: 'Orders, newest first, filtered and paged',
  request: { query: ListOrdersQuery },
  responses: { 200: json(OrderPageSchema, 'A page of orders'), ...errors.manager({ 400: ['invalid_cursor', 'invalid_date'] }) },
});
const mine = createRoute({
  operationId: 'listMyOrders',
  method: 'get',
  path: '/my',
  ...auth,
  summary: "The signed-in waiter's own and assisted active orders",
  responses: { 200: json(z.array(OrderSchema), 'Orders'), ...errors.member() },
});
const get = createRoute({
  operationId: 'getOrder',
  method: 'get',
  path: '/{id}',
  ...auth,
  summary: 'An order with its lines, payments and totals (its waiters, assistants and managers)',
  request: { params: UuidParam },
  responses: { 200: json(OrderSchema, 'The order'), ...errors.member({ 403: ['forbidden'], 404: ['not_found'] }) },
});
const addItems = createRoute({
  operationId: 'addOrderItems',
  method: 'post',
  path: '/{id}/items',
  ...auth,
  summary: 'Append lines; a line id already stored is answered, never stored twice',
  request: { params: UuidParam, ...jsonBody(AddItemsBody) },
  responses: { 201: json(AddedItemsSchema, 'The lines of this request and the order totals'), ...errors.member(ON_ORDER, NEW_LINES) },
});
const pay = createRoute({
  operationId: 'payOrderItems',
  method: 'post',
  path: '/{id}/pay',
  ...auth,
  summary: 'Pay lines, or part of a line',
  request: { params: UuidParam, ...jsonBody(PayBody) },
  responses: {
    201: json(PaymentResultSchema, 'The payment and the order'),
    ...errors.member(ON_ORDER, { 400: ['duplicate_line_id', 'unknown_line', 'quantity_exceeds_line'], 409: ['already_paid', 'line_void'] }),
  },
});
const close = createRoute({
  operationId: 'closeOrder',
  method: 'post',
  path: '/{id}/close',
  ...auth,
  summary: 'Close a paid order (a manager may close an unpaid one with a reason)',
  request: { params: UuidParam, ...jsonBody(CloseBody, false) },
  responses: order('Closed', { 400: ['reason_required'], 409: ['unpaid_items'] }),
});
const move = createRoute({
  operationId: 'moveOrder',
  method: 'post',
  path: '/{id}/move',
  ...auth,
  summary: 'Move the order to a free table',
  request: { params: UuidParam, ...jsonBody(MoveBody) },
  responses: order('Moved', { 409: ['table_occupied'] }),
});
const merge = createRoute({
  operationId: 'mergeOrders',
  method: 'post',
  path: '/{id}/merge',
  ...auth,
  summary: "Merge another table's order into this one",
  request: { params: UuidParam, ...jsonBody(MergeBody) },
  responses: order('Merged', { 400: ['same_order'] }),
});
const addWaiter = createRoute({
  operationId: 'addOrderWaiter',
  method: 'post',
  path: '/{id}/waiters',
  ...auth,
  summary: 'Add an assisting waiter',
  request: { params: UuidParam, ...jsonBody(AddWaiterBody) },
  responses: order('Waiter added'),
});
const voidLine = createRoute({
  operationId: 'voidOrderItem',
  method: 'delete',
  path: '/{id}/items/{item_id}',
  ...auth,
  summary: 'Void a line, with a reason (a manager, or a waiter with a manager’s approval)',
  request: { params: LineParams, ...jsonBody(ApprovedReasonBody) },
  responses: order('Line voided', APPROVED, { 409: ['line_void', 'line_paid'] }),
});
const bill = createRoute({
  operationId: 'printOrderBill',
  method: 'post',
  path: '/{id}/bill',
  ...auth,
  summary: "Print the customer's check (default: the bill printer)",
  request: { params: UuidParam, ...jsonBody(BillBody, false) },
  responses: { 202: json(QueuedJobsSchema, 'Queued for printing'), ...errors.member(ON_ORDER, { 409: ['no_bill_printer'] }) },
});
const reprint = createRoute({
  operationId: 'reprintOrder',
  method: 'post',
  path: '/{id}/reprint',
  ...auth,
  summary: "Reprint the order's kitchen tickets (or only item_ids), marked as a copy",
  request: { params: UuidParam, ...jsonBody(ReprintBody, false) },
  responses: { 202: json(QueuedJobsSchema, 'Queued for printing'), ...errors.member(ON_ORDER, { 400: ['unknown_line'], 409: ['line_void'] }) },
});
const cancel = createRoute({
  operationId: 'cancelOrder',
  method: 'delete',
  path: '/{id}',
  ...auth,
  summary: 'Cancel an order, with a reason (a manager, or a waiter with a manager’s approval)',
  request: { params: UuidParam, ...jsonBody(ApprovedReasonBody) },
  responses: order('Cancelled', APPROVED, { 409: ['has_payments'] }),
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
