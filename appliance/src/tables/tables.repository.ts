import type { Db, Tx } from '../db/database.js';

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
