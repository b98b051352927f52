import type { Role } from '../auth/users.table.js';

/** A staff member as the API shows them. */
export type StaffUser = { id: number; username: string; full_name: string; role: Role };

/**
 * The user acting on a request and the address it came from (for the audit log); when a manager
 * approved the action on a waiter's phone, the manager, with the waiter who asked.
 */
export type AuthUser = StaffUser & { address: string; requestedBy?: { id: number; full_name: string } };

export const asStaffUser = ({ id, username, full_name, role }: StaffUser): StaffUser => ({ id, username, full_name, role });

export type IdempotencyState = { key: string; requestHash: string; settled: boolean };

export type AppEnv = {
  Variables: {
    requestId: string;
    user: AuthUser;
    /** The signed-in user's token: its version, when its PIN was typed (s) and when it expires (ms). */
    session: { version: number; authTime: number; expiresAt: number };
    idempotency: IdempotencyState | undefined;
  };
};
