import zlib from 'node:zlib';
import type { Db, Tx } from '../db/database.js';
import { preparedQuery, type Params } from '../db/prepared.js';

/**
 * Keys one user may keep; past it their oldest are forgotten. A phone replays its outbox within
 * minutes, so a thousand covers any real outage, and one user cannot fill the disk with answers.
 */
export const KEYS_PER_USER = 1_000;

const recordByKey = preparedQuery((q, p: Params<{ userId: number; key: string }>) =>
  q.selectFrom('idempotency_keys').select(['request_hash', 'status', 'response']).where('user_id', '=', p.userId).where('key', '=', p.key),
);

/** Answers are stored deflated (JSON shrinks about tenfold); rows written before that hold plain text. */
const inflated = (stored: string | Buffer) => (typeof stored === 'string' ? stored : zlib.inflateRawSync(stored).toString('utf8'));

export function findIdempotencyRecord(db: Db, userId: number, key: string) {
  const row = recordByKey.first(db, { userId, key });
  return row && { ...row, response: inflated(row.response) };
}

type IdempotencyRecord = { userId: number; key: string; requestHash: string; status: number; response: string; createdAt: string };

const newRecord = preparedQuery((q, p: Params<Omit<IdempotencyRecord, 'response'> & { response: Buffer }>) =>
  q
    .insertInto('idempotency_keys')
    .values({ user_id: p.userId, key: p.key, request_hash: p.requestHash, status: p.status, response: p.response, created_at: p.createdAt })
    .onConflict((oc) => oc.doNothing()),
);

const keysOfUser = preparedQuery((q, p: Params<{ userId: number }>) =>
  q
    .selectFrom('idempotency_keys')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', p.userId),
);

export function insertIdempotencyRecord(tx: Tx, record: IdempotencyRecord): void {
  newRecord.run(tx, { ...record, response: zlib.deflateRawSync(record.response) });
  const excess = (keysOfUser.first(tx, { userId: record.userId })?.count ?? 0) - KEYS_PER_USER;
  if (excess > 0) {
    tx.run(
      tx.q
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', record.userId)
        .where('key', 'in', (q) => q.selectFrom('idempotency_keys').select('key').where('user_id', '=', record.userId).orderBy('created_at').limit(excess)),
    );
  }
}

export const deleteIdempotencyRecordsBefore = (tx: Tx, before: string) => tx.run(tx.q.deleteFrom('idempotency_keys').where('created_at', '<', before));
