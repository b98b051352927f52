import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { AdminView } from '../shared/env.js';
import type { AdminsTable } from './admins.table.js';

const publicColumns = ['id', 'username', 'role', 'is_active', 'totp_enabled', 'created_at'] as const;

const toView = (row: Pick<Selectable<AdminsTable>, (typeof publicColumns)[number]>): AdminView => ({
  ...row,
  is_active: row.is_active === 1,
  totp_enabled: row.totp_enabled === 1,
});

export const findAdminForLogin = (db: Db, username: string) =>
  db
    .selectFrom('admins')
    .select(['id', 'username', 'password_hash', 'is_active', 'session_version', 'totp_secret', 'totp_enabled', 'totp_last_step', 'recovery_codes'])
    .where('username', '=', username)
    .executeTakeFirst();

export const findSecondFactor = (db: Db, id: string) =>
  db.selectFrom('admins').select(['username', 'totp_secret', 'totp_enabled']).where('id', '=', id).executeTakeFirst();

/** Moves the last accepted TOTP step on, unless another sign-in used this step (or a later one) first. */
export const claimTotpStep = async (db: Db, id: string, step: number) =>
  (
    await db
      .updateTable('admins')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst()
  ).numUpdatedRows > 0n;

/** Ends every session the admin has: tokens carry the version they were signed with. */
export const endSessions = (db: Db, id: string) =>
  db
    .updateTable('admins')
    .set((eb) => ({ session_version: eb('session_version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** The admin and the session version their tokens must carry, in one query (every signed-in request asks). */
export const findAdminSession = async (db: Db, id: string) => {
  const row = await db
    .selectFrom('admins')
    .select([...publicColumns, 'session_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_version, ...view } = row;
  return { admin: toView(view), sessionVersion: session_version };
};

export const findAdmin = async (db: Db, id: string): Promise<AdminView | undefined> => {
  const row = await db.selectFrom('admins').select(publicColumns).where('id', '=', id).executeTakeFirst();
  return row && toView(row);
};

export const listAdmins = async (db: Db): Promise<AdminView[]> =>
  (await db.selectFrom('admins').select(publicColumns).orderBy('username').execute()).map(toView);

export const usernameTaken = async (db: Db, username: string) =>
  (await db.selectFrom('admins').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;

export const hasAnyAdmin = async (db: Db) => (await db.selectFrom('admins').select('id').limit(1).executeTakeFirst()) !== undefined;

export const insertAdmin = (db: Db, admin: Insertable<AdminsTable>) => db.insertInto('admins').values(admin).execute();

export const updateAdmin = (db: Db, id: string, changes: Updateable<AdminsTable>) => db.updateTable('admins').set(changes).where('id', '=', id).execute();
