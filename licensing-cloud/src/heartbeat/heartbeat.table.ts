import type { Generated } from 'kysely';

/** Every heartbeat received, accepted or refused; site_id is what the caller claimed. */
export interface SiteHeartbeatsTable {
  site_id: string;
  at: string;
  ip: string;
  version: string;
  uptime_seconds: number;
  ok: number;
  /** 1 when the site was locked (the heartbeat was answered, with the lock). */
  locked: Generated<number>;
}
