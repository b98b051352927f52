import type { Role } from '../auth/users.table.js';

/** A staff member as the API shows them. */
export type StaffUser = { id: number; username: string; full_name: string; role: Role };

/** The signed-in user acting on a request, and the address the request came from (for the audit log). */
export type AuthUser = StaffUser & { address: string };

export const asStaffUser = ({ id, username, full_name, role }: StaffUser): StaffUser => ({ id, username, full_name, role });

export type IdempotencyState = { key: string; requestHash: string; settled: boolean };

export type AppEnv = {
  Variables: {
    requestId: string;
    user: AuthUser;
    idempotency: IdempotencyState | undefined;
  };
};
