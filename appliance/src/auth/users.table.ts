import type { Generated } from 'kysely';

export type Role = 'waiter' | 'manager' | 'admin';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  pin_hash: string;
  role: Role;
  is_active: Generated<number>;
  created_at: Generated<string>;
  /** Bumped to end every session of the user (PIN reset, role change, deactivation). */
  token_version: Generated<number>;
}

export interface AssistantAssignmentsTable {
  waiter_id: number;
  assistant_id: number;
}
