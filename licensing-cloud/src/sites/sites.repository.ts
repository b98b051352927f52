import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/database.js';
import type { SitesTable } from './sites.table.js';

const HISTORY_LENGTH = 50;

const viewColumns = [
  'id',
  'name',
  'owner_name',
  'contact_email',
  'license_expires_at',
  'locked',
  'lock_reason',
  'locked_at',
  'last_seen_at',
  'last_seen_ip',
  'last_version',
  'last_uptime_seconds',
  'created_at',
  'updated_at',
] as const;

export const findSite = (db: Db, id: string) => db.selectFrom('sites').select(viewColumns).where('id', '=', id).executeTakeFirst();

export const listSites = (db: Db) => db.selectFrom('sites').select(viewColumns).orderBy('name').orderBy('id').execute();

export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSite>>>;

export const insertSite = (db: Db, site: Insertable<SitesTable>) => db.insertInto('sites').values(site).execute();

/** Updates a site; false when it does not exist. */
export const updateSite = async (db: Db, id: string, changes: Updateable<SitesTable>) =>
  (await db.updateTable('sites').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;

/** Removes a site and its heartbeat history (call it in a transaction); false when it does not exist. */
export const deleteSite = async (db: Db, id: string) => {
  await db.deleteFrom('site_heartbeats').where('site_id', '=', id).execute();
  return (await db.deleteFrom('sites').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
};

export const recentHeartbeats = (db: Db, siteId: string) =>
  db
    .selectFrom('site_heartbeats')
    .select(['at', 'ip', 'version', 'uptime_seconds', 'ok'])
    .where('site_id', '=', siteId)
    .orderBy('at', 'desc')
    .limit(HISTORY_LENGTH)
    .execute();
