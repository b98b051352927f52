import { sql, type Insertable, type Updateable } from 'kysely';
import { siteStatusSql, type SiteStatus } from './site-status.js';
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
  'tampering_suspected_at',
  'last_seen_at',
  'last_seen_ip',
  'last_version',
  'last_uptime_seconds',
  'created_at',
  'updated_at',
] as const;

export const findSite = (db: Db, id: string, now: Date) =>
  db
    .selectFrom('sites')
    .select([...viewColumns, siteStatusSql(now).as('status')])
    .where('id', '=', id)
    .executeTakeFirst();

/** How the list can be ordered: by name, by licence end (soonest first) or by last heartbeat (latest first, never seen last). */
const SORTS = {
  name: { key: sql<string>`name`, descending: false },
  expiry: { key: sql<string>`license_expires_at`, descending: false },
  last_seen: { key: sql<string>`coalesce(last_seen_at, '')`, descending: true },
} as const;
export type SiteSort = keyof typeof SORTS;
export const SITE_SORTS = Object.keys(SORTS) as SiteSort[];

export type SiteQuery = {
  q?: string | undefined;
  status?: SiteStatus | undefined;
  sort: SiteSort;
  after?: { key: string; id: string } | undefined;
  limit: number;
};

/** `like` matches the text literally: % and _ typed in a search are not wildcards. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** One page of sites matching a search (name, owner or e-mail) and a status, each with its status and sort key. */
export function listSites(db: Db, query: SiteQuery, now: Date) {
  const status = siteStatusSql(now);
  const { key, descending } = SORTS[query.sort];
  let select = db.selectFrom('sites').select([...viewColumns, status.as('status'), key.as('sort_key')]);
  if (query.q) {
    const pattern = containing(query.q);
    select = select.where(({ or }) =>
      or([
        sql<boolean>`lower(name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(owner_name) like ${pattern} escape '\\'`,
        sql<boolean>`lower(contact_email) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (query.status) select = select.where(status, '=', query.status);
  if (query.after) {
    const { key: afterKey, id } = query.after;
    select = select.where(({ or, and, eb }) =>
      or([eb(key, descending ? '<' : '>', afterKey), and([eb(key, '=', afterKey), eb('id', descending ? '<' : '>', id)])]),
    );
  }
  const direction = descending ? 'desc' : 'asc';
  return select.orderBy(key, direction).orderBy('id', direction).limit(query.limit).execute();
}

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

/** Heartbeats of a site, newest first, from `offset`. */
export const heartbeatHistory = (db: Db, siteId: string, offset: number, limit: number) =>
  db
    .selectFrom('site_heartbeats')
    .select(['at', 'ip', 'version', 'uptime_seconds', 'ok', 'locked'])
    .where('site_id', '=', siteId)
    .orderBy('at', 'desc')
    .orderBy('ip')
    .orderBy('uptime_seconds', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();

export const recentHeartbeats = (db: Db, siteId: string) => heartbeatHistory(db, siteId, 0, HISTORY_LENGTH);

/** The UTC days since `since` on which the site's heartbeat was accepted. */
export const daysSeen = async (db: Db, siteId: string, since: string) =>
  (
    await db
      .selectFrom('site_heartbeats')
      .select(sql<string>`substr(at, 1, 10)`.as('day'))
      .distinct()
      .where('site_id', '=', siteId)
      .where('ok', '=', 1)
      .where('at', '>=', since)
      .orderBy('day')
      .execute()
  ).map((row) => row.day);
