import type { Db } from '../db/database.js';
import { listLines, type LineRow } from './order-lines.repository.js';
import { findTableLabel, listOrderWaiters, listPayments, type OrderRow } from './orders.repository.js';
import type { PrintStatus } from '../printing/printing.schema.js';
import type { LineView, OrderTotals, OrderView } from './orders.schema.js';

/** Each line's kitchen-ticket state (the printing service derives it from the print jobs). */
export type PrintStatuses = (lines: LineRow[]) => Map<string, PrintStatus>;

export function toLineView(line: LineRow, printStatus: PrintStatus): LineView {
  return {
    id: line.id,
    product_id: line.product_id,
    name: line.name,
    quantity: line.quantity,
    unit_price_cents: line.unit_price_cents,
    line_total_cents: line.quantity * line.unit_price_cents,
    vat_rate_bp: line.vat_rate_bp,
    options: JSON.parse(line.options) as LineView['options'],
    preferences: JSON.parse(line.preferences) as LineView['preferences'],
    removed_ingredients: JSON.parse(line.removed_ingredients) as LineView['removed_ingredients'],
    note: line.note,
    status: line.status,
    printer_id: line.printer_id,
    print_status: printStatus,
    split_from: line.split_from,
    created_at: line.created_at,
    created_by: line.created_by,
    void_reason: line.void_reason,
  };
}

const isUnpaid = (line: Pick<LineRow, 'status'>) => line.status === 'pending' || line.status === 'sent';

/** Totals over the lines that count: void lines are neither owed nor paid. */
export function totalsOf(order: OrderRow, lines: Array<Pick<LineRow, 'status' | 'quantity' | 'unit_price_cents'>>): OrderTotals {
  let total = 0;
  let unpaid = 0;
  for (const line of lines) {
    if (line.status === 'void') continue;
    const amount = line.quantity * line.unit_price_cents;
    total += amount;
    if (isUnpaid(line)) unpaid += amount;
  }
  return { id: order.id, table_id: order.table_id, status: order.status, total_cents: total, paid_cents: total - unpaid, unpaid_cents: unpaid };
}

/** The status an active order's lines put it in: open → partially_paid → paid. */
export function paymentStatusOf(lines: Array<Pick<LineRow, 'status'>>): 'open' | 'partially_paid' | 'paid' {
  const counted = lines.filter((line) => line.status !== 'void');
  const paid = counted.filter((line) => line.status === 'paid').length;
  if (paid === 0) return 'open';
  return paid === counted.length ? 'paid' : 'partially_paid';
}

export function buildOrderView(db: Db, order: OrderRow, printStatuses: PrintStatuses): OrderView {
  const lines = listLines(db, order.id);
  const printed = printStatuses(lines);
  return {
    ...totalsOf(order, lines),
    table_label: findTableLabel(db, order.table_id),
    opened_at: order.opened_at,
    opened_by: order.opened_by,
    closed_at: order.closed_at,
    close_reason: order.close_reason,
    waiters: listOrderWaiters(db, order.id),
    items: lines.map((line) => toLineView(line, printed.get(line.id) ?? 'not_printed')),
    payments: listPayments(db, order.id).map(({ order_id: _orderId, ...payment }) => payment),
  };
}
