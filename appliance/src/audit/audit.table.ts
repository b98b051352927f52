import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<string>;
  user_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
  address: string | null;
}
