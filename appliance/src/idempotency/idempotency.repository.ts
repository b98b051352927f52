import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';

const recordByKey = preparedQuery((q, p: Params<{ userId: number; key: string }>) =>
  q.selectFrom('idempotency_keys').select(['request_hash', 'status', 'response']).where('user_id', '=', p.userId).where('key', '=', p.key),
);

export const findIdempotencyRecord = (db: Db, userId: number, key: string) => recordByKey.first(db, { userId, key });

type IdempotencyRecord = { userId: number; key: string; requestHash: string; status: number; response: string; createdAt: string };

const newRecord = preparedQuery((q, p: Params<IdempotencyRecord>) =>
  q
    .insertInto('idempotency_keys')
    .values({ user_id: p.userId, key: p.key, request_hash: p.requestHash, status: p.status, response: p.response, created_at: p.createdAt })
    .onConflict((oc) => oc.doNothing()),
);

export const insertIdempotencyRecord = (tx: Tx, record: IdempotencyRecord) => newRecord.run(tx, record);

export const deleteIdempotencyRecordsBefore = (tx: Tx, before: string) => tx.run(tx.q.deleteFrom('idempotency_keys').where('created_at', '<', before));
