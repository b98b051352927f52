import type { Generated } from 'kysely';

export interface SitesTable {
  id: string;
  name: string;
  owner_name: string;
  contact_email: string;
  license_expires_at: string;
  /** Hex SHA-256 of the site's secret key; the key itself is never stored. */
  key_hash: string;
  locked: Generated<number>;
  lock_reason: string | null;
  locked_at: string | null;
  /** The sequence number of the last license issued; only grows. */
  seq: Generated<number>;
  last_seen_at: string | null;
  last_seen_ip: string | null;
  last_version: string | null;
  last_uptime_seconds: number | null;
  /** When the site's appliance last reported a licence older than one already issued to it (an old database put back). */
  tampering_suspected_at: string | null;
  created_at: string;
  updated_at: string;
}
