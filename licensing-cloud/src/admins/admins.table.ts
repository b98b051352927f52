import type { Generated } from 'kysely';

export const ADMIN_ROLES = ['viewer', 'operator', 'owner'] as const;
/** viewer: reads everything; operator: also changes sites; owner: also manages admins. */
export type AdminRole = (typeof ADMIN_ROLES)[number];

export interface AdminsTable {
  id: string;
  /** Stored lower-cased, so sign-in ignores case on both databases. */
  username: string;
  password_hash: string;
  is_active: number;
  role: Generated<AdminRole>;
  /** Moves on at sign-out and password change; a token carrying an older one is refused. */
  session_version: Generated<number>;
  created_at: string;
}
