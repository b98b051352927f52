import type { AdminRole } from '../admins/admins.table.js';

export type AdminView = { id: string; username: string; role: AdminRole; is_active: boolean; totp_enabled: boolean; created_at: string };

/** The signed-in admin acting on a request, and where it came from (for the activity log). */
export type Acting = AdminView & { address: string };

export type AppEnv = { Variables: { admin: Acting } };
