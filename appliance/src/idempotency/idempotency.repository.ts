import type { Db } from '../db/database.js';

export const findIdempotencyRecord = (db: Db, userId: number, key: string) =>
  db.first(
    db.q
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'response'])
      .where('user_id', '=', userId)
      .where('key', '=', key),
  );

export const insertIdempotencyRecord = (
  db: Db,
  record: { userId: number; key: string; requestHash: string; status: number; response: string; createdAt: string },
) =>
  db.run(
    db.q
      .insertInto('idempotency_keys')
      .values({
        user_id: record.userId,
        key: record.key,
        request_hash: record.requestHash,
        status: record.status,
        response: record.response,
        created_at: record.createdAt,
      })
      .onConflict((oc) => oc.doNothing()),
  );

export const deleteIdempotencyRecordsBefore = (db: Db, before: string) =>
  db.run(db.q.deleteFrom('idempotency_keys').where('created_at', '<', before));
