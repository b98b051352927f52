import { hasRole } from '../auth/auth.middleware.js';
import { recordAudit, type AuditEntry } from '../audit/audit.repository.js';
import type { PrintingService } from '../printing/printing.service.js';
import type { PrintOrder } from '../printing/tickets.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { conflict, forbidden, found } from '../shared/errors.js';
import { isoNow } from '@tavli/server-kit/clock';
import type { TablesService } from '../tables/tables.service.js';
import { ACTIVE_ORDER_STATUSES } from './order-status.js';
import { buildOrderView, paymentStatusOf, totalsOf } from './order-view.js';
import { listLineAmounts, type LineAmount } from './order-lines.repository.js';
import { findOrder, findOrderForUser, findTableLabel, orderAudience, updateOrder, type OrderRow } from './orders.repository.js';

/** What every order operation shares: finding, permission checks, status upkeep and announcing. */
export function createOrderCore(ctx: AppContext, tables: TablesService, printing: PrintingService) {
  const { db } = ctx;

  /** The order, if this user may read and act on it (404 / 403 otherwise). */
  const accessible = (user: AuthUser, orderId: string): OrderRow => {
    const { may_act, ...order } = found(findOrderForUser(db, orderId, user.id), 'Order');
    if (!may_act && !hasRole(user.role, 'manager')) throw forbidden('This order belongs to another waiter');
    return order;
  };

  /** An accessible order that still occupies its table. */
  const active = (user: AuthUser, orderId: string): OrderRow => {
    const order = accessible(user, orderId);
    if (!ACTIVE_ORDER_STATUSES.includes(order.status)) throw conflict('order_closed', `This order is already ${order.status}`);
    return order;
  };

  /** Recomputes open / partially_paid / paid from the lines after a change to them (pass them if already known). */
  const refreshStatus = (tx: Tx, order: OrderRow, lines: LineAmount[] = listLineAmounts(tx, order.id)): OrderRow => {
    const status = paymentStatusOf(lines);
    if (status !== order.status) updateOrder(tx, order.id, { status });
    return { ...order, status };
  };

  /** After commit: the order's summary to those who may see it, and its table's state to everyone. */
  const announce = (tx: Tx, orderId: string, ...tableIds: number[]) => {
    tx.afterCommit(() => {
      if (!ctx.events.hasSubscribers) return;
      const order = findOrder(db, orderId);
      if (!order) return;
      ctx.events.publish({ type: 'order.updated', data: totalsOf(order, listLineAmounts(db, orderId)), audience: orderAudience(db, order) });
    });
    for (const tableId of new Set(tableIds)) tables.announce(tx, tableId);
  };

  return {
    accessible,
    active,
    refreshStatus,
    announce,
    view: (orderId: string) => buildOrderView(db, found(findOrder(db, orderId), 'Order'), printing.lineStatuses),
    now: () => isoNow(ctx.clock),
    /** The header of anything printed for this order. */
    printOrder: (order: OrderRow, waiter: string): PrintOrder => ({ id: order.id, table_label: findTableLabel(db, order.table_id), waiter }),
    audit: (tx: Tx, user: AuthUser, entry: Omit<AuditEntry, 'actor'>) => recordAudit(tx, { ...entry, actor: user }, isoNow(ctx.clock)),
  };
}

export type OrderCore = ReturnType<typeof createOrderCore>;
