export interface AdminsTable {
  id: string;
  /** Stored lower-cased, so sign-in ignores case on both databases. */
  username: string;
  password_hash: string;
  is_active: number;
  created_at: string;
}
