import type { Db } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';
import type { StaffUser } from '../shared/env.js';

const publicColumns = ['id', 'username', 'full_name', 'role'] as const;

export const findUserForLogin = (db: Db, username: string) =>
  db.first(
    db.q
      .selectFrom('users')
      .select([...publicColumns, 'pin_hash', 'token_version'])
      .where('username', '=', username)
      .where('is_active', '=', 1),
  );

const activeUser = preparedQuery((q, p: Params<{ id: number }>) =>
  q
    .selectFrom('users')
    .select([...publicColumns, 'token_version'])
    .where('id', '=', p.id)
    .where('is_active', '=', 1),
);

/** An active user with the version their tokens must carry. */
export const findActiveUser = (db: Db, id: number): (StaffUser & { token_version: number }) | undefined => activeUser.first(db, { id });

export const listActiveStaff = (db: Db): StaffUser[] => db.all(db.q.selectFrom('users').select(publicColumns).where('is_active', '=', 1).orderBy('full_name'));
