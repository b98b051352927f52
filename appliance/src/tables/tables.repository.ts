import type { InferResult } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { orderItemCount, orderTotalCents, orderUnpaidCents } from '../orders/order-amounts.sql.js';
import { ACTIVE_ORDER_STATUS_LITERALS } from '../orders/order-status.js';
import { groupBy } from '../shared/collections.js';
import type { TableView } from './tables.schema.js';

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

export const findActiveTable = (db: Db, id: number) =>
  db.first(db.q.selectFrom('tables').select(['id', 'label', 'group_id']).where('id', '=', id).where('is_active', '=', 1));

export const findActiveGroup = (db: Db, id: number) =>
  db.first(db.q.selectFrom('table_groups').select(['id', 'name', 'sort_order']).where('id', '=', id).where('is_active', '=', 1));

export const listGroups = (db: Db) =>
  db.all(db.q.selectFrom('table_groups').select(['id', 'name', 'sort_order']).where('is_active', '=', 1).orderBy('sort_order').orderBy('id'));

export const labelTaken = (db: Db, label: string, exceptId?: number) =>
  db.first(
    db.q
      .selectFrom('tables')
      .select('id')
      .where('label', '=', label)
      .where('is_active', '=', 1)
      .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!)),
  ) !== undefined;

export const tableHasActiveOrder = (db: Db, tableId: number) =>
  db.first(db.q.selectFrom('orders').select('id').where('table_id', '=', tableId).where('status', 'in', ACTIVE_ORDER_STATUS_LITERALS)) !== undefined;

export const groupHasActiveTables = (db: Db, groupId: number) =>
  db.first(db.q.selectFrom('tables').select('id').where('group_id', '=', groupId).where('is_active', '=', 1)) !== undefined;

type TableColumns = { label: string; group_id: number; sort_order: number };
type GroupColumns = { name: string; sort_order: number };

const insertedId = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);

export const insertTable = (tx: Tx, table: TableColumns) => insertedId(tx.run(tx.q.insertInto('tables').values(table)));

export const updateTable = (tx: Tx, id: number, changes: Partial<TableColumns>) => tx.run(tx.q.updateTable('tables').set(changes).where('id', '=', id));

/** Tables are never deleted: old orders keep pointing at them. */
export const deactivateTable = (tx: Tx, id: number) => tx.run(tx.q.updateTable('tables').set({ is_active: 0 }).where('id', '=', id));

export const insertGroup = (tx: Tx, group: GroupColumns) => insertedId(tx.run(tx.q.insertInto('table_groups').values(group)));

export const updateGroup = (tx: Tx, id: number, changes: Partial<GroupColumns>) => tx.run(tx.q.updateTable('table_groups').set(changes).where('id', '=', id));

export const deactivateGroup = (tx: Tx, id: number) => tx.run(tx.q.updateTable('table_groups').set({ is_active: 0 }).where('id', '=', id));
