import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';
import type { OrderItemsTable } from './orders.table.js';

export type LineRow = OrderItemsTable;
/** What a line adds to the order's totals and status. */
export type LineAmount = Pick<LineRow, 'seq' | 'status' | 'quantity' | 'unit_price_cents'>;

const linesOfOrder = preparedQuery((q, p: Params<{ orderId: string }>) =>
  q.selectFrom('order_items').selectAll().where('order_id', '=', p.orderId).orderBy('seq').orderBy('created_at'),
);

export const listLines = (db: Db, orderId: string): LineRow[] => linesOfOrder.all(db, { orderId });

const amountsOfOrder = preparedQuery((q, p: Params<{ orderId: string }>) =>
  q.selectFrom('order_items').select(['seq', 'status', 'quantity', 'unit_price_cents']).where('order_id', '=', p.orderId),
);

export const listLineAmounts = (db: Db, orderId: string): LineAmount[] => amountsOfOrder.all(db, { orderId });

export const findLines = (db: Db, ids: string[]): LineRow[] => (ids.length ? db.all(db.q.selectFrom('order_items').selectAll().where('id', 'in', ids)) : []);

const lineById = preparedQuery((q, p: Params<{ id: string }>) => q.selectFrom('order_items').selectAll().where('id', '=', p.id));

export const findLine = (db: Db, id: string): LineRow | undefined => lineById.first(db, { id });

const newLine = preparedQuery((q, p: Params<LineRow>) =>
  q.insertInto('order_items').values({
    id: p.id,
    seq: p.seq,
    order_id: p.order_id,
    product_id: p.product_id,
    name: p.name,
    quantity: p.quantity,
    unit_price_cents: p.unit_price_cents,
    vat_rate_bp: p.vat_rate_bp,
    options: p.options,
    preferences: p.preferences,
    removed_ingredients: p.removed_ingredients,
    note: p.note,
    status: p.status,
    printer_id: p.printer_id,
    split_from: p.split_from,
    payment_id: p.payment_id,
    created_by: p.created_by,
    created_at: p.created_at,
    void_reason: p.void_reason,
    voided_by: p.voided_by,
    voided_at: p.voided_at,
  }),
);

export const insertLine = (tx: Tx, line: LineRow) => newLine.run(tx, line);

const sent = preparedQuery((q, p: Params<{ id: string }>) =>
  q.updateTable('order_items').set({ status: 'sent' }).where('id', '=', p.id).where('status', '=', 'pending'),
);

/** A pending line whose ticket printed (or first failed to) is sent. */
export const markLineSent = (tx: Tx, id: string) => sent.run(tx, { id });

const paid = preparedQuery((q, p: Params<{ id: string; paymentId: string }>) =>
  q.updateTable('order_items').set({ status: 'paid', payment_id: p.paymentId }).where('id', '=', p.id),
);

export const markLinePaid = (tx: Tx, id: string, paymentId: string) => paid.run(tx, { id, paymentId });

const orderOfLine = preparedQuery((q, p: Params<{ id: string }>) =>
  q.selectFrom('order_items as i').innerJoin('orders as o', 'o.id', 'i.order_id').select(['o.id', 'o.table_id']).where('i.id', '=', p.id),
);

export const findOrderOfLine = (db: Db, lineId: string) => orderOfLine.first(db, { id: lineId });

export const updateLine = (tx: Tx, id: string, changes: Partial<LineRow>) => tx.run(tx.q.updateTable('order_items').set(changes).where('id', '=', id));
