import type { Db, Tx } from '../db/database.js';

export const getSetting = (db: Db, key: string): string | undefined => db.first(db.q.selectFrom('settings').select('value').where('key', '=', key))?.value;

export const setSetting = (tx: Tx, key: string, value: string) =>
  tx.run(
    tx.q
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  );
