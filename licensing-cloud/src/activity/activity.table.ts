/** Every admin action, append-only (a trigger refuses updates and deletes on both databases). */
export interface AdminActivityTable {
  id: string;
  at: string;
  /** Null for a failed sign-in under a name that is no admin. */
  admin_id: string | null;
  username: string;
  action: string;
  /** What it was done to: a site id or an admin id. */
  target: string | null;
  address: string;
  details: string;
}
