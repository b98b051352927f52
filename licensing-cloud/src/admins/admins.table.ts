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
  /** Base32; set at enrolment, in force once `totp_enabled`. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** The TOTP time step last accepted: a code is never accepted twice. */
  totp_last_step: number | null;
  /** JSON array of the SHA-256 hex of unused recovery codes. */
  recovery_codes: Generated<string>;
  created_at: string;
}
