import crypto from 'node:crypto';
import type { Tx } from '../db/database.js';
import type { AppContext } from '../shared/context.js';
import type { AuthUser } from '../shared/env.js';
import { badRequest, conflict } from '../shared/errors.js';
import type { OrderCore } from './order-core.js';
import { findLines, insertLine, markLinePaid, updateLine } from './order-lines.repository.js';
import { insertPayment } from './orders.repository.js';
import type { PaymentMethod } from './orders.table.js';

type PayInput = { items: Array<{ item_id: string; quantity?: number | undefined }>; method: PaymentMethod; tip_cents: number };

export function createPaymentsService(ctx: AppContext, core: OrderCore) {
  const { db } = ctx;

  return {
    /**
     * Pays whole lines or part of a line's quantity. A part payment splits the line: the original
     * id keeps the unpaid remainder and the paid part becomes a new line with `split_from`.
     * Runs inside one write, so two devices paying the same line charge it exactly once.
     */
    pay(tx: Tx, user: AuthUser, orderId: string, input: PayInput) {
      const order = core.active(user, orderId);
      const ids = input.items.map((item) => item.item_id);
      if (new Set(ids).size !== ids.length) throw badRequest('duplicate_line_id', 'The same line appears twice in one payment');
      const lines = new Map(
        findLines(db, ids)
          .filter((line) => line.order_id === orderId)
          .map((line) => [line.id, line]),
      );
      const now = core.now();
      const paymentId = crypto.randomUUID();
      const plan = input.items.map((item) => {
        const line = lines.get(item.item_id);
        if (!line) throw badRequest('unknown_line', `Line ${item.item_id} is not on this order`);
        if (line.status === 'paid') throw conflict('already_paid', `${line.name} is already paid`, { item_id: line.id });
        if (line.status === 'void') throw conflict('line_void', `${line.name} was voided`, { item_id: line.id });
        const quantity = item.quantity ?? line.quantity;
        if (quantity > line.quantity) throw badRequest('quantity_exceeds_line', `Only ${line.quantity} × ${line.name} on this line`, { item_id: line.id });
        return { line, quantity };
      });
      const amount = plan.reduce((sum, { line, quantity }) => sum + line.unit_price_cents * quantity, 0);
      insertPayment(tx, {
        id: paymentId,
        order_id: orderId,
        method: input.method,
        amount_cents: amount,
        tip_cents: input.tip_cents,
        created_by: user.id,
        created_at: now,
      });
      for (const { line, quantity } of plan) {
        if (quantity === line.quantity) {
          markLinePaid(tx, line.id, paymentId);
          continue;
        }
        updateLine(tx, line.id, { quantity: line.quantity - quantity });
        insertLine(tx, { ...line, id: crypto.randomUUID(), quantity, status: 'paid', payment_id: paymentId, split_from: line.id });
      }
      core.audit(tx, user, {
        action: 'payment',
        entity: 'order',
        entityId: orderId,
        details: { payment_id: paymentId, method: input.method, amount_cents: amount, tip_cents: input.tip_cents },
      });
      core.refreshStatus(tx, order);
      core.announce(tx, orderId, order.table_id);
      const view = core.view(orderId);
      return { payment: view.payments.find((payment) => payment.id === paymentId)!, order: view };
    },
  };
}
