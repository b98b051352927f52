import crypto from 'node:crypto';
import type { Db } from '../db/database.js';

/** Who did it, as far as the cloud knows, and from where. */
export type Actor = { id: string | null; username: string; address: string };

export type ActivityEntry = { action: string; target?: string | undefined; details?: Record<string, unknown> };

/** Appends to the activity log; call it with the transaction that does the recorded thing. */
export const recordActivity = (db: Db, actor: Actor, entry: ActivityEntry, at: string) =>
  db
    .insertInto('admin_activity')
    .values({
      id: crypto.randomUUID(),
      at,
      admin_id: actor.id,
      username: actor.username,
      action: entry.action,
      target: entry.target ?? null,
      address: actor.address,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();

export type ActivityFilter = { from?: string | undefined; to?: string | undefined; adminId?: string | undefined; action?: string | undefined };

/** Newest first; `after` is the (at, id) of the last entry of the previous page. */
export function listActivity(db: Db, filter: ActivityFilter, after: { at: string; id: string } | undefined, limit: number) {
  let query = db.selectFrom('admin_activity').selectAll();
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (filter.adminId !== undefined) query = query.where('admin_id', '=', filter.adminId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (after) query = query.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
