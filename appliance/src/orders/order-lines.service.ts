import crypto from 'node:crypto';
import type { MenuService } from '../menu/menu.service.js';
import type { PrintingService } from '../printing/printing.service.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict, found } from '../shared/errors.js';
import { priceLine } from './line-pricing.js';
import type { OrderCore } from './order-core.js';
import { toLineView, totalsOf } from './order-view.js';
import { findLine, findLines, insertLine, listLineAmounts, updateLine, type LineRow } from './order-lines.repository.js';
import type { OrderRow } from './orders.repository.js';
import type { NewLine } from './orders.schema.js';

export function createOrderLinesService(ctx: AppContext, core: OrderCore, menu: MenuService, printing: PrintingService) {
  const { db } = ctx;

  /** Line ids already stored: a replay of them is answered, never stored (or printed) again. */
  function alreadyStored(orderId: string, items: NewLine[]) {
    const ids = items.flatMap((item) => (item.id ? [item.id] : []));
    if (new Set(ids).size !== ids.length) throw badRequest('duplicate_line_id', 'The same line id appears twice in one request');
    const stored = new Map<string, LineRow>();
    for (const id of ids) {
      const line = findLine(db, id);
      if (line && line.order_id !== orderId) throw conflict('line_id_conflict', `Line ${line.id} belongs to another order`);
      if (line) stored.set(id, line);
    }
    return stored;
  }

  /**
   * In the same write as the new lines (the outbox): their kitchen tickets; a line whose zone is
   * gone needs none and is sent at once. Answers the ids of the lines that will print.
   */
  function queueTickets(tx: Tx, user: AuthUser, order: OrderRow, lines: LineRow[]): Set<string> {
    const views = lines.map((line) => toLineView(line, 'not_printed'));
    const printed = printing.queueTickets(tx, user, core.printOrder(order, user.full_name), views);
    for (const line of lines) {
      if (line.status === 'pending' && !printed.has(line.id)) {
        updateLine(tx, line.id, { status: 'sent' });
        line.status = 'sent';
      }
    }
    return printed;
  }

  return {
    /** Appends lines (never rewrites the order), checking every choice and taking limited stock. */
    addItems(tx: Tx, user: AuthUser, orderId: string, items: NewLine[]) {
      let order = core.active(user, orderId);
      const stored = alreadyStored(orderId, items);
      const before = listLineAmounts(db, orderId);
      const now = core.now();
      let seq = before.reduce((max, line) => Math.max(max, line.seq), 0) + 1;
      const requested: LineRow[] = [];
      const created: LineRow[] = [];
      for (const item of items) {
        const storedLine = item.id === undefined ? undefined : stored.get(item.id);
        if (storedLine) {
          requested.push(storedLine);
          continue;
        }
        const product = menu.productForOrder(item.product_id);
        const snapshot = priceLine(product, item);
        menu.takeStock(tx, product, item.quantity);
        const line: LineRow = {
          id: item.id ?? crypto.randomUUID(),
          seq: seq++,
          order_id: orderId,
          product_id: product.id,
          quantity: item.quantity,
          note: item.note,
          // A line with a printer zone stays pending until its ticket prints.
          status: snapshot.printer_id === null ? 'sent' : 'pending',
          created_by: user.id,
          created_at: now,
          ...snapshot,
          options: JSON.stringify(snapshot.options),
          preferences: JSON.stringify(snapshot.preferences),
          removed_ingredients: JSON.stringify(snapshot.removed_ingredients),
          split_from: null,
          payment_id: null,
          void_reason: null,
          voided_by: null,
          voided_at: null,
        };
        insertLine(tx, line);
        created.push(line);
        requested.push(line);
      }
      // Only replayed lines need their tickets looked up: a new line's ticket was just queued, or it has none.
      const printStatus = printing.lineStatuses([...stored.values()]);
      if (created.length > 0) {
        const printed = queueTickets(tx, user, order, created);
        for (const line of created) printStatus.set(line.id, printed.has(line.id) ? 'queued' : 'not_printed');
        order = core.refreshStatus(tx, order, [...before, ...created]);
        core.announce(tx, orderId, order.table_id);
      }
      return { ...totalsOf(order, [...before, ...created]), items: requested.map((line) => toLineView(line, printStatus.get(line.id)!)) };
    },

    /** A manager voids a line that has not been paid, with a reason. */
    voidLine(tx: Tx, user: AuthUser, orderId: string, lineId: string, reason: string) {
      const order = core.active(user, orderId);
      const line = found(
        findLines(db, [lineId]).find((candidate) => candidate.order_id === orderId),
        'Order line',
      );
      if (line.status === 'void') throw conflict('line_void', 'This line is already void');
      if (line.status === 'paid') throw conflict('line_paid', 'A paid line cannot be voided');
      updateLine(tx, lineId, { status: 'void', void_reason: reason, voided_by: user.id, voided_at: core.now() });
      const printStatus = printing.lineStatuses([line]).get(lineId)!;
      if (printStatus === 'printed' || printStatus === 'queued' || printStatus === 'failed') {
        printing.queueVoid(tx, user, core.printOrder(order, user.full_name), toLineView(line, printStatus), reason);
      }
      core.audit(tx, user, {
        action: 'void',
        entity: 'order_item',
        entityId: lineId,
        details: { order_id: orderId, name: line.name, quantity: line.quantity, reason },
      });
      core.refreshStatus(tx, order);
      core.announce(tx, orderId, order.table_id);
      return core.view(orderId);
    },
  };
}
