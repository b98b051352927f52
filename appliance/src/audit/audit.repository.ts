import type { Tx } from '../db/database.js';

export type AuditEntry = {
  userId: number | null;
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
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity ?? null,
      entity_id: entry.entityId === undefined ? null : String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
    }),
  );
}
