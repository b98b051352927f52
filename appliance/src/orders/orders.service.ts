import crypto from 'node:crypto';
import { findActiveUser } from '../auth/users.repository.js';
import type { MenuService } from '../menu/menu.service.js';
import type { PrintingService } from '../printing/printing.service.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict, forbidden, found } from '../shared/errors.js';
import { hasRole } from '../auth/auth.middleware.js';
import type { TablesService } from '../tables/tables.service.js';
import { createOrderCore } from './order-core.js';
import { listLineAmounts } from './order-lines.repository.js';
import { createOrderLinesService } from './order-lines.service.js';
import { createOrderPrintingService } from './order-printing.service.js';
import { listPage, type ListQuery } from './order-list.js';
import { totalsOf } from './order-view.js';
import { addOrderWaiter, findActiveOrderOnTable, findOrder, insertOrder, listMyActiveOrderIds, moveOrderContents, updateOrder } from './orders.repository.js';
import { createPaymentsService } from './payments.service.js';

export function createOrdersService(ctx: AppContext, deps: { tables: TablesService; menu: MenuService; printing: PrintingService }) {
  const { db } = ctx;
  const core = createOrderCore(ctx, deps.tables, deps.printing);

  const assertTableFree = (tableId: number) => {
    const existing = findActiveOrderOnTable(db, tableId);
    if (existing) throw conflict('table_occupied', 'This table already has an open order', { order_id: existing.id });
  };

  const finish = (tx: Tx, user: AuthUser, orderId: string, status: 'closed' | 'cancelled', reason: string | null) => {
    updateOrder(tx, orderId, { status, closed_at: core.now(), closed_by: user.id, close_reason: reason });
  };

  return {
    ...createOrderLinesService(ctx, core, deps.menu, deps.printing),
    ...createOrderPrintingService(ctx, core, deps.printing),
    ...createPaymentsService(ctx, core),

    /** Opens the table's order; the same client-minted id again returns the same order. */
    open(tx: Tx, user: AuthUser, input: { table_id: number; id?: string | undefined }) {
      if (input.id) {
        const existing = findOrder(db, input.id);
        if (existing) {
          if (existing.table_id !== input.table_id) throw conflict('order_id_conflict', 'This order id belongs to another table');
          return core.view(core.accessible(user, existing.id).id);
        }
      }
      deps.tables.requireTable(input.table_id);
      assertTableFree(input.table_id);
      const id = input.id ?? crypto.randomUUID();
      const now = core.now();
      insertOrder(tx, {
        id,
        table_id: input.table_id,
        status: 'open',
        opened_by: user.id,
        opened_at: now,
        closed_at: null,
        closed_by: null,
        close_reason: null,
        merged_into: null,
      });
      addOrderWaiter(tx, id, user.id, now);
      core.announce(tx, id, input.table_id);
      return core.view(id);
    },

    get: (user: AuthUser, orderId: string) => core.view(core.accessible(user, orderId).id),

    mine: (user: AuthUser) => listMyActiveOrderIds(db, user.id).map(core.view),

    list: (query: ListQuery) => listPage(db, ctx.config.timeZone, query, core.view),

    addWaiter(tx: Tx, user: AuthUser, orderId: string, waiterId: number) {
      const order = core.active(user, orderId);
      found(findActiveUser(db, waiterId), 'Staff member');
      addOrderWaiter(tx, orderId, waiterId, core.now());
      core.announce(tx, orderId, order.table_id);
      return core.view(orderId);
    },

    /** Moves an order to a free table. */
    move(tx: Tx, user: AuthUser, orderId: string, tableId: number) {
      const order = core.active(user, orderId);
      if (tableId === order.table_id) return core.view(orderId);
      deps.tables.requireTable(tableId);
      assertTableFree(tableId);
      updateOrder(tx, orderId, { table_id: tableId });
      core.audit(tx, user, { action: 'table_move', entity: 'order', entityId: orderId, details: { from_table_id: order.table_id, to_table_id: tableId } });
      core.announce(tx, orderId, order.table_id, tableId);
      return core.view(orderId);
    },

    /** Brings another table's lines, payments and waiters into this order and frees that table. */
    merge(tx: Tx, user: AuthUser, orderId: string, fromOrderId: string) {
      if (orderId === fromOrderId) throw badRequest('same_order', 'An order cannot be merged into itself');
      const target = core.active(user, orderId);
      const source = core.active(user, fromOrderId);
      const owns = (order: typeof target) => hasRole(user.role, 'manager') || order.opened_by === user.id;
      if (!owns(target) || !owns(source)) throw forbidden('Only a manager or the waiter who opened both orders may merge them');
      moveOrderContents(tx, fromOrderId, orderId, core.now());
      updateOrder(tx, fromOrderId, { merged_into: orderId });
      finish(tx, user, fromOrderId, 'closed', 'merged');
      core.refreshStatus(tx, target);
      core.audit(tx, user, {
        action: 'orders_merged',
        entity: 'order',
        entityId: orderId,
        details: { from_order_id: fromOrderId, from_table_id: source.table_id },
      });
      core.announce(tx, orderId, target.table_id, source.table_id);
      core.announce(tx, fromOrderId);
      return core.view(orderId);
    },

    /** Closes a fully paid order (a manager may close an unpaid one with a reason); the table is free again. */
    close(tx: Tx, user: AuthUser, orderId: string, reason: string | undefined) {
      const order = core.active(user, orderId);
      const { unpaid_cents } = totalsOf(order, listLineAmounts(db, orderId));
      if (unpaid_cents > 0) {
        if (!hasRole(user.role, 'manager')) throw conflict('unpaid_items', 'Items are still unpaid', { unpaid_cents });
        if (!reason) throw badRequest('reason_required', 'Closing with unpaid items needs a reason', { unpaid_cents });
      }
      finish(tx, user, orderId, 'closed', reason ?? null);
      core.audit(tx, user, { action: 'order_closed', entity: 'order', entityId: orderId, details: { unpaid_cents, reason: reason ?? null } });
      core.announce(tx, orderId, order.table_id);
      return core.view(orderId);
    },

    /** A manager cancels an order that has taken no payment. */
    cancel(tx: Tx, user: AuthUser, orderId: string, reason: string) {
      const order = core.active(user, orderId);
      if (totalsOf(order, listLineAmounts(db, orderId)).paid_cents > 0) throw conflict('has_payments', 'An order with payments cannot be cancelled');
      finish(tx, user, orderId, 'cancelled', reason);
      core.audit(tx, user, { action: 'order_cancelled', entity: 'order', entityId: orderId, details: { reason, table_id: order.table_id } });
      core.announce(tx, orderId, order.table_id);
      return core.view(orderId);
    },
  };
}
