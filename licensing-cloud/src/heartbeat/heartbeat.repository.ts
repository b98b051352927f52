import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/database.js';
import type { SiteHeartbeatsTable } from './heartbeat.table.js';

/** One site's accepted heartbeats in a batch: how many, and what the latest one reported. */
export type SiteAdvance = { siteId: string; keyHashHex: string; count: number; at: string; ip: string; version: string; uptimeSeconds: number };

/**
 * Stored key hashes of the given sites, by site id. With `lockRows` (PostgreSQL) the rows are
 * locked in id order until the batch commits: replicas' batches over the same sites then wait for
 * each other instead of deadlocking, whatever order the update visits the rows in.
 */
export async function findKeyHashes(db: Db, siteIds: string[], { lockRows }: { lockRows: boolean }) {
  const query = db.selectFrom('sites').select(['id', 'key_hash']).where('id', 'in', siteIds).orderBy('id');
  const rows = await (lockRows ? query.forUpdate() : query).execute();
  return new Map(rows.map((row) => [row.id, row.key_hash]));
}

// An inline VALUES table: both databases name its columns column1, column2, …
type AdvanceRow = { column1: string; column2: string; column3: number; column4: string; column5: string; column6: string; column7: number };

/**
 * Counts a batch's accepted heartbeats in one statement: each site's seq grows by its count and
 * its last-seen facts are replaced. The key_hash guard skips a site whose key was rotated since
 * it was checked. Returns the new seq (the last one issued) and the facts to sign.
 */
export function advanceSites(db: Db, advances: SiteAdvance[]) {
  const rows = sql.join(
    advances.map((a) => sql`(${a.siteId}, ${a.keyHashHex}, CAST(${a.count} AS bigint), ${a.at}, ${a.ip}, ${a.version}, CAST(${a.uptimeSeconds} AS bigint))`),
  );
  return db
    .updateTable('sites')
    .from(sql<AdvanceRow>`(VALUES ${rows})`.as('v'))
    .set((eb) => ({
      seq: eb('sites.seq', '+', eb.ref('v.column3')),
      last_seen_at: eb.ref('v.column4'),
      last_seen_ip: eb.ref('v.column5'),
      last_version: eb.ref('v.column6'),
      last_uptime_seconds: eb.ref('v.column7'),
    }))
    .whereRef('sites.id', '=', 'v.column1')
    .whereRef('sites.key_hash', '=', 'v.column2')
    .returning(['sites.id', 'sites.seq', 'sites.locked', 'sites.lock_reason', 'sites.license_expires_at'])
    .execute();
}

export type AdvancedSite = Awaited<ReturnType<typeof advanceSites>>[number];

export const markTamperingSuspected = (db: Db, siteIds: string[], at: string) =>
  db.updateTable('sites').set({ tampering_suspected_at: at }).where('id', 'in', siteIds).execute();

export const insertHeartbeats = (db: Db, rows: Array<Insertable<SiteHeartbeatsTable>>) => db.insertInto('site_heartbeats').values(rows).execute();

/** Forgets heartbeats older than `before`. */
export const pruneHeartbeats = async (db: Db, before: string) =>
  Number((await db.deleteFrom('site_heartbeats').where('at', '<', before).executeTakeFirst()).numDeletedRows);
