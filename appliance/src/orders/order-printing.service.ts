import type { PrintingService } from '../printing/printing.service.js';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict } from '../shared/errors.js';
import type { OrderCore } from './order-core.js';
import { findOrderOfLine, markLineSent } from './order-lines.repository.js';
import { listOrderWaiters, type OrderRow } from './orders.repository.js';

/** Bills and reprints, and keeping lines' status in step with their kitchen tickets. */
export function createOrderPrintingService(ctx: AppContext, core: OrderCore, printing: PrintingService) {
  const { db } = ctx;

  // Runs inside the write that printed (or first failed to print) the lines' ticket.
  printing.onLinesChanged((tx, itemIds, settled) => {
    if (settled) itemIds.forEach((id) => markLineSent(tx, id));
    const tableOf = new Map<string, number>();
    for (const id of itemIds) {
      const order = findOrderOfLine(tx, id);
      if (order) tableOf.set(order.id, order.table_id);
    }
    for (const [orderId, tableId] of tableOf) core.announce(tx, orderId, tableId);
  });

  const waiters = (order: OrderRow) =>
    listOrderWaiters(db, order.id)
      .map((waiter) => waiter.full_name)
      .join(', ');

  return {
    /** The customer's check, to the given printer or the bill printer. */
    printBill(tx: Tx, user: AuthUser, orderId: string, printerId: number | undefined) {
      const order = core.accessible(user, orderId);
      const view = core.view(orderId);
      return { jobs: [printing.queueBill(tx, user, core.printOrder(order, waiters(order)), view.items, printerId)] };
    },

    /** The order's kitchen tickets again (or only `itemIds`), each marked as a copy. */
    reprint(tx: Tx, user: AuthUser, orderId: string, itemIds: string[] | undefined) {
      const order = core.accessible(user, orderId);
      const lines = core.view(orderId).items;
      let chosen = lines.filter((line) => line.status !== 'void');
      if (itemIds) {
        chosen = itemIds.map((id) => {
          const line = lines.find((candidate) => candidate.id === id);
          if (!line) throw badRequest('unknown_line', `Line ${id} is not on this order`);
          if (line.status === 'void') throw conflict('line_void', `${line.name} was voided`, { item_id: id });
          return line;
        });
      }
      const jobs = printing.reprint(tx, user, core.printOrder(order, waiters(order)), chosen);
      core.audit(tx, user, { action: 'reprint', entity: 'order', entityId: orderId, details: { job_ids: jobs.map((job) => job.id) } });
      return { jobs };
    },
  };
}
