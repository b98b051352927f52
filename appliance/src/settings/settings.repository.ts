import type { Db } from '../db/database.js';

export const getSetting = (db: Db, key: string): string | undefined => db.first(db.q.selectFrom('settings').select('value').where('key', '=', key))?.value;

export const setSetting = (db: Db, key: string, value: string) =>
  db.run(
    db.q
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
