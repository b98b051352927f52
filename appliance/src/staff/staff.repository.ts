import type { Updateable } from 'kysely';
import type { UsersTable } from '../auth/users.table.js';
import type { Db, Tx } from '../db/database.js';
import type { StaffView } from './staff.schema.js';

const staffColumns = ['id', 'username', 'full_name', 'role', 'is_active'] as const;

type StaffRow = Omit<StaffView, 'is_active' | 'assistant_ids'> & { is_active: number };

function assistantsByWaiter(db: Db, waiterIds: number[]) {
  const byWaiter = new Map<number, number[]>();
  if (waiterIds.length === 0) return byWaiter;
  const rows = db.all(
    db.q.selectFrom('assistant_assignments').select(['waiter_id', 'assistant_id']).where('waiter_id', 'in', waiterIds).orderBy('assistant_id'),
  );
  for (const row of rows) byWaiter.set(row.waiter_id, [...(byWaiter.get(row.waiter_id) ?? []), row.assistant_id]);
  return byWaiter;
}

function toViews(db: Db, rows: StaffRow[]): StaffView[] {
  const assistants = assistantsByWaiter(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, is_active: row.is_active === 1, assistant_ids: assistants.get(row.id) ?? [] }));
}

/** Everyone, active staff first; never PINs or hashes. */
export const listStaff = (db: Db): StaffView[] =>
  toViews(db, db.all(db.q.selectFrom('users').select(staffColumns).orderBy('is_active', 'desc').orderBy('full_name').orderBy('id')));

export const findStaff = (db: Db, id: number): StaffView | undefined =>
  toViews(db, db.all(db.q.selectFrom('users').select(staffColumns).where('id', '=', id)))[0];

/** Usernames compare case-insensitively (the column is NOCASE), inactive users included. */
export const usernameTaken = (db: Db, username: string) => db.first(db.q.selectFrom('users').select('id').where('username', '=', username)) !== undefined;

export const activeUserIds = (db: Db, ids: number[]): number[] =>
  ids.length === 0 ? [] : db.all(db.q.selectFrom('users').select('id').where('id', 'in', ids).where('is_active', '=', 1)).map((row) => row.id);

export const insertUser = (tx: Tx, user: { username: string; full_name: string; role: StaffView['role']; pin_hash: string }) =>
  Number(tx.run(tx.q.insertInto('users').values(user)).lastInsertRowid);

export const updateUser = (tx: Tx, id: number, changes: Updateable<UsersTable>) => tx.run(tx.q.updateTable('users').set(changes).where('id', '=', id));

/** Every token the user holds stops working (they carry the old version). */
export const endSessions = (tx: Tx, id: number) =>
  tx.run(
    tx.q
      .updateTable('users')
      .set((eb) => ({ token_version: eb('token_version', '+', 1) }))
      .where('id', '=', id),
  );

export function replaceAssistants(tx: Tx, waiterId: number, assistantIds: number[]): void {
  tx.run(tx.q.deleteFrom('assistant_assignments').where('waiter_id', '=', waiterId));
  for (const assistantId of assistantIds) {
    tx.run(tx.q.insertInto('assistant_assignments').values({ waiter_id: waiterId, assistant_id: assistantId }));
  }
}

/** A deactivated user neither has nor gives assistance any more. */
export const removeAssignmentsOf = (tx: Tx, userId: number) =>
  tx.run(tx.q.deleteFrom('assistant_assignments').where((eb) => eb.or([eb('waiter_id', '=', userId), eb('assistant_id', '=', userId)])));
