import crypto from 'node:crypto';
import type { MenuService } from '../menu/menu.service.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict, found } from '../shared/errors.js';
import { priceLine } from './line-pricing.js';
import type { OrderCore } from './order-core.js';
import { toLineView, totalsOf } from './order-view.js';
import { findLines, insertLine, listLines, nextLineSeq, updateLine } from './orders.repository.js';
import type { NewLine } from './orders.schema.js';

export function createOrderLinesService(ctx: AppContext, core: OrderCore, menu: MenuService) {
  const { db } = ctx;

  /** Line ids already stored: a replay of them is answered, never stored (or printed) again. */
  function alreadyStored(orderId: string, items: NewLine[]) {
    const ids = items.flatMap((item) => (item.id ? [item.id] : []));
    if (new Set(ids).size !== ids.length) throw badRequest('duplicate_line_id', 'The same line id appears twice in one request');
    const stored = findLines(db, ids);
    for (const line of stored) {
      if (line.order_id !== orderId) throw conflict('line_id_conflict', `Line ${line.id} belongs to another order`);
    }
    return new Map(stored.map((line) => [line.id, line]));
  }

  return {
    /** Appends lines (never rewrites the order), checking every choice and taking limited stock. */
    addItems(user: AuthUser, orderId: string, items: NewLine[]) {
      let order = core.active(user, orderId);
      const stored = alreadyStored(orderId, items);
      const now = core.now();
      let seq = nextLineSeq(db, orderId);
      const lineIds: string[] = [];
      for (const item of items) {
        const id = item.id ?? crypto.randomUUID();
        lineIds.push(id);
        if (stored.has(id)) continue;
        const product = menu.productForOrder(item.product_id);
        const snapshot = priceLine(product, item);
        menu.takeStock(product, item.quantity);
        insertLine(db, {
          id,
          seq: seq++,
          order_id: orderId,
          product_id: product.id,
          quantity: item.quantity,
          note: item.note,
          status: 'sent',
          created_by: user.id,
          created_at: now,
          ...snapshot,
          options: JSON.stringify(snapshot.options),
          preferences: JSON.stringify(snapshot.preferences),
          removed_ingredients: JSON.stringify(snapshot.removed_ingredients),
        });
      }
      if (stored.size < lineIds.length) {
        order = core.refreshStatus(order);
        core.announce(orderId, order.table_id);
      }
      const lines = findLines(db, lineIds);
      const byId = new Map(lines.map((line) => [line.id, line]));
      return { ...totalsOf(order, listLines(db, orderId)), items: lineIds.map((id) => toLineView(byId.get(id)!)) };
    },

    /** A manager voids a line that has not been paid, with a reason. */
    voidLine(user: AuthUser, orderId: string, lineId: string, reason: string) {
      const order = core.active(user, orderId);
      const line = found(findLines(db, [lineId]).find((candidate) => candidate.order_id === orderId), 'Order line');
      if (line.status === 'void') throw conflict('line_void', 'This line is already void');
      if (line.status === 'paid') throw conflict('line_paid', 'A paid line cannot be voided');
      updateLine(db, lineId, { status: 'void', void_reason: reason, voided_by: user.id, voided_at: core.now() });
      core.audit(user, { action: 'void', entity: 'order_item', entityId: lineId, details: { order_id: orderId, name: line.name, quantity: line.quantity, reason } });
      core.refreshStatus(order);
      core.announce(orderId, order.table_id);
      return core.view(orderId);
    },
  };
}
