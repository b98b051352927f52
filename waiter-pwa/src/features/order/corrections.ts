import { call, client } from '../../shared/api/client';

const order = client.api.orders[':id'];

/** A manager's username and PIN, typed on this phone for one action and then forgotten. */
export type Approval = { username: string; pin: string };

/** Corrections to a sent order: online only (each needs the appliance's answer, and a void or a cancellation a manager's PIN). */
export const corrections = {
  voidLine: (orderId: string, lineId: string, reason: string, approval: Approval) =>
    call(order.items[':item_id'].$delete, { param: { id: orderId, item_id: lineId }, json: { reason, approval } }, 200),
  cancel: (orderId: string, reason: string, approval: Approval) => call(order.$delete, { param: { id: orderId }, json: { reason, approval } }, 200),
  move: (orderId: string, tableId: number) => call(order.move.$post, { param: { id: orderId }, json: { table_id: tableId } }, 200),
  merge: (orderId: string, fromOrderId: string) => call(order.merge.$post, { param: { id: orderId }, json: { from_order_id: fromOrderId } }, 200),
  addWaiter: (orderId: string, userId: number) => call(order.waiters.$post, { param: { id: orderId }, json: { user_id: userId } }, 200),
};
