import type { Db } from '../db/database.js';
import type { AuthUser } from '../shared/env.js';

const publicColumns = ['id', 'username', 'full_name', 'role'] as const;

export const findUserForLogin = (db: Db, username: string) =>
  db.first(
    db.q
      .selectFrom('users')
      .select([...publicColumns, 'pin_hash'])
      .where('username', '=', username)
      .where('is_active', '=', 1),
  );

export const findActiveUser = (db: Db, id: number): AuthUser | undefined =>
  db.first(db.q.selectFrom('users').select(publicColumns).where('id', '=', id).where('is_active', '=', 1));

export const listActiveStaff = (db: Db): AuthUser[] =>
  db.all(db.q.selectFrom('users').select(publicColumns).where('is_active', '=', 1).orderBy('full_name'));
