import type { Db, Tx } from '../db/database.js';

/** Who did it and from where; `id` is null for a sign-in under an unknown name. */
export type Actor = { id: number | null; address: string; requestedBy?: { id: number; full_name: string } | undefined };

export type AuditEntry = {
  actor: Actor;
  action: string;
  entity?: string;
  entityId?: string | number;
  details?: Record<string, unknown>;
};

/** Appends to the audit log; call it inside the write that does the audited thing. */
export function recordAudit(tx: Tx, entry: AuditEntry, at: string): void {
  tx.run(
    tx.q.insertInto('audit_log').values({
      at,
      user_id: entry.actor.id,
      address: entry.actor.address,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId === undefined ? null : String(entry.entityId),
      details: JSON.stringify({ ...entry.details, ...(entry.actor.requestedBy ? { requested_by: entry.actor.requestedBy } : {}) }),
    }),
  );
}

export type AuditQuery = {
  from: string | undefined;
  to: string | undefined;
  action: string | undefined;
  userId: number | undefined;
  beforeId: number | undefined;
  limit: number;
};

export const listAudit = (db: Db, query: AuditQuery) => {
  let select = db.q
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.action', 'a.user_id', 'u.full_name as user_name', 'a.address', 'a.entity', 'a.entity_id', 'a.details']);
  if (query.from !== undefined) select = select.where('a.at', '>=', query.from);
  if (query.to !== undefined) select = select.where('a.at', '<', query.to);
  if (query.action !== undefined) select = select.where('a.action', '=', query.action);
  if (query.userId !== undefined) select = select.where('a.user_id', '=', query.userId);
  if (query.beforeId !== undefined) select = select.where('a.id', '<', query.beforeId);
  return db.all(select.orderBy('a.id', 'desc').limit(query.limit));
};
