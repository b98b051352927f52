import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';
import { ACTIVE_ORDER_STATUS_LITERALS } from './order-status.js';
import type { OrdersTable, OrderStatus, PaymentsTable } from './orders.table.js';

export type OrderRow = OrdersTable;

const orderById = preparedQuery((q, p: Params<{ id: string }>) => q.selectFrom('orders').selectAll().where('id', '=', p.id));

export const findOrder = (db: Db, id: string): OrderRow | undefined => orderById.first(db, { id });

/** Managers aside, a user may act on an order they opened, serve as one of its waiters, or assist its opener. */
const orderForUser = preparedQuery((q, p: Params<{ id: string; userId: number }>) =>
  q
    .selectFrom('orders as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .or([
          eb('o.opened_by', '=', p.userId),
          eb.exists(eb.selectFrom('order_waiters as w').select('w.user_id').whereRef('w.order_id', '=', 'o.id').where('w.user_id', '=', p.userId)),
          eb.exists(
            eb
              .selectFrom('assistant_assignments as a')
              .select('a.waiter_id')
              .whereRef('a.waiter_id', '=', 'o.opened_by')
              .where('a.assistant_id', '=', p.userId),
          ),
        ])
        .as('may_act'),
    )
    .where('o.id', '=', p.id),
);

export const findOrderForUser = (db: Db, id: string, userId: number) => orderForUser.first(db, { id, userId });

export const findActiveOrderOnTable = (db: Db, tableId: number) =>
  db.first(db.q.selectFrom('orders').select('id').where('table_id', '=', tableId).where('status', 'in', ACTIVE_ORDER_STATUS_LITERALS));

export const insertOrder = (tx: Tx, order: OrderRow) => tx.run(tx.q.insertInto('orders').values(order));

export const updateOrder = (tx: Tx, id: string, changes: Partial<OrderRow>) => tx.run(tx.q.updateTable('orders').set(changes).where('id', '=', id));

export const addOrderWaiter = (tx: Tx, orderId: string, userId: number, at: string) =>
  tx.run(
    tx.q
      .insertInto('order_waiters')
      .values({ order_id: orderId, user_id: userId, added_at: at })
      .onConflict((oc) => oc.doNothing()),
  );

/** A merge: another order's lines, payments and waiters become this order's. */
export function moveOrderContents(tx: Tx, fromOrderId: string, toOrderId: string, at: string): void {
  tx.run(tx.q.updateTable('order_items').set({ order_id: toOrderId }).where('order_id', '=', fromOrderId));
  tx.run(tx.q.updateTable('payments').set({ order_id: toOrderId }).where('order_id', '=', fromOrderId));
  for (const waiter of waitersOfOrder.all(tx, { orderId: fromOrderId })) addOrderWaiter(tx, toOrderId, waiter.user_id, at);
}

const waitersOf = preparedQuery((q, p: Params<{ orderId: string }>) =>
  q
    .selectFrom('order_waiters as w')
    .innerJoin('users as u', 'u.id', 'w.user_id')
    .select(['u.id', 'u.username', 'u.full_name'])
    .where('w.order_id', '=', p.orderId)
    .orderBy('w.added_at')
    .orderBy('u.id'),
);

export const listOrderWaiters = (db: Db, orderId: string) => waitersOf.all(db, { orderId });

export const insertPayment = (tx: Tx, payment: PaymentsTable) => tx.run(tx.q.insertInto('payments').values(payment));

const paymentsOf = preparedQuery((q, p: Params<{ orderId: string }>) =>
  q.selectFrom('payments').selectAll().where('order_id', '=', p.orderId).orderBy('created_at'),
);

export const listPayments = (db: Db, orderId: string) => paymentsOf.all(db, { orderId });

const tableLabel = preparedQuery((q, p: Params<{ id: number }>) => q.selectFrom('tables').select('label').where('id', '=', p.id));

export const findTableLabel = (db: Db, tableId: number) => tableLabel.first(db, { id: tableId })?.label ?? '';

const waitersOfOrder = preparedQuery((q, p: Params<{ orderId: string }>) => q.selectFrom('order_waiters').select('user_id').where('order_id', '=', p.orderId));
const assistantsOf = preparedQuery((q, p: Params<{ waiterId: number }>) =>
  q.selectFrom('assistant_assignments').select('assistant_id').where('waiter_id', '=', p.waiterId),
);

/** Everyone who may see an order besides managers: its opener, its waiters, and the opener's assistants. */
export function orderAudience(db: Db, order: Pick<OrderRow, 'id' | 'opened_by'>): number[] {
  const waiters = waitersOfOrder.all(db, { orderId: order.id });
  const assistants = assistantsOf.all(db, { waiterId: order.opened_by });
  return [...new Set([order.opened_by, ...waiters.map((w) => w.user_id), ...assistants.map((a) => a.assistant_id)])];
}

/** Active orders a waiter opened, was added to, or assists the opener of. */
export const listMyActiveOrderIds = (db: Db, userId: number): string[] =>
  db
    .all(
      db.q
        .selectFrom('orders as o')
        .select('o.id')
        .where('o.status', 'in', ACTIVE_ORDER_STATUS_LITERALS)
        .where((eb) =>
          eb.or([
            eb('o.opened_by', '=', userId),
            eb.exists(eb.selectFrom('order_waiters as w').select('w.user_id').whereRef('w.order_id', '=', 'o.id').where('w.user_id', '=', userId)),
            eb.exists(
              eb
                .selectFrom('assistant_assignments as a')
                .select('a.waiter_id')
                .whereRef('a.waiter_id', '=', 'o.opened_by')
                .where('a.assistant_id', '=', userId),
            ),
          ]),
        )
        .orderBy('o.opened_at'),
    )
    .map((row) => row.id);

export type OrderFilter = {
  status?: OrderStatus | undefined;
  tableId?: number | undefined;
  waiterId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: { openedAt: string; id: string } | undefined;
  limit: number;
};

/** Newest first, keyset-paged by (opened_at, id). */
export const listOrderIds = (db: Db, filter: OrderFilter): string[] =>
  db
    .all(
      db.q
        .selectFrom('orders as o')
        .select('o.id')
        .$if(filter.status !== undefined, (q) => q.where('o.status', '=', filter.status!))
        .$if(filter.tableId !== undefined, (q) => q.where('o.table_id', '=', filter.tableId!))
        .$if(filter.waiterId !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('o.opened_by', '=', filter.waiterId!),
              eb.exists(eb.selectFrom('order_waiters as w').select('w.user_id').whereRef('w.order_id', '=', 'o.id').where('w.user_id', '=', filter.waiterId!)),
            ]),
          ),
        )
        .$if(filter.from !== undefined, (q) => q.where('o.opened_at', '>=', filter.from!))
        .$if(filter.to !== undefined, (q) => q.where('o.opened_at', '<', filter.to!))
        .$if(filter.after !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('o.opened_at', '<', filter.after!.openedAt),
              eb.and([eb('o.opened_at', '=', filter.after!.openedAt), eb('o.id', '<', filter.after!.id)]),
            ]),
          ),
        )
        .orderBy('o.opened_at', 'desc')
        .orderBy('o.id', 'desc')
        .limit(filter.limit),
    )
    .map((row) => row.id);
