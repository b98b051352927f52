import type { InferResult } from 'kysely';
import type { Db } from '../db/database.js';
import { groupBy } from '../shared/collections.js';
import type { TableView } from '../tables/tables.schema.js';
import { orderItemCount, orderTotalCents, orderUnpaidCents } from './order-amounts.sql.js';
import { ACTIVE_ORDER_STATUS_LITERALS } from './order-status.js';

/** The floor: every active table with its active order's state, amounts and waiters. */
const tableStateQuery = (db: Db) =>
  db.q
    .selectFrom('tables as t')
    .innerJoin('table_groups as g', 'g.id', 't.group_id')
    .leftJoin('orders as o', (join) => join.onRef('o.table_id', '=', 't.id').on('o.status', 'in', ACTIVE_ORDER_STATUS_LITERALS))
    .select([
      't.id',
      't.label',
      't.group_id',
      'g.name as group_name',
      't.sort_order',
      'o.id as order_id',
      'o.status as order_status',
      'o.opened_at',
      orderItemCount.as('item_count'),
      orderTotalCents.as('total_cents'),
      orderUnpaidCents.as('unpaid_cents'),
    ])
    .where('t.is_active', '=', 1)
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .orderBy('t.sort_order')
    .orderBy('t.id');

type Row = InferResult<ReturnType<typeof tableStateQuery>>[number];

function waitersByOrder(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return new Map<string, never[]>();
  const rows = db.all(
    db.q
      .selectFrom('order_waiters as w')
      .innerJoin('users as u', 'u.id', 'w.user_id')
      .select(['w.order_id', 'u.id', 'u.full_name'])
      .where('w.order_id', 'in', orderIds)
      .orderBy('w.added_at'),
  );
  return groupBy(rows, (row) => row.order_id);
}

function toViews(db: Db, rows: Row[]): TableView[] {
  const waiters = waitersByOrder(
    db,
    rows.flatMap((row) => (row.order_id ? [row.order_id] : [])),
  );
  return rows.map(({ order_status, ...row }) => ({
    ...row,
    state: order_status === 'open' || order_status === 'partially_paid' || order_status === 'paid' ? order_status : 'available',
    waiters: (row.order_id ? (waiters.get(row.order_id) ?? []) : []).map(({ id, full_name }) => ({ id, full_name })),
  }));
}

export const listTableStates = (db: Db): TableView[] => toViews(db, db.all(tableStateQuery(db)));

export const findTableState = (db: Db, id: number): TableView | undefined => toViews(db, db.all(tableStateQuery(db).where('t.id', '=', id)))[0];
