import type { Product } from '../menu/api';
import type { Command } from '../outbox/commands';
import type { Line, Order } from './api';
import { lineSnapshot } from './pricing';

/** The fields of a line the screens use (new fields on the appliance need nothing here). */
export type ViewLine = Pick<
  Line,
  | 'id'
  | 'product_id'
  | 'name'
  | 'quantity'
  | 'unit_price_cents'
  | 'line_total_cents'
  | 'options'
  | 'preferences'
  | 'removed_ingredients'
  | 'note'
  | 'status'
  | 'printer_id'
  | 'split_from'
> & {
  /** Still on this phone: waiting to be sent, or refused by the appliance. */
  local?: 'queued' | 'rejected';
};

export type OrderView = {
  id: string;
  tableId: number;
  tableLabel: string;
  /** The appliance knows this order (it may not yet, when it was opened offline). */
  known: boolean;
  status: Order['status'];
  waiters: Order['waiters'];
  lines: ViewLine[];
  total_cents: number;
  paid_cents: number;
  unpaid_cents: number;
  /** Closing is queued on this phone. */
  closing: boolean;
};

const withTotal = (line: ViewLine, quantity: number): ViewLine => ({ ...line, quantity, line_total_cents: quantity * line.unit_price_cents });

/**
 * The order as the appliance last sent it, with this phone's queued commands applied on top (in
 * order): lines still to be sent, payments still to be recorded, a close still to happen.
 */
export function overlayOrder(input: {
  orderId: string;
  tableId: number;
  tableLabel: string;
  server: Order | undefined;
  commands: Command[];
  products: ReadonlyMap<number, Product>;
}): OrderView {
  const { server, products } = input;
  let lines: ViewLine[] = server ? server.items.map((line) => ({ ...line })) : [];
  let closing = false;
  for (const command of input.commands) {
    if (command.orderId !== input.orderId) continue;
    const local = command.state;
    if (command.kind === 'add_items') {
      for (const item of command.body.items) {
        if (!item.id || lines.some((line) => line.id === item.id)) continue;
        const snapshot = lineSnapshot(products.get(item.product_id), item);
        lines.push({
          ...snapshot,
          id: item.id,
          product_id: item.product_id,
          quantity: item.quantity,
          line_total_cents: item.quantity * snapshot.unit_price_cents,
          note: item.note ?? '',
          status: 'pending',
          split_from: null,
          local,
        });
      }
    } else if (command.kind === 'pay' && local === 'queued') {
      for (const paid of command.body.items) {
        const line = lines.find((candidate) => candidate.id === paid.item_id);
        if (!line || line.status === 'paid' || line.status === 'void') continue;
        const quantity = Math.min(paid.quantity ?? line.quantity, line.quantity);
        if (quantity === line.quantity) {
          lines = lines.map((candidate) => (candidate === line ? { ...line, status: 'paid', local } : candidate));
        } else {
          lines = lines.map((candidate) => (candidate === line ? withTotal(line, line.quantity - quantity) : candidate));
          lines.push({ ...withTotal(line, quantity), id: `${line.id}/paid/${command.seq}`, status: 'paid', split_from: line.id, local });
        }
      }
    } else if (command.kind === 'close' && local === 'queued') {
      closing = true;
    }
  }
  let total = 0;
  let unpaid = 0;
  for (const line of lines) {
    if (line.status === 'void' || line.local === 'rejected') continue;
    total += line.line_total_cents;
    if (line.status !== 'paid') unpaid += line.line_total_cents;
  }
  return {
    id: input.orderId,
    tableId: server?.table_id ?? input.tableId,
    tableLabel: server?.table_label ?? input.tableLabel,
    known: server !== undefined,
    status: server?.status ?? 'open',
    waiters: server?.waiters ?? [],
    lines,
    total_cents: total,
    paid_cents: total - unpaid,
    unpaid_cents: unpaid,
    closing,
  };
}

/** Lines that can still be paid. */
export const payableLines = (view: OrderView) =>
  view.lines.filter((line) => (line.status === 'pending' || line.status === 'sent') && line.local !== 'rejected');
